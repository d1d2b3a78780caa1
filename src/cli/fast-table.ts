/**
 * Rows of the fast path's table (fast-path.ts), read from the oclif classes that defineCommand makes.
 * scripts/build-fast-path.js writes one per command at build time; tests build them in-process.
 */
import * as Flags from '@oclif/core/flags'
import { z } from 'zod'
import type { CommandLineFlag } from './command-line.js'
import { unsupportedRules } from './command-line.js'
import { declaredCommands } from './define-command.js'
import type { FastCommand } from './fast-path.js'
import { tableSchema, type ValueSchema } from './schema-checks.js'

/** the text of oclif's own `parse` functions, which pass the value through: any other parse is code the table cannot hold */
const passThroughParses = new Set([String(Flags.string({}).parse), String(Flags.boolean({}).parse)])

/** Where each endpoint object is defined: module path under dist/ (`api/endpoints/ai.js`) and export name. */
export type EndpointLocations = Map<object, { module: string; export: string }>

export function endpointLocations(modules: Record<string, Record<string, unknown>>): EndpointLocations {
  const locations: EndpointLocations = new Map()
  for (const [module, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) if (value && typeof value === 'object') locations.set(value, { module, export: name })
  }
  return locations
}

interface OclifFlagLike {
  type: 'boolean' | 'option'
  multiple?: boolean
  default?: unknown
  [key: string]: unknown
}

/** The flag as data for the one parser (command-line.ts), or undefined when it holds code (a parse, a default function). */
function fastFlag(name: string, flag: OclifFlagLike): CommandLineFlag | undefined {
  if (typeof flag.default === 'function' || (flag.parse !== undefined && !passThroughParses.has(String(flag.parse)))) return undefined
  if (unsupportedRules({ [name]: flag }).length > 0) return undefined
  const row: Record<string, unknown> = { type: flag.type }
  for (const key of ['char', 'allowNo', 'options', 'required', 'default', 'exclusive', 'dependsOn', 'multiple', 'hidden', 'aliases']) if (flag[key] !== undefined && flag[key] !== false) row[key] = flag[key]
  return row as unknown as CommandLineFlag
}

/** The command's row, or undefined when the fast path cannot run it exactly as oclif would (prepare, filters, extra flags, always waiting). */
export function fastRowFor(
  id: string,
  command: { flags?: Record<string, unknown>; baseFlags?: Record<string, unknown>; args?: Record<string, unknown>; strict?: boolean },
  locations: EndpointLocations,
): FastCommand | undefined {
  const declared = declaredCommands.get(command)
  if (!declared) return undefined
  const { declaration, fields } = declared
  if (declaration.prepare || declaration.filterResult || declaration.extraFlags || declaration.waitAlways || command.strict === false) return undefined
  const schema = locations.get(declaration.endpoint)
  if (!schema) return undefined
  const flags: Record<string, CommandLineFlag> = {}
  for (const [name, flag] of Object.entries({ ...command.baseFlags, ...command.flags })) {
    const row = fastFlag(name, flag as OclifFlagLike)
    if (!row) return undefined
    flags[name] = row
  }
  const { payload, result: _result, ...endpoint } = declaration.endpoint
  const args = Object.keys(command.args ?? {})
  const checks = Object.fromEntries(Object.entries(payload.shape).map(([field, schema]) => [field, fieldSchema(schema as z.ZodType)]))
  return {
    id,
    endpoint,
    schema,
    plainPayload: ((payload.def as { checks?: unknown[] }).checks ?? []).length === 0,
    fields,
    args,
    checks,
    flags,
    ownFormat: Object.hasOwn(command.flags ?? {}, 'format'),
    ownQuery: Object.hasOwn(command.flags ?? {}, 'query'),
    download: Boolean(declaration.download),
  }
}

/** A payload field's checks, as zod itself exports them (JSON Schema), or undefined where only zod can tell. */
function fieldSchema(schema: z.ZodType): ValueSchema | undefined {
  try {
    return tableSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>)
  } catch {
    return undefined
  }
}
