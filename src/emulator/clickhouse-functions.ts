import type Database from 'better-sqlite3'

/**
 * The API runs `orchestration query execute` on ClickHouse; the emulator runs SQLite. This module closes
 * the gap for what the docs' queries use: ClickHouse functions become SQLite user functions (installed in
 * the SQL sandbox's process), and the syntax SQLite lacks (`expr - INTERVAL 7 DAY`) is rewritten in the
 * query text, token by token, so that string literals, quoted names and comments are never touched.
 * Anything else ClickHouse-only is refused with a reason that says the emulator's SQL differs.
 *
 * Dates and times are ISO 8601 text, as the emulator stores them (`2025-06-01T12:00:00.000Z`, dates
 * `2025-06-01`), so that comparing a column with `now() - INTERVAL 1 DAY` or `toDate(...)` orders right.
 */

export const UNSUPPORTED_REASON = 'emulatorSqlUnsupported'

/** What the emulator adds to SQLite, named in refusals so that a user knows what is there. */
export const CLICKHOUSE_FUNCTIONS = [
  'count()', 'countIf', 'sumIf', 'avgIf', 'uniq', 'uniqExact', 'now', 'today', 'yesterday', 'toDate', 'toDateTime',
  'toStartOfMinute', 'toStartOfHour', 'toStartOfDay', 'toStartOfWeek', 'toMonday', 'toStartOfMonth', 'toStartOfYear',
  'dateDiff', 'date_add', 'date_sub',
] as const

const DIFFERS = `The emulator runs SQLite with ClickHouse's common functions added (${CLICKHOUSE_FUNCTIONS.join(', ')}, INTERVAL n unit); its SQL differs from the API's ClickHouse`

export class UnsupportedSql extends Error {
  readonly reason = UNSUPPORTED_REASON
}

/** The body of a refusal for an error the sandbox's SQLite reported. */
export function explainSqlError(message: string): { errorMessage: string; reason?: string } {
  const missing = /no such function: (\S+)/i.exec(message)?.[1]
  if (missing) return { errorMessage: `SQL error: the emulator has no function ${missing}. ${DIFFERS}.`, reason: UNSUPPORTED_REASON }
  if (/syntax error|incomplete input|unrecognized token/i.test(message)) return { errorMessage: `${message} (${DIFFERS}.)` }
  return { errorMessage: message }
}

// ---------------------------------------------------------------------------------------------
// The query text

interface Token {
  kind: 'string' | 'name' | 'word' | 'number' | 'space' | 'comment' | 'symbol'
  text: string
}

const TOKEN = /('(?:[^']|'')*'?)|("(?:[^"]|"")*"?|`(?:[^`]|``)*`?)|(--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|([A-Za-z_][\w$]*)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(\s+)|([\s\S])/gy

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(sql); match; match = TOKEN.exec(sql)) {
    const kind = match[1] !== undefined ? 'string' : match[2] !== undefined ? 'name' : match[3] !== undefined ? 'comment'
      : match[4] !== undefined ? 'word' : match[5] !== undefined ? 'number' : match[6] !== undefined ? 'space' : 'symbol'
    tokens.push({ kind, text: match[0] })
  }
  return tokens
}

const isCode = (token: Token) => token.kind !== 'space' && token.kind !== 'comment'
const isWord = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text.toLowerCase() === word

/** The index of the next (or previous) token that is code, not space or comment. */
function step(tokens: readonly Token[], from: number, direction: 1 | -1): number {
  let index = from + direction
  while (index >= 0 && index < tokens.length && !isCode(tokens[index])) index += direction
  return index
}

function matchingOpen(tokens: readonly Token[], close: number): number {
  let depth = 0
  for (let index = close; index >= 0; index--) {
    if (tokens[index].kind !== 'symbol') continue
    if (tokens[index].text === ')') depth++
    else if (tokens[index].text === '(' && --depth === 0) return index
  }
  return -1
}

