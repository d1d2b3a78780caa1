/**
 * The node-graph renderer (src/diagram): exact Mermaid and ascii output for each routing kind, and the
 * findings a tidy drawing would hide (unconnected outputs, dangling children, unreachable nodes), which
 * must be reported, never crash, and never hang on a cycle.
 */
import { describe, expect, it } from 'vitest'
import { type DiagramNode, readDiagramNodes } from '../../src/diagram/diagram-nodes.js'
import { displayWidth, mermaidText, plainText } from '../../src/diagram/label-text.js'
import { type DiagramOptions, rawDiagram, renderDiagram } from '../../src/diagram/render-diagram.js'

function native(uuid: string, actionSlug: string, childrenUuids: Array<string | null> = [], extra: Partial<DiagramNode> = {}): DiagramNode {
  return { uuid, slug: actionSlug, kind: 'native', actionSlug, config: {}, childrenUuids, ...extra }
}

function connector(uuid: string, slug: string, integrationAction: string, childrenUuids: string[], extra: Partial<DiagramNode> = {}): DiagramNode {
  const [integrationSlug, actionSlug] = integrationAction.split('.')
  return { uuid, slug, kind: 'connector', integrationSlug, actionSlug, config: {}, childrenUuids, ...extra }
}

const mermaid = (nodes: DiagramNode[], options: Partial<DiagramOptions> = {}) => renderDiagram(nodes, { format: 'mermaid', ...options })
const ascii = (nodes: DiagramNode[], options: Partial<DiagramOptions> = {}) => renderDiagram(nodes, { format: 'ascii', ...options })
const lines = (...text: string[]) => text.join('\n')

describe('a linear graph', () => {
  const nodes = [native('s', 'start', ['e1']), connector('e1', 'enrich', 'clearbit.company_enrich', ['x'], { name: 'Enrich company' }), native('x', 'end')]

  it('mermaid: stadium start and end, a rectangle naming integration.action, plain edges', () => {
    expect(mermaid(nodes)).toEqual({
      format: 'mermaid',
      diagram: lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1["Enrich company<br/>clearbit.company_enrich"]',
        '    n2(["end"])',
        '    n0 --> n1',
        '    n1 --> n2',
      ),
      warnings: [],
    })
  })

  it('ascii: one column, one step per line', () => {
    expect(ascii(nodes)).toEqual({
      format: 'ascii',
      diagram: lines('([start])', '│', '[Enrich company · clearbit.company_enrich]', '│', '([end])'),
      warnings: [],
    })
  })

  it('--title, --direction LR, and --raw fences Mermaid but not ascii', () => {
    const drawn = mermaid(nodes, { title: 'Enrich "it"', direction: 'LR' })
    expect(drawn.diagram.split('\n').slice(0, 4)).toEqual(['---', 'title: "Enrich \\"it\\""', '---', 'flowchart LR'])
    expect(rawDiagram(drawn)).toBe(`\`\`\`mermaid\n${drawn.diagram}\n\`\`\`\n`)
    const text = ascii(nodes, { title: 'Enrich', direction: 'LR' })
    expect(text.diagram.split('\n').slice(0, 4)).toEqual(['Enrich', '══════', '', '([start])'])
    expect(rawDiagram(text)).toBe(`${text.diagram}\n`)
  })

  it('integration names, when given, replace integration.action (unknown action: its slug)', () => {
    const integrations = { clearbit: { name: 'Clearbit', actions: { other: 'Other' } } }
    expect(ascii(nodes, { integrations }).diagram).toBe(lines('([start])', '│', '[Enrich company · Clearbit / company_enrich]', '│', '([end])'))
    expect(mermaid(nodes, { integrations: { clearbit: { name: 'Clear"bit', actions: { company_enrich: 'Enrich' } } } }).diagram).toContain('n1["Enrich company<br/>Clear#34;bit / Enrich"]')
  })

  it('--paid marks with 💳, --highlight in red (Mermaid) or with an arrow (ascii); an unknown name is a warning', () => {
    const options = { paid: ['enrich'], highlight: ['x', 'nowhere'] }
    const drawn = mermaid(nodes, options)
    expect(drawn.diagram).toContain('    n1["💳 Enrich company<br/>clearbit.company_enrich"]')
    expect(drawn.diagram.endsWith(lines('    classDef highlight fill:#fee2e2,stroke:#dc2626,stroke-width:2px', '    class n2 highlight'))).toBe(true)
    expect(drawn.warnings).toEqual(['--highlight: no node has the slug or uuid "nowhere"'])
    expect(ascii(nodes, options).diagram).toBe(
      lines(
        '([start])',
        '│',
        '[💳 Enrich company · clearbit.company_enrich]',
        '│',
        '([end])  ◀── highlighted',
        '',
        'warnings:',
        '  ! --highlight: no node has the slug or uuid "nowhere"',
      ),
    )
  })
})

