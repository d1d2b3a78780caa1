import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { CliError, UsageError } from './cli-error.js'

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
  /** the schema takes only a JSON object (z.object, z.record): arrays, strings and numbers are refused by name */
  object?: boolean
}

/** A payload field as a command offers it: `name` is the flag, after overrides. */
export interface FieldFlag extends PayloadField {
  name: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The most read from `@file` or `-` for one flag: a runaway source (`@/dev/zero`, an endless pipe) fails
 * at this size instead of filling memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024
const MAX_INPUT_TEXT = '256 MiB'

/** Node's timers hold at most this many milliseconds; a longer delay fires at once instead. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * A JSON flag's text: inline JSON, `@path` for a file, or `-` for standard input.
 * Refuses text that is not UTF-8 or not JSON, naming the flag.
 */
export async function readJsonValue(flag: string, text: string, stdin: Readable): Promise<unknown> {
  let source = text
  let origin = ''
  if (text === '-') {
    source = decode(flag, await readAll(stdin, `--${flag}: standard input`), 'standard input')
    origin = ' (from standard input)'
  } else if (text.startsWith('@') && text.length > 1) {
    const path = text.slice(1)
    source = decode(flag, await readInputFile(flag, path), path)
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

/** A file's bytes, refused by its size before reading, and counted while reading (devices and pipes have no size). */
async function readInputFile(flag: string, path: string): Promise<Buffer> {
  try {
    const stats = await stat(path)
    if (stats.isDirectory()) throw new UsageError(`--${flag}: ${path} is a directory, not a file`)
    if (stats.size > MAX_INPUT_BYTES) throw tooLarge(`--${flag}: ${path}`)
    return await readAll(createReadStream(path, { highWaterMark: 1024 * 1024 }), `--${flag}: ${path}`)
  } catch (error) {
    if (error instanceof CliError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`--${flag}: cannot read ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`)
  }
}

function tooLarge(source: string): UsageError {
  return new UsageError(`${source} holds more than ${MAX_INPUT_TEXT}, the limit for inputs read from @file or -`)
}

/**
 * Everything a stream holds (standard input), as bytes, up to MAX_INPUT_BYTES: past that it stops
 * reading and fails (exit 2), naming `source`.
 */
export async function readAll(stream: Readable | NodeJS.ReadableStream, source = 'standard input'): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    size += bytes.length
    // leaving the loop destroys the stream: nothing more is read
    if (size > MAX_INPUT_BYTES) throw tooLarge(source)
    chunks.push(bytes)
  }
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

/** A delay a timer will keep: at most MAX_TIMER_MS (about 24.8 days), else Node would fire it at once. `name`: `--wait-timeout`, `CARGO_AI_TIMEOUT`. */
export function checkTimerMs(name: string, ms: number): number {
  if (ms > MAX_TIMER_MS) throw new UsageError(`${name}: at most ${MAX_TIMER_MS} ms (about 24 days), got ${ms} ms`)
  return ms
}

/** `2025-01-31`, `2025-01-31T10:00`, `2025-01-31 10:00:00.5+02:00`: what isoDate accepts, taken apart. */
const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/

/**
 * Refuses a date that has the right shape but does not exist (`2025-13-45`, `2025-02-30`, `24:00`): the
 * parts must come back unchanged from a calendar date. Other shapes are left to the schema's own message.
 */
export function checkRealDate(flag: string, text: string): string {
  const match = DATE_PARTS.exec(text)
  if (!match) return text
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)))
  const date = new Date(0)
  date.setUTCFullYear(year!, month! - 1, day)
  date.setUTCHours(hour, minute, second)
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day &&
    date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second &&
    offsetHours <= 23 && offsetMinutes <= 59
  if (!real) throw new UsageError(`--${flag}: ${JSON.stringify(text)} is not a real date${match[4] === undefined ? '' : ' and time'}`)
  return text
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
    case 'json': {
      const value = await readJsonValue(field.name, text, stdin as never)
      if (field.object) checkObject(field, value)
      return value
    }
    case 'csv': {
      const items = splitCsv(text)
      if (items.length === 0) throw new UsageError(`--${field.name}: no value given; expected a comma-separated list${field.nullable ? ', or null to clear' : ''} (leave the flag out for none)`)
      return items
    }
    case 'date':
      return checkRealDate(field.name, text)
    case 'integer':
      return parseInteger(field.name, text)
    case 'number':
      return parseNumber(field.name, text)
    default:
      return text
  }
}

/** A JSON flag whose schema takes an object: anything else is refused here, in words (zod would say "expected record"). */
function checkObject(field: FieldFlag, value: unknown): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return
  if (value === null && field.nullable) return
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
  throw new UsageError(`--${field.name} must be a JSON object ({"key": value, …}), got ${got}`)
}