/** The function whose parentheses enclose `index`, if any. */
function enclosingCall(tokens: readonly Token[], index: number): string | undefined {
  let depth = 0
  for (let at = index - 1; at >= 0; at--) {
    if (tokens[at].kind !== 'symbol') continue
    if (tokens[at].text === ')') depth++
    else if (tokens[at].text === '(') {
      if (depth === 0) {
        const name = tokens[step(tokens, at, -1)]
        return name?.kind === 'word' ? name.text.toLowerCase() : undefined
      }
      depth--
    }
  }
  return undefined
}

/**
 * Where the operand left of a binary operator at `operator` starts: a call `f(...)`, a parenthesised
 * expression, a (dotted) column name, or a literal. Operators bind tighter than ClickHouse would only
 * when that operand is itself a sum, which date arithmetic never is in practice.
 */
function leftOperandStart(tokens: readonly Token[], operator: number): number {
  let at = step(tokens, operator, -1)
  const last = tokens[at]
  if (!last) return -1
  if (last.kind === 'symbol' && last.text === ')') {
    const open = matchingOpen(tokens, at)
    if (open < 0) return -1
    const before = step(tokens, open, -1)
    return tokens[before]?.kind === 'word' && !KEYWORDS.has(tokens[before].text.toLowerCase()) ? before : open
  }
  if (last.kind === 'string' || last.kind === 'number') return at
  if ((last.kind === 'word' && !KEYWORDS.has(last.text.toLowerCase())) || last.kind === 'name') {
    // a.b.c
    while (tokens[at - 1]?.text === '.' && (tokens[at - 2]?.kind === 'word' || tokens[at - 2]?.kind === 'name')) at -= 2
    return at
  }
  return -1
}

/** Words that end an operand search: `WHERE - INTERVAL` has no left operand. */
const KEYWORDS = new Set(['select', 'where', 'and', 'or', 'not', 'on', 'by', 'having', 'when', 'then', 'else', 'case', 'in', 'is', 'between', 'like', 'as', 'from', 'interval'])

const UNITS: Record<string, string> = {
  second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year',
}

function intervalUnit(word: string | undefined): string | undefined {
  const lower = word?.toLowerCase()
  return lower ? (UNITS[lower] ?? UNITS[lower.replace(/s$/, '')]) : undefined
}

/** `INTERVAL 7 DAY`, `INTERVAL '7' DAY` or `INTERVAL '7 day'` at `start`: its amount, unit and last token. */
function readInterval(tokens: readonly Token[], start: number): { amount: number; unit: string; end: number } {
  const fail = () => new UnsupportedSql(`SQL error: this INTERVAL is not understood by the emulator (write INTERVAL <number> <SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|QUARTER|YEAR>). ${DIFFERS}.`)
  let at = step(tokens, start, 1)
  let sign = 1
  if (tokens[at]?.text === '-') {
    sign = -1
    at = step(tokens, at, 1)
  }
  const value = tokens[at]
  if (value?.kind === 'string') {
    const inner = value.text.slice(1, -1).trim()
    const whole = /^(-?\d+)\s+([a-z]+)$/i.exec(inner)
    if (whole && intervalUnit(whole[2])) return { amount: sign * Number(whole[1]), unit: intervalUnit(whole[2])!, end: at }
    if (!/^-?\d+$/.test(inner)) throw fail()
    const unitAt = step(tokens, at, 1)
    const unit = intervalUnit(tokens[unitAt]?.text)
    if (!unit) throw fail()
    return { amount: sign * Number(inner), unit, end: unitAt }
  }
  if (value?.kind !== 'number' || !/^\d+$/.test(value.text)) throw fail()
  const unitAt = step(tokens, at, 1)
  const unit = intervalUnit(tokens[unitAt]?.kind === 'word' ? tokens[unitAt].text : undefined)
  if (!unit) throw fail()
  return { amount: sign * Number(value.text), unit, end: unitAt }
}

/** ClickHouse-only syntax that SQLite would misread or reject with a puzzling message. */
const CLICKHOUSE_ONLY: Array<[RegExp, string]> = [
  [/^prewhere$/i, 'PREWHERE'],
  [/^settings$/i, 'SETTINGS'],
]