describe('routing edges are labelled by child index', () => {
  it('branch: index 0 is yes, index 1 is no', () => {
    const nodes = [native('s', 'start', ['b']), native('b', 'branch', ['y', 'n'], { name: 'Large?' }), native('y', 'end'), native('n', 'end', [], { slug: 'small' })]
    expect(mermaid(nodes).diagram).toBe(
      lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1{"Large?<br/>branch"}',
        '    n2(["end"])',
        '    n3(["small<br/>end"])',
        '    n0 --> n1',
        '    n1 -->|"yes"| n2',
        '    n1 -->|"no"| n3',
      ),
    )
    expect(ascii(nodes).diagram).toBe(lines('([start])', '│', '<Large? · branch>', '├─ yes ─▶ ([end])', '└─ no ──▶ ([small · end])'))
  })

  it('filter: its one edge reads "if true"', () => {
    const nodes = [native('s', 'start', ['f']), native('f', 'filter', ['e'], { slug: 'keep' }), native('e', 'end')]
    expect(mermaid(nodes).diagram).toContain('    n1 -->|"if true"| n2')
    expect(ascii(nodes).diagram).toBe(lines('([start])', '│', '<keep · filter>', '└─ if true ─▶ ([end])'))
  })

  it('switch: each edge takes its route name; a child past the routes is "route <index>"', () => {
    const nodes = [
      native('s', 'start', ['w']),
      native('w', 'switch', ['a', 'b', 'c'], { slug: 'region', config: { routes: [{ name: 'EU' }, { name: 'US' }] } }),
      native('a', 'end'),
      native('b', 'end', [], { slug: 'us' }),
      native('c', 'end', [], { slug: 'other' }),
    ]
    expect(mermaid(nodes).diagram).toBe(
      lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1{"region<br/>switch"}',
        '    n2(["end"])',
        '    n3(["us<br/>end"])',
        '    n4(["other<br/>end"])',
        '    n0 --> n1',
        '    n1 -->|"EU"| n2',
        '    n1 -->|"US"| n3',
        '    n1 -->|"route 2"| n4',
      ),
    )
    expect(ascii(nodes).diagram).toBe(
      lines('([start])', '│', '<region · switch>', '├─ EU ──────▶ ([end])', '├─ US ──────▶ ([us · end])', '└─ route 2 ─▶ ([other · end])'),
    )
  })

  it('split: "A <pct>%" and "B <100-pct>%"; tool and agent nodes drawn from their target', () => {
    const nodes = [
      native('s', 'start', ['p']),
      native('p', 'split', ['a', 'b'], { slug: 'ab', config: { percentage: 30 } }),
      { uuid: 'a', slug: 'ta', kind: 'tool', toolUuid: 'e487d28e-0000-4000-8000-000000000000', config: {}, childrenUuids: ['e'] },
      { uuid: 'b', slug: 'ag', kind: 'agent', agentUuid: 'a1b2c3d4-0000', name: 'Classify', config: {}, childrenUuids: ['e'] },
      native('e', 'end'),
    ]
    expect(mermaid(nodes).diagram).toBe(
      lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1{"ab<br/>split"}',
        '    n2[["tool e487d28e"]]',
        '    n3{{"Classify<br/>agent"}}',
        '    n4(["end"])',
        '    n0 --> n1',
        '    n1 -->|"A 30%"| n2',
        '    n1 -->|"B 70%"| n3',
        '    n2 --> n4',
        '    n3 --> n4',
      ),
    )
    expect(ascii(nodes).diagram).toBe(
      lines(
        '([start])',
        '│',
        '<ab · split>',
        '├─ A 30% ─▶ [[tool e487d28e]]',
        '│           │',
        '│           ([end])',
        '└─ B 70% ─▶ {{Classify · agent}}',
        '            │',
        '            ↩ ([end]) (drawn above)',
      ),
    )
  })

  it('group: its _nodes in a sub-graph entered "for each item", left "then"', () => {
    const body = [native('gs', 'start', ['gp']), native('gp', 'python', ['ge'], { slug: 'score' }), native('ge', 'end')]
    const nodes = [native('s', 'start', ['g']), native('g', 'group', ['e'], { slug: 'each', name: 'Each contact', config: { items: '{{nodes.start.contacts}}', _nodes: body } }), native('e', 'end')]
    expect(mermaid(nodes)).toEqual({
      format: 'mermaid',
      diagram: lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1["Each contact<br/>group"]',
        '    subgraph g1 ["Each contact: for each item"]',
        '        n2(["start"])',
        '        n3[/"score<br/>python"/]',
        '        n4(["end"])',
        '    end',
        '    n5(["end"])',
        '    n0 --> n1',
        '    n1 -->|"for each item"| n2',
        '    n1 -->|"then"| n5',
        '    n2 --> n3',
        '    n3 --> n4',
      ),
      warnings: [],
    })
    expect(ascii(nodes).diagram).toBe(
      lines(
        '([start])',
        '│',
        '[Each contact · group]',
        '├─ for each item ─▶ ([start])',
        '│                   │',
        '│                   /score · python/',
        '│                   │',
        '│                   ([end])',
        '└─ then ──────────▶ ([end])',
      ),
    )
  })

  it('group without a sub-graph, or whose sub-graph has no start, is reported', () => {
    const empty = [native('s', 'start', ['g']), native('g', 'group', ['e'], { slug: 'each' }), native('e', 'end')]
    expect(mermaid(empty).warnings).toEqual(['node "each" (g) is a group with no sub-graph (config._nodes is empty or missing)'])
    const headless = [native('s', 'start', ['g']), native('g', 'group', ['e'], { slug: 'each', config: { _nodes: [native('ge', 'end')] } }), native('e', 'end')]
    expect(mermaid(headless).warnings).toEqual(['node "each" (g): its sub-graph has no start node'])
  })

  it('fallback: to another node a dashed "on failure" edge; to its own next step a ↷ on the label', () => {
    const nodes = [
      native('s', 'start', ['a']),
      connector('a', 'first', 'apollo.enrich', ['b'], { fallbackOnFailure: true, fallbackChildUuid: 'c' }),
      connector('c', 'second', 'clearbit.enrich', ['b'], { fallbackOnFailure: true, fallbackChildUuid: 'b' }),
      native('b', 'end'),
    ]
    expect(mermaid(nodes).diagram).toBe(
      lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1["first<br/>apollo.enrich"]',
        '    n2["second ↷<br/>clearbit.enrich"]',
        '    n3(["end"])',
        '    n0 --> n1',
        '    n1 --> n3',
        '    n1 -.->|"on failure"| n2',
        '    n2 --> n3',
      ),
    )
    expect(ascii(nodes).diagram).toBe(
      lines(
        '([start])',
        '│',
        '[first · apollo.enrich]',
        '├──────────────▶ ([end])',
        '└┄ on failure ┄▶ [second ↷ · clearbit.enrich]',
        '                 │',
        '                 ↩ ([end]) (drawn above)',
      ),
    )
  })

  it('fallbackOnFailure without a fallbackChildUuid goes on to the next step: ↷', () => {
    const nodes = [native('s', 'start', ['a']), connector('a', 'try', 'apollo.enrich', ['b'], { fallbackOnFailure: true }), native('b', 'end')]
    expect(ascii(nodes).diagram).toBe(lines('([start])', '│', '[try ↷ · apollo.enrich]', '│', '([end])'))
  })
})

