/**
 * Output for agents and scripts (issue 11 point 5): --raw, AWS-style JMESPath backtick literals, and
 * --format table fitted to a width. The formatter alone; test/commands/root/raw-output.test.ts runs commands.
 */
import { describe, expect, it } from 'vitest'
import { checkOutputOptions, DEFAULT_TABLE_WIDTH, formatRaw, formatResult, tableWidth } from '../../src/cli/output.js'
import { displayWidth, renderTable } from '../../src/cli/table-output.js'

const tools = {
  tools: [
    { uuid: '00000000-0000-4000-8000-000000000101', name: 'Company enrichment', creditsCost: 3, isReadOnly: false },
    { uuid: '00000000-0000-4000-8000-000000000111', name: 'Person lookup', creditsCost: 1, isReadOnly: true },
  ],
}

/** Each line's width on screen: no table line may be wider than the width it was given. */
const lineWidths = (text: string) => text.trimEnd().split('\n').map(displayWidth)

describe('--raw', () => {
  it('prints a string without quotes, and a number or boolean as its text', async () => {
    expect(await formatResult(tools, { query: 'tools[0].name', raw: true })).toBe('Company enrichment\n')
    expect(await formatResult(tools, { query: 'tools[0].creditsCost', raw: true })).toBe('3\n')
    expect(await formatResult(tools, { query: 'tools[1].isReadOnly', raw: true })).toBe('true\n')
  })

  it('prints a list one item per line, nested items as one line of compact JSON, null as an empty line', async () => {
    expect(await formatResult(tools, { query: 'tools[].name', raw: true })).toBe('Company enrichment\nPerson lookup\n')
    expect(formatRaw(['a', 2, false, null, { k: 'v' }, ['x', 'y']], false)).toBe('a\n2\nfalse\n\n{"k":"v"}\n["x","y"]\n')
  })

  it('an empty list prints nothing; null (a missing field) an empty line, never the word null', async () => {
    expect(await formatResult(tools, { query: 'tools[?creditsCost > `10`].name', raw: true })).toBe('')
    expect(await formatResult(tools, { query: 'tools[0].missing', raw: true })).toBe('\n')
  })

  it('an object is printed as pretty JSON, as without --raw (refusing it after the request would hide a success)', async () => {
    const plain = await formatResult(tools, { query: 'tools[0]' })
    expect(await formatResult(tools, { query: 'tools[0]', raw: true })).toBe(plain)
    expect(JSON.parse(plain)).toEqual(tools.tools[0])
  })

  it('into a pipe the text is exact, control characters included; on a terminal they are made visible', async () => {
    const hostile = { name: 'EVIL\u001b]0;pwned\u0007\ttab\u009b\nsecond line' }
    expect(await formatResult(hostile, { query: 'name', raw: true, terminal: false })).toBe(`${hostile.name}\n`)
    expect(await formatResult(hostile, { query: 'name', raw: true, terminal: true })).toBe('EVIL\\x1b]0;pwned\\x07\ttab\\x9b\nsecond line\n')
    expect(await formatResult([hostile.name], { raw: true, terminal: true })).toBe('EVIL\\x1b]0;pwned\\x07\ttab\\x9b\nsecond line\n')
  })

  it('without --query it applies to the whole result', async () => {
    expect(await formatResult(['a', 'b'], { raw: true })).toBe('a\nb\n')
    expect(await formatResult('text', { raw: true })).toBe('text\n')
  })

  it('with --format table is a usage error (exit 2) before anything is sent', async () => {
    const error = await checkOutputOptions({ format: 'table', raw: true }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ exitCode: 2, message: '--raw prints values for a shell to capture and --format table draws them for people: give one of them' })
    await expect(checkOutputOptions({ format: 'json', raw: true })).resolves.toBeUndefined()
  })
})

