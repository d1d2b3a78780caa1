/**
 * --format table: a result drawn for people, fitted to a width (output.ts tableWidth). Every row is one line:
 * columns that do not fit are left out (and named below the table), long cells end with an ellipsis, nested
 * objects and lists are summarised, control characters are made visible. Drawn here rather than with
 * cli-table3, which took about 0.5 s of CPU for 1,000 rows (its per-cell option merging and ANSI scanning).
 */
import { escapeControlCharacters, toJson } from './output.js'

export interface TableLayoutOptions {
  /** no colour: NO_COLOR, or not a terminal */
  plain: boolean
  /** columns the whole table may take, borders included */
  width: number
}

/** A nested value whose compact JSON is at most this long is shown as it is (`["a","b"]`); longer ones are summarised. */
const INLINE_JSON_MAX = 30
/** Each shown column keeps at least this many characters of content (or its whole content, if shorter). */
const MIN_CONTENT = 10
/** Borders and padding around each column's content: `│ ` before, ` ` after; plus one closing `│` per line. */
const COLUMN_FRAME = 3
const ELLIPSIS = '…'

interface Grid {
  /** column titles; empty for a key/value table */
  head: string[]
  /** cell texts, already escaped and on one line */
  rows: string[][]
  /** columns whose every cell holds a nested object or list (the first to leave when space runs out) */
  nested: boolean[]
}

export function renderTable(value: unknown, options: TableLayoutOptions): string {
  const grid = gridFor(value)
  if (!grid) return '(no results)\n'
  const { shown, widths } = fitColumns(grid, options.width)
  const paint = options.plain ? (_style: string, text: string) => text : (style: string, text: string) => `\u001b[${style}m${text}\u001b[0m`
  const rule = (left: string, middle: string, right: string) => paint(BORDER, `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`)
  const bar = paint(BORDER, '│')
  const line = (cells: string[], style?: string) =>
    `${bar}${shown.map((column, index) => ` ${style ? paint(style, pad(cells[column], widths[index])) : pad(cells[column], widths[index])} `).join(bar)}${bar}`
  const lines = [rule('┌', '┬', '┐')]
  if (grid.head.length > 0) lines.push(line(grid.head, HEAD), rule('├', '┼', '┤'))
  for (const row of grid.rows) lines.push(line(row))
  lines.push(rule('└', '┴', '┘'))
  const hidden = grid.head.filter((_, column) => !shown.includes(column))
  if (hidden.length > 0) {
    const note = `${hidden.length} more column${hidden.length === 1 ? '' : 's'} not shown: ${hidden.join(', ')} (--query picks columns, --format json shows everything)`
    lines.push(clip(note, options.width))
  }
  return `${lines.join('\n')}\n`
}

/** SGR styles on a terminal that wants colour: bold titles, grey rules. */
const HEAD = '1'
const BORDER = '90'

/**
 * What the table shows: a list one row per item (the result itself, or its first list field, as in
 * `{runs, count}`); an envelope of one object (`{run: {…}}`) that object's fields, one per line; any other
 * object its fields; a scalar one cell. Undefined for an empty list.
 */
function gridFor(value: unknown): Grid | undefined {
  const list = listIn(value)
  if (list) {
    if (list.length === 0) return undefined
    if (!list.every(isPlainObject)) return { head: ['value'], rows: list.map((item) => [cellText(item)]), nested: [false] }
    const keys = [...new Set(list.flatMap((item) => Object.keys(item)))]
    const rows = list.map((item) => keys.map((key) => cellText(item[key])))
    const nested = keys.map((key) => list.every((item) => item[key] === undefined || item[key] === null || typeof item[key] === 'object'))
    return { head: keys.map(oneLine), rows, nested }
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
    const only = entries.length === 1 ? entries[0][1] : undefined
    const fields = isPlainObject(only) ? Object.entries(only) : entries
    if (fields.length === 0) return undefined
    return { head: [], rows: fields.map(([key, field]) => [oneLine(key), cellText(field)]), nested: [false, false] }
  }
  return { head: ['value'], rows: [[cellText(value)]], nested: [false] }
}

function listIn(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (isPlainObject(value)) return Object.values(value).find(Array.isArray)
  return undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A value as one line of a cell: nested values short as JSON or summarised (`{…3 keys}`, `[…5 items]`). */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value !== 'object') return oneLine(String(value))
  const count = Array.isArray(value) ? value.length : Object.keys(value).length
  // more parts than could fit in INLINE_JSON_MAX characters: summarised without serialising it
  const json = count * 2 > INLINE_JSON_MAX ? undefined : toJson(value, 0)
  if (json !== undefined && json.length <= INLINE_JSON_MAX) return oneLine(json)
  const noun = Array.isArray(value) ? 'item' : 'key'
  const summary = `${count} ${noun}${count === 1 ? '' : 's'}`
  return Array.isArray(value) ? `[…${summary}]` : `{…${summary}}`
}

/** Control characters made visible, and a line break shown as `\n`, so that one row stays one line. */
function oneLine(text: string): string {
  return escapeControlCharacters(text).replace(/\r?\n/g, '\\n')
}