describe('structural findings are reported, never a crash', () => {
  it('a node unreachable from start: a warning, dashed in Mermaid, its own section in ascii', () => {
    const nodes = [native('s', 'start', ['e']), native('e', 'end'), native('o', 'variables', ['e'], { slug: 'orphan' })]
    const warning = 'node "orphan" (o) is unreachable from start'
    expect(mermaid(nodes)).toEqual({
      format: 'mermaid',
      diagram: lines(
        'flowchart TD',
        `    %% warning: ${warning}`,
        '    n0(["start"])',
        '    n1(["end"])',
        '    n2("orphan<br/>variables")',
        '    n0 --> n1',
        '    n2 --> n1',
        '    classDef unreachable stroke-dasharray:5 5,color:#6b7280',
        '    class n2 unreachable',
      ),
      warnings: [warning],
    })
    expect(ascii(nodes)).toEqual({
      format: 'ascii',
      diagram: lines('([start])', '│', '([end])', '', 'unreachable from start:', '(orphan · variables)', '│', '↩ ([end]) (drawn above)', '', 'warnings:', `  ! ${warning}`),
      warnings: [warning],
    })
  })

  it('a dangling child (a uuid with no node) and a null child', () => {
    const nodes = [native('s', 'start', ['f']), native('f', 'filter', ['gone'], { slug: 'keep' }), native('b', 'branch', ['e', null], { slug: 'half' }), native('e', 'end')]
    const warnings = [
      'node "keep" (f): output 0 ("if true") points to gone, which is no node of the graph',
      'node "half" (b): output 1 ("no") is not connected (null in childrenUuids)',
      'node "half" (b) is unreachable from start',
      'node "end" (e) is unreachable from start',
    ]
    expect(mermaid(nodes)).toEqual({
      format: 'mermaid',
      diagram: lines(
        'flowchart TD',
        ...warnings.map((warning) => `    %% warning: ${warning}`),
        '    n0(["start"])',
        '    n1{"keep<br/>filter"}',
        '    n2{"half<br/>branch"}',
        '    n3(["end"])',
        '    m0["missing node<br/>gone"]',
        '    n0 --> n1',
        '    n1 -->|"if true"| m0',
        '    n2 -->|"yes"| n3',
        '    classDef unreachable stroke-dasharray:5 5,color:#6b7280',
        '    class n2,n3 unreachable',
        '    classDef missing fill:#ffffff,stroke:#dc2626,stroke-dasharray:5 5',
        '    class m0 missing',
      ),
      warnings,
    })
    expect(ascii(nodes).diagram).toBe(
      lines(
        '([start])',
        '│',
        '<keep · filter>',
        '└─ if true ─▶ ✖ missing node gone',
        '',
        'unreachable from start:',
        '<half · branch>',
        '├─ yes ─▶ ([end])',
        '└─ no ──▶ ○ not connected',
        '',
        'warnings:',
        ...warnings.map((warning) => `  ! ${warning}`),
      ),
    )
  })

  it('a fallbackChildUuid that points nowhere is a dashed edge to a missing node', () => {
    const nodes = [native('s', 'start', ['a']), connector('a', 'try', 'apollo.enrich', ['e'], { fallbackChildUuid: 'lost' }), native('e', 'end')]
    const drawn = mermaid(nodes)
    expect(drawn.warnings).toEqual(['node "try" (a): fallbackChildUuid points to lost, which is no node of the graph'])
    expect(drawn.diagram).toContain('    n1 -.->|"on failure"| m0')
  })

  it('a cycle is drawn once and terminates', () => {
    const nodes = [native('s', 'start', ['a']), native('a', 'variables', ['b'], { slug: 'one' }), native('b', 'branch', ['a', 'e'], { slug: 'again' }), native('e', 'end')]
    expect(mermaid(nodes).diagram).toBe(
      lines(
        'flowchart TD',
        '    n0(["start"])',
        '    n1("one<br/>variables")',
        '    n2{"again<br/>branch"}',
        '    n3(["end"])',
        '    n0 --> n1',
        '    n1 --> n2',
        '    n2 -->|"yes"| n1',
        '    n2 -->|"no"| n3',
      ),
    )
    expect(ascii(nodes).diagram).toBe(
      lines('([start])', '│', '(one · variables)', '│', '<again · branch>', '├─ yes ─▶ ↩ (one · variables) (drawn above)', '└─ no ──▶ ([end])'),
    )
  })

  it('a self-loop and a graph that is one big cycle without start', () => {
    const selfLoop = [native('s', 'start', ['a']), native('a', 'delay', ['a'], { slug: 'wait' })]
    expect(ascii(selfLoop).diagram).toBe(lines('([start])', '│', '(wait · delay)', '│', '↩ (wait · delay) (drawn above)'))
    const ring = [native('a', 'variables', ['b'], { slug: 'a' }), native('b', 'variables', ['a'], { slug: 'b' })]
    const drawn = ascii(ring)
    expect(drawn.warnings).toEqual(['the graph has no start node (kind native, actionSlug start): nothing in it can run, and reachability was not checked'])
    expect(drawn.diagram.split('\n').slice(0, 5)).toEqual(['(a · variables)', '│', '(b · variables)', '│', '↩ (a · variables) (drawn above)'])
  })

  it('nodes are keyed by uuid, never slug: two nodes with one slug stay two nodes; a repeated uuid is reported', () => {
    const nodes = [native('s', 'start', ['v1']), native('v1', 'variables', ['v2']), native('v2', 'variables', ['e']), native('e', 'end')]
    expect(mermaid(nodes).diagram).toContain(lines('    n0 --> n1', '    n1 --> n2', '    n2 --> n3'))
    const repeated = [native('s', 'start', ['e']), native('e', 'end'), native('e', 'end', [], { slug: 'again' })]
    expect(mermaid(repeated).warnings).toEqual([
      'node "again" (e) has the same uuid as an earlier node; edges to it go to the first one',
      'node "again" (e) is unreachable from start',
    ])
  })

  it('two start nodes, an empty graph, unknown kinds and missing fields are drawn', () => {
    expect(mermaid([native('a', 'start', ['b']), native('b', 'start')]).warnings).toEqual(['the graph has 2 start nodes; reachability is counted from the first'])
    expect(mermaid([])).toEqual({
      format: 'mermaid',
      diagram: 'flowchart TD\n    %% warning: the graph has no start node (kind native, actionSlug start): nothing in it can run, and reachability was not checked',
      warnings: ['the graph has no start node (kind native, actionSlug start): nothing in it can run, and reachability was not checked'],
    })
    const odd = [native('s', 'start', ['x-1234567890']), { uuid: 'x-1234567890', kind: 'mystery' }]
    expect(mermaid(odd).diagram).toContain('    n1("x-123456<br/>mystery")')
    expect(ascii(odd).diagram).toBe(lines('([start])', '│', '(x-123456 · mystery)'))
  })

  it('a 12 000-node chain renders without exhausting the stack', () => {
    const count = 12_000
    const nodes = [native('s', 'start', ['v0'])]
    for (let index = 0; index < count; index++) nodes.push(native(`v${index}`, 'variables', [index + 1 < count ? `v${index + 1}` : 'e'], { slug: `v${index}` }))
    nodes.push(native('e', 'end'))
    const drawn = ascii(nodes)
    expect(drawn.warnings).toEqual([])
    expect(drawn.diagram.split('\n')).toHaveLength(2 * (count + 2) - 1)
    expect(mermaid(nodes).diagram.split('\n')).toHaveLength(1 + (count + 2) + (count + 1))
  })

  it('an ascii drawing wider than 120 columns is reported, not truncated', () => {
    const name = 'A very long step name '.repeat(6).trim()
    const nodes = [native('s', 'start', ['a']), connector('a', 'long', 'apollo.enrich', ['e'], { name }), native('e', 'end')]
    const drawn = ascii(nodes)
    expect(drawn.diagram).toContain(`[${name} · apollo.enrich]`)
    expect(drawn.warnings).toEqual([`the ascii drawing is ${name.length + 18} columns wide: lines longer than 120 columns wrap in most terminals (try --format mermaid)`])
    expect(mermaid(nodes).warnings).toEqual([])
  })
})

