/**
 * Alert schedules: a 5-field cron expression (minute hour day-of-month month day-of-week, in UTC; numbers,
 * `*`, `*\/n`, ranges `a-b` and lists `a,b`) or `@every <n><s|m|h|d>`, at most once a minute.
 */

export type Schedule = { kind: 'every'; ms: number } | { kind: 'cron'; fields: Array<Set<number>> }

const bounds: Array<[number, number]> = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
]
const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

function field(text: string, [min, max]: [number, number]): Set<number> | undefined {
  const values = new Set<number>()
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part)
    if (!match) return undefined
    const from = match[1] === '*' ? min : Number(match[2])
    const to = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from
    const step = match[4] !== undefined ? Number(match[4]) : 1
    if (from < min || to > max || from > to || step < 1) return undefined
    for (let value = from; value <= to; value += step) values.add(value)
  }
  return values
}

/** The schedule of a cron text, or an error message saying what is wrong with it. */
export function parseSchedule(cron: string): Schedule | string {
  const text = cron.trim()
  const every = /^@every\s+(\d+)\s*([smhd])$/.exec(text)
  if (every) {
    const ms = Number(every[1]) * units[every[2]]
    return ms >= 60_000 ? { kind: 'every', ms } : `${cron}: alerts run at most once a minute`
  }
  const parts = text.split(/\s+/)
  if (parts.length !== 5) return `${cron}: expected 5 fields (minute hour day-of-month month day-of-week) or @every <interval>`
  const fields = parts.map((part, index) => field(part, bounds[index]))
  const bad = fields.findIndex((values) => !values)
  if (bad >= 0) return `${cron}: field ${bad + 1} (${parts[bad]}) is not valid`
  return { kind: 'cron', fields: fields as Array<Set<number>> }
}

function matches(schedule: Extract<Schedule, { kind: 'cron' }>, at: Date): boolean {
  const [minute, hour, day, month, weekday] = schedule.fields
  return minute.has(at.getUTCMinutes()) && hour.has(at.getUTCHours()) && day.has(at.getUTCDate()) && month.has(at.getUTCMonth() + 1) && weekday.has(at.getUTCDay())
}

/** The last `count` ticks in (after, until], oldest first; a cron is scanned over one week at most. */
export function lastTicks(schedule: Schedule, anchor: number, after: number, until: number, count: number): number[] {
  const ticks: number[] = []
  if (schedule.kind === 'every') {
    for (let tick = anchor + Math.floor((until - anchor) / schedule.ms) * schedule.ms; tick > after && ticks.length < count; tick -= schedule.ms) ticks.unshift(tick)
    return ticks
  }
  const floor = Math.max(after, until - 7 * 86_400_000)
  for (let tick = until - (until % 60_000); tick > floor && ticks.length < count; tick -= 60_000) {
    if (matches(schedule, new Date(tick))) ticks.unshift(tick)
  }
  return ticks
}