/**
 * The query as SQLite runs it: `expr ± INTERVAL n unit` becomes `__date_add(expr, ±n, 'unit')`,
 * `INTERVAL n unit` as an argument of DATE_ADD/DATE_SUB becomes `__interval(n, 'unit')`, CURRENT_DATE and
 * CURRENT_TIMESTAMP follow the emulator's clock, and `count( )` is written `count()` so that the column
 * is named as ClickHouse names it. Throws UnsupportedSql for ClickHouse syntax the emulator lacks.
 */
export function clickhouseToSqlite(sql: string): string {
  let tokens = tokenize(sql)
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.kind === 'symbol' && token.text === '-' && tokens[index + 1]?.text === '>') {
      throw new UnsupportedSql(`SQL error: lambda functions (->) are not available in the emulator. ${DIFFERS}.`)
    }
    if (token.kind !== 'word') continue
    const lower = token.text.toLowerCase()
    const only = CLICKHOUSE_ONLY.find(([pattern]) => pattern.test(lower))
    if (only) throw new UnsupportedSql(`SQL error: ${only[1]} is not available in the emulator. ${DIFFERS}.`)
    if (lower === 'array' && isWord(tokens[step(tokens, index, 1)], 'join')) {
      throw new UnsupportedSql(`SQL error: ARRAY JOIN is not available in the emulator. ${DIFFERS}.`)
    }
    if (lower === 'current_date' || lower === 'current_timestamp') {
      const open = step(tokens, index, 1)
      const close = tokens[open]?.text === '(' ? step(tokens, open, 1) : -1
      const end = close >= 0 && tokens[close]?.text === ')' ? close : index
      tokens = [...tokens.slice(0, index), { kind: 'word', text: lower === 'current_date' ? 'today()' : 'now()' }, ...tokens.slice(end + 1)]
      continue
    }
    if (lower === 'count') {
      const open = step(tokens, index, 1)
      const close = tokens[open]?.text === '(' ? step(tokens, open, 1) : -1
      if (close >= 0 && tokens[close]?.text === ')') {
        tokens = [...tokens.slice(0, index), { kind: 'word', text: `${token.text}()` }, ...tokens.slice(close + 1)]
      }
      continue
    }
    if (lower !== 'interval') continue
    const { amount, unit, end } = readInterval(tokens, index)
    const operator = step(tokens, index, -1)
    const sign = tokens[operator]?.kind === 'symbol' ? tokens[operator].text : undefined
    if (sign === '+' || sign === '-') {
      const start = leftOperandStart(tokens, operator)
      if (start >= 0) {
        const left = tokens.slice(start, operator).map((part) => part.text).join('').trimEnd()
        const call = `__date_add(${left}, ${sign === '-' ? -amount : amount}, '${unit}')`
        tokens = [...tokens.slice(0, start), { kind: 'word', text: call }, ...tokens.slice(end + 1)]
        index = start
        continue
      }
    }
    const call = enclosingCall(tokens, index)
    if ((call === 'date_add' || call === 'date_sub') && (sign === ',' || sign === '(')) {
      tokens = [...tokens.slice(0, index), { kind: 'word', text: `__interval(${amount}, '${unit}')` }, ...tokens.slice(end + 1)]
      continue
    }
    throw new UnsupportedSql(`SQL error: the emulator understands INTERVAL only after + or - (now() - INTERVAL 7 DAY) or in DATE_ADD/DATE_SUB. ${DIFFERS}.`)
  }
  return tokens.map((token) => token.text).join('')
}

// ---------------------------------------------------------------------------------------------
// The functions, installed in the sandbox's process

/**
 * Installs the functions on one sandbox database, with `now` (ms) the emulator's clock. It runs in the
 * sandbox's child process from its source text (Function.prototype.toString), so it must stay
 * self-contained: no imports, no outer names.
 */