describe('labels from API data are made safe', () => {
  it('Mermaid: quotes, brackets, pipes, # and HTML cannot end a label or an edge', () => {
    const nodes = [
      native('s', 'start', ['w']),
      native('w', 'switch', ['e'], { name: 'Tier "A" [x] {y} (z)', config: { routes: [{ name: 'a|b"c' }] } }),
      native('e', 'end', [], { name: '<img src=x onerror=alert(1)> #quot; `md`' }),
    ]
    const drawn = mermaid(nodes, { title: 'T\n---\nx' })
    expect(drawn.diagram).toBe(
      lines(
        '---',
        'title: "T --- x"',
        '---',
        'flowchart TD',
        '    n0(["start"])',
        '    n1{"Tier #34;A#34; [x] {y} (z)<br/>switch"}',
        '    n2(["#60;img src=x onerror=alert(1)#62; #35;quot; #96;md#96;<br/>end"])',
        '    n0 --> n1',
        '    n1 -->|"a#124;b#34;c"| n2',
      ),
    )
  })

  it('ascii: escape sequences and control characters are stripped from names, slugs, routes and the title', () => {
    const nodes = [
      native('s', 'start', ['b']),
      native('b', 'branch', ['e', 'e'], { name: '\u001b[2J\u001b[31mRed\u001b[0m\u0007 step\r\nnext\u202e', slug: 'x\u001b]0;owned\u0007y' }),
      native('e', 'end'),
    ]
    const drawn = ascii(nodes, { title: '\u001b[1mBold\u001b[0m\u0000' })
    expect(drawn.diagram).toBe(lines('Bold', '════', '', '([start])', '│', '<Red step next · branch>', '├─ yes ─▶ ([end])', '└─ no ──▶ ↩ ([end]) (drawn above)'))
    expect(drawn.diagram).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
  })

  it('plainText, mermaidText and displayWidth', () => {
    expect(plainText('a\tb\u001b[0m\u0085c\n')).toBe('a bc')
    expect(mermaidText('"#&<>|`')).toBe('#34;#35;#38;#60;#62;#124;#96;')
    expect(displayWidth('💳 ab')).toBe(5)
    expect(displayWidth('表')).toBe(2)
    expect(displayWidth('e\u0301')).toBe(1)
  })
})

