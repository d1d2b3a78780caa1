/**
 * Rows of the fast path's table (fast-path.ts), read from the oclif classes that defineCommand makes.
 * scripts/build-fast-path.js writes one per command at build time; tests build them in-process.
 */
import { declaredCommands } from './define-command.js'
import type { FastCommand, FastFlag } from './fast-path.js'
import { payloadFields } from './payload-flags.js'

/** flag properties whose meaning the fast parser reproduces; any other one sends the command to oclif */
const understood = new Set(['name', 'parse', 'summary', 'description', 'options', 'default', 'helpGroup', 'input', 'multiple', 'type', 'char', 'allowNo', 'required', 'exclusive', 'hidden'])

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

function fastFlag(flag: OclifFlagLike): FastFlag | undefined {
  if (Object.keys(flag).some((key) => !understood.has(key)) || flag.multiple || typeof flag.default === 'function') return undefined
  const row: Record<string, unknown> = { type: flag.type }
  for (const key of ['char', 'allowNo', 'options', 'required', 'default', 'exclusive']) if (flag[key] !== undefined && flag[key] !== false) row[key] = flag[key]
  return row as unknown as FastFlag
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
  const flags: Record<string, FastFlag> = {}
  for (const [name, flag] of Object.entries({ ...command.baseFlags, ...command.flags })) {
    const row = fastFlag(flag as OclifFlagLike)
    if (!row) return undefined
    flags[name] = row
  }
  const { payload, result: _result, ...endpoint } = declaration.endpoint
  const args = Object.keys(command.args ?? {})
  // arguments arrive as text: only a string field's checks say whether zod would take them
  const argChecks = Object.fromEntries(
    payloadFields(payload)
      .filter((field) => args.includes(field.field))
      .map((field) => [field.field, field.kind === 'string' ? field.checks : undefined]),
  )
  return {
    id,
    endpoint,
    schema,
    plainPayload: ((payload.def as { checks?: unknown[] }).checks ?? []).length === 0,
    fields,
    args,
    argChecks,
    flags,
    ownFormat: Object.hasOwn(command.flags ?? {}, 'format'),
    ownQuery: Object.hasOwn(command.flags ?? {}, 'query'),
    download: Boolean(declaration.download),
  }
}