/**
 * Which columns fit and how wide each is. When the table is wider than `width`, the empty and the nested
 * columns leave first (right to left); then, while even the narrowest form of the table is too wide, the
 * columns of other things' uuids, then the others from the right (APIs put uuid and name first). A column
 * of uuids is not cut (half a uuid is no use): it is shown whole or not at all. The width left is shared:
 * a column that needs less than an even share keeps its natural width, what it leaves goes to the wider ones.
 */
function fitColumns(grid: Grid, width: number): { shown: number[]; widths: number[] } {
  const count = grid.rows[0]?.length ?? 0
  const columns = [...Array(count).keys()]
  const natural = columns.map((column) => grid.rows.reduce((widest, row) => Math.max(widest, displayWidth(row[column])), displayWidth(grid.head[column] ?? '')))
  const empty = columns.map((column) => grid.rows.every((row) => row[column] === ''))
  const whole = columns.map((column) => !empty[column] && grid.rows.every((row) => row[column] === '' || UUID.test(row[column])))
  const minimum = (column: number) => (whole[column] ? natural[column] : Math.min(natural[column], MIN_CONTENT))
  const tableWidth = (shown: number[], widthOf: (column: number) => number) => 1 + shown.reduce((sum, column) => sum + COLUMN_FRAME + widthOf(column), 0)

  const shown = [...columns]
  const rightToLeft = [...columns].reverse()
  const weak = [...rightToLeft.filter((column) => empty[column]), ...rightToLeft.filter((column) => !empty[column] && grid.nested[column])]
  // uuids of other things (workspaceUuid, folderUuid) go before names and statuses; the first column is the row's own id
  const references = rightToLeft.filter((column) => column > 0 && whole[column] && !weak.includes(column))
  const rest = rightToLeft.filter((column) => !weak.includes(column) && !references.includes(column))
  // a key/value table keeps both of its columns; a list at least one
  const keep = grid.head.length === 0 ? count : 1
  const drop = (column: number) => shown.splice(shown.indexOf(column), 1)
  for (const column of weak) if (shown.length > keep && tableWidth(shown, (c) => natural[c]) > width) drop(column)
  for (const column of [...weak, ...references, ...rest]) if (shown.includes(column) && shown.length > keep && tableWidth(shown, minimum) > width) drop(column)

  // a terminal too narrow for a whole uuid gets a cut one rather than a line wider than itself
  if (tableWidth(shown, minimum) > width) whole.fill(false)
  let budget = Math.max(shown.length, width - tableWidth(shown, () => 0))
  const widths = new Array<number>(shown.length)
  shown.forEach((column, index) => {
    if (!whole[column]) return
    widths[index] = natural[column]
    budget -= natural[column]
  })
  const shared = [...shown.keys()].filter((index) => !whole[shown[index]]).sort((a, b) => natural[shown[a]] - natural[shown[b]])
  shared.forEach((index, position) => {
    const share = Math.floor(budget / (shared.length - position))
    widths[index] = Math.max(1, Math.min(natural[shown[index]], share))
    budget -= widths[index]
  })
  return { shown, widths }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Columns a text takes on a terminal: two for East Asian wide and fullwidth characters and most emoji,
 * none for combining marks, joiners and variation selectors, one for the rest. An approximation (an emoji
 * sequence joined by U+200D counts each of its parts) that keeps borders aligned for the scripts API data holds.
 */
export function displayWidth(text: string): number {
  if (!hasWide(text)) return text.length
  let width = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x300) width += 1
    else if (ZERO_WIDTH.some(([from, to]) => code >= from && code <= to)) continue
    else if (WIDE.some(([from, to]) => code >= from && code <= to)) width += 2
    else width += 1
  }
  return width
}

const ZERO_WIDTH: ReadonlyArray<readonly [number, number]> = [
  [0x300, 0x36f], // combining diacritical marks
  [0x200b, 0x200d], // zero-width space and joiners
  [0x20d0, 0x20ff], // combining marks for symbols
  [0xfe00, 0xfe0f], // variation selectors
]

const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, symbols and punctuation
  [0x3041, 0x33ff], // kana, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f900, 0x1f9ff], // supplemental pictographs
  [0x20000, 0x3fffd], // CJK extensions B and beyond
]

/** The text cut to `width` columns, its last one an ellipsis when something was cut. */
function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let kept = ''
  let used = 0
  for (const char of text) {
    const next = displayWidth(char)
    if (used + next > width - 1) break
    kept += char
    used += next
  }
  return `${kept.trimEnd()}${ELLIPSIS}`
}

/** The text padded with spaces to `width` columns (clipped first when longer). */
function pad(text: string, width: number): string {
  const clipped = clip(text, width)
  const used = displayWidth(clipped)
  return used >= width ? clipped : clipped + ' '.repeat(width - used)
}

/** Whether any character may be other than one column wide (a fast check for plain ASCII and Latin text). */
function hasWide(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u02ff]/.test(text)
}