describe('readDiagramNodes', () => {
  const graph = [native('s', 'start', ['e']), native('e', 'end')]

  it('reads an array, or the release, run or {nodes} objects the other commands print', () => {
    for (const value of [graph, { nodes: graph }, { release: { uuid: 'r', nodes: graph } }, { run: { nodes: graph } }]) {
      expect(readDiagramNodes(value)).toEqual({ ok: true, nodes: graph })
    }
  })

  it('reads null fields as absent, and keeps null childrenUuids items (unconnected outputs)', () => {
    expect(readDiagramNodes([{ uuid: 'a', name: null, fallbackChildUuid: null, childrenUuids: ['b', null] }])).toEqual({
      ok: true,
      nodes: [{ uuid: 'a', childrenUuids: ['b', null] }],
    })
  })

  it('refuses what cannot be drawn, naming where', () => {
    expect(readDiagramNodes({ nodes: 'x' })).toEqual({ ok: false, problems: ['expected a JSON array of nodes (or an object with a nodes array)'] })
    expect(readDiagramNodes(42)).toEqual({ ok: false, problems: ['expected a JSON array of nodes (or an object with a nodes array)'] })
    const bad = readDiagramNodes([{ slug: 'start' }, { uuid: 'b', childrenUuids: 'c' }])
    expect(bad.ok).toBe(false)
    expect(bad.ok === false && bad.problems).toEqual([
      'nodes[0].uuid: Invalid input: expected string, received undefined',
      'nodes[1].childrenUuids: Invalid input: expected array, received string',
    ])
    const nested = readDiagramNodes([native('g', 'group', [], { config: { _nodes: [{ uuid: 7 }] } as unknown as DiagramNode['config'] })])
    expect(nested.ok === false && nested.problems).toEqual(['nodes[0].config._nodes[0].uuid: Invalid input: expected string, received number'])
  })
})