export function installClickHouseFunctions(db: Database.Database, now: number): void {
  type Value = number | string | bigint | Buffer | null
  const fail = (message: string): never => {
    throw new Error(message)
  }
  const truthy = (value: Value) => value !== null && value !== undefined && (typeof value === 'string' ? Number.parseFloat(value) || 0 : Number(value)) !== 0
  const pad = (value: number) => String(value).padStart(2, '0')
  const dateText = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
  /** A date-only text stays a date through arithmetic, as ClickHouse's Date does. */
  const isDateOnly = (value: Value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
  const parse = (value: Value, name: string): Date | null => {
    if (value === null || value === undefined) return null
    if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value) * 1000)
    const text = String(value).trim()
    let iso = text
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = `${text}T00:00:00Z`
    else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) iso = `${text.replace(' ', 'T')}Z`
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? fail(`${name}: cannot read "${text}" as a date or time`) : date
  }
  const startOf = (name: string, value: Value, cut: (date: Date) => Date, asDate: boolean) => {
    const date = parse(value, name)
    if (!date) return null
    const start = cut(date)
    return asDate ? dateText(start) : start.toISOString()
  }
  const utc = (date: Date, parts: { month?: number; day?: number; hour?: number; minute?: number }) =>
    new Date(Date.UTC(date.getUTCFullYear(), parts.month ?? date.getUTCMonth(), parts.day ?? date.getUTCDate(), parts.hour ?? 0, parts.minute ?? 0))
  const unitMs: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 }
  const addInterval = (value: Value, amount: number, unit: string): string | null => {
    const date = parse(value, 'INTERVAL')
    if (!date) return null
    const months = unit === 'month' ? amount : unit === 'quarter' ? 3 * amount : unit === 'year' ? 12 * amount : 0
    let moved: Date
    if (months) {
      moved = new Date(date.getTime())
      const day = moved.getUTCDate()
      moved.setUTCDate(1)
      moved.setUTCMonth(moved.getUTCMonth() + months)
      // the 31st of a shorter month is its last day, as ClickHouse does
      const last = new Date(Date.UTC(moved.getUTCFullYear(), moved.getUTCMonth() + 1, 0)).getUTCDate()
      moved.setUTCDate(Math.min(day, last))
    } else {
      moved = new Date(date.getTime() + amount * (unitMs[unit] ?? fail(`INTERVAL: unknown unit ${unit}`)))
    }
    return isDateOnly(value) && !(unit in { second: 1, minute: 1, hour: 1 }) ? dateText(moved) : moved.toISOString()
  }
  const readIntervalText = (text: Value): [number, string] => {
    const match = /^__interval:(-?\d+):([a-z]+)$/.exec(String(text))
    return match ? [Number(match[1]), match[2]] : fail('DATE_ADD/DATE_SUB: the second argument must be INTERVAL <n> <unit>')
  }
  const scalar = (name: string, fn: (...args: Value[]) => Value, deterministic = true) =>
    db.function(name, { varargs: true, deterministic }, (...args: unknown[]) => fn(...(args as Value[])))
  const arity = (name: string, args: Value[], min: number, max = min) =>
    args.length < min || args.length > max ? fail(`${name}: expects ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`) : undefined

  scalar('now', (...args) => (arity('now', args, 0, 1), new Date(now).toISOString()), false)
  scalar('today', (...args) => (arity('today', args, 0), dateText(new Date(now))), false)
  scalar('yesterday', (...args) => (arity('yesterday', args, 0), dateText(new Date(now - 86_400_000))), false)
  scalar('toDate', (...args) => (arity('toDate', args, 1, 2), startOf('toDate', args[0], (d) => d, true)))
  scalar('toDateTime', (...args) => (arity('toDateTime', args, 1, 2), startOf('toDateTime', args[0], (d) => new Date(Math.floor(d.getTime() / 1000) * 1000), false)))
  scalar('toStartOfMinute', (...args) => (arity('toStartOfMinute', args, 1, 2), startOf('toStartOfMinute', args[0], (d) => utc(d, { hour: d.getUTCHours(), minute: d.getUTCMinutes() }), false)))
  scalar('toStartOfHour', (...args) => (arity('toStartOfHour', args, 1, 2), startOf('toStartOfHour', args[0], (d) => utc(d, { hour: d.getUTCHours() }), false)))
  scalar('toStartOfDay', (...args) => (arity('toStartOfDay', args, 1, 2), startOf('toStartOfDay', args[0], (d) => utc(d, {}), false)))
  // ClickHouse's default week mode starts weeks on Sunday; toMonday on Monday
  scalar('toStartOfWeek', (...args) => (arity('toStartOfWeek', args, 1, 2), startOf('toStartOfWeek', args[0], (d) => {
    const mondayFirst = Number(args[1] ?? 0) % 2 === 1
    return utc(d, { day: d.getUTCDate() - (mondayFirst ? (d.getUTCDay() + 6) % 7 : d.getUTCDay()) })
  }, true)))
  scalar('toMonday', (...args) => (arity('toMonday', args, 1), startOf('toMonday', args[0], (d) => utc(d, { day: d.getUTCDate() - ((d.getUTCDay() + 6) % 7) }), true)))
  scalar('toStartOfMonth', (...args) => (arity('toStartOfMonth', args, 1), startOf('toStartOfMonth', args[0], (d) => utc(d, { day: 1 }), true)))
  scalar('toStartOfYear', (...args) => (arity('toStartOfYear', args, 1), startOf('toStartOfYear', args[0], (d) => utc(d, { month: 0, day: 1 }), true)))
  scalar('dateDiff', (...args) => {
    arity('dateDiff', args, 3, 4)
    const unit = String(args[0]).toLowerCase().replace(/s$/, '')
    const [from, to] = [parse(args[1], 'dateDiff'), parse(args[2], 'dateDiff')]
    if (!from || !to) return null
    if (unit === 'month' || unit === 'quarter' || unit === 'year') {
      const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth()
      return unit === 'month' ? months : Math.trunc(months / (unit === 'quarter' ? 3 : 12))
    }
    const size = unitMs[unit] ?? fail(`dateDiff: unknown unit '${args[0]}'`)
    // ClickHouse counts boundaries crossed, not whole elapsed units
    return Math.floor(to.getTime() / size) - Math.floor(from.getTime() / size)
  })
  scalar('__date_add', (value, amount, unit) => addInterval(value, Number(amount), String(unit)))
  scalar('__interval', (amount, unit) => `__interval:${Number(amount)}:${String(unit)}`)
  scalar('date_add', (...args) => (arity('date_add', args, 2), addInterval(args[0], ...readIntervalText(args[1]))))
  scalar('date_sub', (...args) => {
    arity('date_sub', args, 2)
    const [amount, unit] = readIntervalText(args[1])
    return addInterval(args[0], -amount, unit)
  })

  const aggregate = <State>(name: string, start: () => State, step: (state: State, args: Value[]) => State, result: (state: State) => Value) =>
    db.aggregate(name, { varargs: true, start, step: (state: State, ...args: unknown[]) => step(state, args as Value[]), result })
  aggregate('countIf', () => 0, (count, args) => {
    arity('countIf', args, 1, 2)
    const counted = args.length === 1 ? truthy(args[0]) : args[0] !== null && truthy(args[1])
    return counted ? count + 1 : count
  }, (count) => count)
  aggregate('sumIf', () => 0, (sum, args) => (arity('sumIf', args, 2), truthy(args[1]) && args[0] !== null ? sum + Number(args[0]) : sum), (sum) => sum)
  aggregate('avgIf', () => ({ sum: 0, count: 0 }), (state, args) => {
    arity('avgIf', args, 2)
    if (truthy(args[1]) && args[0] !== null) return { sum: state.sum + Number(args[0]), count: state.count + 1 }
    return state
  }, (state) => (state.count ? state.sum / state.count : null))
  // NULLs are not counted; several arguments count distinct tuples
  const distinct = (name: string) =>
    aggregate(name, () => new Set<string>(), (seen, args) => {
      if (args.length === 0) fail(`${name}: expects at least one argument`)
      if (args.every((arg) => arg !== null)) seen.add(JSON.stringify(args.map((arg) => (typeof arg === 'bigint' ? String(arg) : Buffer.isBuffer(arg) ? arg.toString('base64') : arg))))
      return seen
    }, (seen) => seen.size)
  distinct('uniq')
  distinct('uniqExact')
}