describe('JMESPath backtick literals, as the AWS CLI takes them', () => {
  const list = { tools: [...tools.tools, { uuid: 'u-3', name: 'a`b', creditsCost: 0, isReadOnly: false }] }

  it.each([
    ['tools[?name==`Company enrichment`].uuid', ['00000000-0000-4000-8000-000000000101']],
    ['tools[?name==`"Company enrichment"`].uuid', ['00000000-0000-4000-8000-000000000101']],
    ["tools[?name=='Company enrichment'].uuid", ['00000000-0000-4000-8000-000000000101']],
    ['tools[?name==` Person lookup`].uuid', ['00000000-0000-4000-8000-000000000111']],
    ['tools[?creditsCost==`3`].name', ['Company enrichment']],
    ['tools[?creditsCost>`0`] | length(@)', 2],
    ['tools[?isReadOnly==`true`].name', ['Person lookup']],
    ['tools[?name==`a\\`b`].uuid', ['u-3']],
    ['`{"a": [1, 2]}`', { a: [1, 2] }],
    ['`null`', null],
  ])('%s', async (query, expected) => {
    await checkOutputOptions({ query })
    expect(JSON.parse(await formatResult(list, { query }))).toEqual(expected)
  })

  it('a legacy literal that is not valid JSON text either is still refused as a usage error', async () => {
    const error = await checkOutputOptions({ query: 'tools[?name==`say "hi"`]' }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--query is not a valid JMESPath expression: /) })
  })

  it('an unterminated literal is refused', async () => {
    await expect(checkOutputOptions({ query: 'tools[?name==`Company]' })).rejects.toMatchObject({ exitCode: 2 })
  })
})

describe('tableWidth', () => {
  it('COLUMNS first (an exported choice), then the terminal, else 120; never under 20', () => {
    expect(tableWidth({ COLUMNS: '200' }, 80)).toBe(200)
    expect(tableWidth({}, 80)).toBe(80)
    expect(tableWidth({}, undefined)).toBe(DEFAULT_TABLE_WIDTH)
    expect(DEFAULT_TABLE_WIDTH).toBe(120)
    expect(tableWidth({ COLUMNS: 'wide' }, undefined)).toBe(120)
    expect(tableWidth({ COLUMNS: '0' }, 90)).toBe(90)
    expect(tableWidth({ COLUMNS: '5' }, undefined)).toBe(20)
  })
})

