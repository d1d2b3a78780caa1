/** CSV as uploaded files hold it (RFC 4180: quoted cells, doubled quotes, newlines inside quotes, CRLF, a BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const source = text.replace(/^\uFEFF/, '')
  const endRow = () => {
    row.push(cell)
    cell = ''
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
  }
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (quoted) {
      if (char !== '"') cell += char
      else if (source[i + 1] === '"') cell += source[++i]
      else quoted = false
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++
      endRow()
    } else cell += char
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

/** The column names of a CSV's first row. */
export function csvHeader(text: string): string[] {
  return (parseCsv(text)[0] ?? []).map((name) => name.trim()).filter((name) => name !== '')
}

/** One object per data row, keyed by the header (renamed through `mappings`: CSV column → input field). */
export function csvRecords(text: string, mappings: Record<string, string> = {}): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text)
  const keys = header.map((name) => mappings[name.trim()] ?? name.trim())
  return rows.map((cells) => Object.fromEntries(keys.map((key, index) => [key, cells[index] ?? ''] as const).filter(([key]) => key !== '')))
}
