import { readFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { UsageError } from './cli-error.js'
import type { ValueCheck } from './value-checks.js'

/** How a flag's text becomes a payload value. */
export type FlagKind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'csv' | 'date' | 'json'

/** What the CLI needs to know about one payload field to offer it as a flag (read from the payload schema). */
export interface PayloadField {
  field: string
  flag: string
  kind: FlagKind
  required: boolean
  nullable: boolean
  options?: string[]
  description?: string
  /**
   * Everything the schema checks beyond what the kind's conversion guarantees, as data; undefined when
   * that cannot be written as data (JSON values, refinements), and only zod can tell.
   */
  checks?: ValueCheck[]
}

/** A payload field as a command offers it: `name` is the flag, after overrides. */
export interface FieldFlag extends PayloadField {
  name: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A JSON flag's text: inline JSON, `@path` for a file, or `-` for standard input.
 * Refuses text that is not UTF-8 or not JSON, naming the flag.
 */
export async function readJsonValue(flag: string, text: string, stdin: Readable): Promise<unknown> {
  let source = text
  let origin = ''
  if (text === '-') {
    source = decode(flag, await readAll(stdin), 'standard input')
    origin = ' (from standard input)'
  } else if (text.startsWith('@') && text.length > 1) {
    const path = text.slice(1)
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new UsageError(`--${flag}: cannot read ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`)
    }
    source = decode(flag, bytes, path)
    origin = ` (from ${path})`
  }
  if (source.trim() === '') throw new UsageError(`--${flag}: expected JSON${origin}, got nothing`)
  try {
    return JSON.parse(source)
  } catch (error) {
    const hint = /^[\w-]/.test(source.trim()) && !/^(true|false|null|-?\d)/.test(source.trim()) ? ' (quote the JSON in single quotes, or pass @file)' : ''
    throw new UsageError(`--${flag} is not valid JSON${origin}: ${(error as Error).message}${hint}`)
  }
}

function decode(flag: string, bytes: Buffer, origin: string): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new UsageError(`--${flag}: ${origin} is not UTF-8 text`)
  }
}

/** Everything a stream holds (standard input), as bytes. */
export async function readAll(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/** `a,b, c` → ['a','b','c']; empty items dropped. */
export function splitCsv(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

export function parseInteger(flag: string, text: string): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${flag}: expected a whole number, got ${JSON.stringify(text)}`)
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${flag}: ${text} is too large`)
  return value
}

export function parseNumber(flag: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${flag}: expected a number, got ${JSON.stringify(text)}`)
  return value
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** `90s`, `10m`, `1h`, `500ms`; a bare number is seconds. */
export function parseDuration(flag: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim())
  if (!match) throw new UsageError(`--${flag}: expected a duration such as 90s, 10m or 1h, got ${JSON.stringify(text)}`)
  return Math.round(Number(match[1]) * durationUnits[match[2] ?? 's'])
}

/**
 * Boolean flags also appear written with a value in the docs (`--has-actions true`): rewrite
 * `--x true|false` and `--x=true|false` into `--x` / `--no-x` before oclif parses.
 */
export function normalizeBooleanValues(argv: string[], flags: Record<string, { type: string; allowNo?: boolean }>): string[] {
  const booleanFlags = new Set(Object.keys(flags).filter((name) => flags[name].type === 'boolean'))
  const negatable = new Set([...booleanFlags].filter((name) => flags[name].allowNo))
  const out: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]
    if (token === '--') {
      out.push(...argv.slice(index))
      break
    }
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(token)
    if (match && booleanFlags.has(match[1])) {
      const name = match[1]
      let value = match[2]
      if (value === undefined && /^(true|false)$/i.test(argv[index + 1] ?? '')) {
        value = argv[index + 1]
        index++
      }
      if (value === undefined) out.push(token)
      else if (/^true$/i.test(value)) out.push(`--${name}`)
      else if (/^false$/i.test(value)) {
        if (!negatable.has(name)) throw new UsageError(`--${name} does not take false; leave it out instead`)
        out.push(`--no-${name}`)
      } else throw new UsageError(`--${name} takes no value, or true/false; got ${JSON.stringify(value)}`)
      continue
    }
    out.push(token)
  }
  return out
}

/** Turns one flag's text into the payload value its kind calls for. */
export async function flagValue(field: FieldFlag, raw: unknown, stdin: NodeJS.ReadableStream): Promise<unknown> {
  if (field.kind === 'boolean') return raw
  const text = String(raw)
  // "null" clears a nullable field (play update --folder-uuid null); JSON flags parse it themselves.
  if (field.nullable && field.kind !== 'json' && text === 'null') return null
  switch (field.kind) {
    case 'json':
      return readJsonValue(field.name, text, stdin as never)
    case 'csv':
      return splitCsv(text)
    case 'integer':
      return parseInteger(field.name, text)
    case 'number':
      return parseNumber(field.name, text)
    default:
      return text
  }
}