describe('--format table', () => {
  it('a list that fits is drawn whole, one line per row, no colour when plain', () => {
    expect(renderTable(tools, { plain: true, width: 120 })).toBe(
      [
        '┌──────────────────────────────────────┬────────────────────┬─────────────┬────────────┐',
        '│ uuid                                 │ name               │ creditsCost │ isReadOnly │',
        '├──────────────────────────────────────┼────────────────────┼─────────────┼────────────┤',
        '│ 00000000-0000-4000-8000-000000000101 │ Company enrichment │ 3           │ false      │',
        '│ 00000000-0000-4000-8000-000000000111 │ Person lookup      │ 1           │ true       │',
        '└──────────────────────────────────────┴────────────────────┴─────────────┴────────────┘',
        '',
      ].join('\n'),
    )
  })

  it('on a colour terminal, titles are bold and rules grey', () => {
    const text = renderTable(tools, { plain: false, width: 120 })
    expect(text).toContain('\u001b[1muuid                                \u001b[0m')
    expect(text.startsWith('\u001b[90m┌')).toBe(true)
  })

  it('a long text is cut to the width, ending with an ellipsis; a uuid column is kept whole', () => {
    const rows = [{ uuid: '00000000-0000-4000-8000-000000000101', description: 'x'.repeat(700) }]
    const text = renderTable(rows, { plain: true, width: 80 })
    expect(Math.max(...lineWidths(text))).toBe(80)
    expect(text).toContain('│ 00000000-0000-4000-8000-000000000101 │ xxx')
    expect(text).toContain('x… │\n')
  })

  it('never a 700-character line: 30 columns of long values fit 100 columns, the ones left out are named', () => {
    const row = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`field${index}`, `value ${index} `.repeat(20)]))
    const text = renderTable([row, row], { plain: true, width: 100 })
    const lines = text.trimEnd().split('\n')
    expect(Math.max(...lineWidths(text))).toBeLessThanOrEqual(100)
    expect(lines[1]).toMatch(/^│ field0 +│ field1 +│/)
    expect(lines.at(-1)).toMatch(/^2\d more columns not shown: field\d+, field\d+, .*…$/)
  })

  it('nested objects and lists are summarised, short ones shown as JSON; they leave first when space runs out', () => {
    const rows = [
      { name: 'a', tags: ['x', 'y'], config: { one: 1, two: 2, three: 'three', four: 'four is long' }, nodes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
      { name: 'b', tags: [], config: { one: 1 }, nodes: [1] },
    ]
    const wide = renderTable(rows, { plain: true, width: 120 })
    expect(wide).toContain('│ a    │ ["x","y"] │ {…4 keys} │ […13 items] │')
    expect(wide).toContain('│ b    │ []        │ {"one":1} │ [1]         │')
    const narrow = renderTable(rows.map((row) => ({ ...row, name: `${row.name} ${'n'.repeat(30)}` })), { plain: true, width: 50 })
    expect(narrow.split('\n')[1]).toMatch(/^│ name +│ tags +│$/)
    expect(narrow).toContain('2 more columns not shown: config, nodes')
  })

  it('uuids of other things leave before names; the first column, the row\'s own uuid, stays', () => {
    const rows = [{ uuid: '00000000-0000-4000-8000-000000000101', workspaceUuid: '00000000-0000-4000-8000-000000000001', name: 'Company enrichment', status: 'ready' }]
    const text = renderTable(rows, { plain: true, width: 80 })
    expect(text.split('\n')[1]).toMatch(/^│ uuid +│ name +│ status +│$/)
    expect(text).toContain('1 more column not shown: workspaceUuid')
  })

  it('a terminal too narrow for a whole uuid gets a cut one, never a wider line', () => {
    const text = renderTable([{ uuid: '00000000-0000-4000-8000-000000000101' }], { plain: true, width: 20 })
    expect(Math.max(...lineWidths(text))).toBe(20)
    expect(text).toContain('│ 00000000-0000-4… │')
  })

  it('an envelope of one object ({run: {…}}) shows that object, one field per line', () => {
    const text = renderTable({ run: { uuid: 'r-1', status: 'success', data: { domain: 'acme.com' } } }, { plain: true, width: 60 })
    expect(text).toBe(
      ['┌────────┬───────────────────────┐', '│ uuid   │ r-1                   │', '│ status │ success               │', '│ data   │ {"domain":"acme.com"} │', '└────────┴───────────────────────┘', ''].join('\n'),
    )
  })

  it('control characters are made visible and a line break stays on its line', () => {
    const text = renderTable([{ name: 'EVIL\u001b]0;pwned\u0007', note: 'one\ntwo\r', 'key\u001b[2J': '\u202e' }], { plain: true, width: 120 })
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(text).toContain('EVIL\\x1b]0;pwned\\x07')
    expect(text).toContain('one\\ntwo\\x0d')
    expect(text).toContain('key\\x1b[2J')
    expect(text.trimEnd().split('\n')).toHaveLength(5)
  })

  it('wide characters (CJK, emoji) keep the borders aligned', () => {
    const text = renderTable([{ name: '株式会社カーゴ', icon: '🔍' }, { name: 'Cargo', icon: 'x' }], { plain: true, width: 120 })
    expect(new Set(lineWidths(text)).size).toBe(1)
    const cut = renderTable([{ name: '株式会社カーゴ'.repeat(10) }], { plain: true, width: 20 })
    expect(lineWidths(cut)).toEqual([20, 20, 20, 20, 20])
    expect(cut).toContain('…')
  })

  it('an empty list says so; a list of scalars is one column', () => {
    expect(renderTable({ runs: [], count: 0 }, { plain: true, width: 80 })).toBe('(no results)\n')
    expect(renderTable(['a', 'b'], { plain: true, width: 80 })).toBe(['┌───────┐', '│ value │', '├───────┤', '│ a     │', '│ b     │', '└───────┘', ''].join('\n'))
  })

  it('1,000 rows render in well under half a second of CPU (issue 12)', async () => {
    const runs = Array.from({ length: 1000 }, (_, index) => ({
      uuid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      workflowUuid: '00000000-0000-4000-8000-000000000102',
      status: index % 3 ? 'success' : 'error',
      data: { domain: `company-${index}.com`, note: 'x'.repeat(200) },
      name: `Run ${index} with a long descriptive name that goes on and on`,
      createdAt: '2025-01-01T00:00:00.000Z',
      errorMessage: index % 3 ? null : 'Something failed. '.repeat(20),
    }))
    await formatResult({ runs: runs.slice(0, 2) }, { format: 'table', width: 120 }) // loads the module
    const before = process.cpuUsage()
    const text = await formatResult({ runs, count: 1000 }, { format: 'table', width: 120 })
    const used = process.cpuUsage(before)
    expect(text.trimEnd().split('\n')).toHaveLength(1005)
    expect(Math.max(...lineWidths(text))).toBeLessThanOrEqual(120)
    expect((used.user + used.system) / 1000).toBeLessThan(500)
  })
})
