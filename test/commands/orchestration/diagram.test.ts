/**
 * `orchestration node diagram`: which call each source makes (exact path and query), that --nodes and
 * --file need no session and send nothing, the JSON and --raw outputs, and the usage errors.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import NodeDiagram from '../../../src/commands/orchestration/node/diagram.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, tempConfigDir } from '../../support/run-command.js'

const workflowUuid = '00000000-0000-4000-8000-000000000102'
const releaseUuid = '00000000-0000-4000-8000-000000000103'
const runUuid = 'aaaaaaaa-1111-4111-8111-111111111111'

const graph = [
  { uuid: 's', slug: 'start', kind: 'native', actionSlug: 'start', config: {}, childrenUuids: ['b'] },
  { uuid: 'b', slug: 'is_large', name: 'Large?', kind: 'native', actionSlug: 'branch', config: {}, childrenUuids: ['e', null] },
  { uuid: 'e', slug: 'end', kind: 'native', actionSlug: 'end', config: {}, childrenUuids: [] },
]
/** what the API sends: null fields the client drops, and a null childrenUuids item it must keep */
const apiGraph = graph.map((node) => ({ ...node, name: (node as { name?: string }).name ?? null, fallbackChildUuid: null, description: null }))
const release = { uuid: releaseUuid, workflowUuid, status: 'deployed', nodes: apiGraph, testRecords: [] }

const nullWarning = 'node "is_large" (b): output 1 ("no") is not connected (null in childrenUuids)'
const mermaidSource = [
  'flowchart TD',
  `    %% warning: ${nullWarning}`,
  '    n0(["start"])',
  '    n1{"Large?<br/>branch"}',
  '    n2(["end"])',
  '    n0 --> n1',
  '    n1 -->|"yes"| n2',
].join('\n')
const asciiText = ['([start])', '│', '<Large? · branch>', '├─ yes ─▶ ([end])', '└─ no ──▶ ○ not connected', '', 'warnings:', `  ! ${nullWarning}`].join('\n')

/** No token anywhere, and an API origin nothing answers: a command that tried to sign in or call would fail. */
function signedOutEnv(): NodeJS.ProcessEnv {
  return { CARGO_AI_CONFIG_DIR: tempConfigDir(), CARGO_AI_KEYRING: 'off', CARGO_AI_BASE_URL: 'http://127.0.0.1:9' }
}

describe('remote sources: one documented call each', () => {
  it('--workflow-uuid draws the deployed release (GET releases/deployed?workflowUuid=…)', async () => {
    stubApi('GET', '/v1/orchestration/releases/deployed', { release })
    const result = await runCommand(NodeDiagram, ['--workflow-uuid', workflowUuid])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({ format: 'mermaid', diagram: mermaidSource, warnings: [nullWarning] })
    expect(requests.map((request) => `${request.method} ${request.path}?${request.query}`)).toEqual([`GET /v1/orchestration/releases/deployed?workflowUuid=${workflowUuid}`])
  })

  it('--workflow-uuid --draft draws the draft (GET releases/draft?workflowUuid=…)', async () => {
    stubApi('GET', '/v1/orchestration/releases/draft', { release: { ...release, status: 'draft' } })
    const result = await runCommand(NodeDiagram, ['--workflow-uuid', workflowUuid, '--draft', '--format', 'ascii', '--raw'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(`${asciiText}\n`)
    expect(requests.map((request) => `${request.method} ${request.path}?${request.query}`)).toEqual([`GET /v1/orchestration/releases/draft?workflowUuid=${workflowUuid}`])
  })

  it('--release-uuid draws that release (GET releases/{uuid})', async () => {
    stubApi('GET', '/v1/orchestration/releases/{uuid}', { release })
    const result = await runCommand(NodeDiagram, ['--release-uuid', releaseUuid, '--raw'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(`\`\`\`mermaid\n${mermaidSource}\n\`\`\`\n`)
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/orchestration/releases/${releaseUuid}`])
  })

  it('--run-uuid draws the nodes an ad-hoc run carries, with no second call', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { uuid: runUuid, workflowUuid, nodes: apiGraph, releaseUuid: null, executions: [] }, runContext: {}, runComputedConfigs: {} })
    const result = await runCommand(NodeDiagram, ['--run-uuid', runUuid, '--highlight', 'is_large', '--query', 'warnings'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual([nullWarning])
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/orchestration/runs/${runUuid}`])
  })

  it("--run-uuid of a tool run follows the run's releaseUuid (GET runs/{uuid}, then releases/{uuid})", async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { uuid: runUuid, workflowUuid, releaseUuid, nodes: null, executions: [] }, runContext: {}, runComputedConfigs: {} })
    stubApi('GET', '/v1/orchestration/releases/{uuid}', { release })
    const result = await runCommand(NodeDiagram, ['--run-uuid', runUuid, '--format', 'ascii'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({ format: 'ascii', diagram: asciiText, warnings: [nullWarning] })
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET /v1/orchestration/runs/${runUuid}`, `GET /v1/orchestration/releases/${releaseUuid}`])
  })

  it('ascii names connector steps from one integration get per integration; one that fails keeps its slugs', async () => {
    const nodes = [
      { uuid: 's', slug: 'start', kind: 'native', actionSlug: 'start', config: {}, childrenUuids: ['a'] },
      { uuid: 'a', slug: 'enrich', kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich', config: {}, childrenUuids: ['b'] },
      { uuid: 'b', slug: 'people', kind: 'connector', integrationSlug: 'gone', actionSlug: 'find', config: {}, childrenUuids: ['e'] },
      { uuid: 'e', slug: 'end', kind: 'native', actionSlug: 'end', config: {}, childrenUuids: [] },
    ]
    stubApi('GET', '/v1/orchestration/releases/{uuid}', { release: { ...release, nodes } })
    stubApi('GET', '/v1/connection/integrations/clearbit', { integration: { slug: 'clearbit', name: 'Clearbit', actions: { company_enrich: { name: 'Enrich \u001b[31mcompany' } } } })
    stubApi('GET', '/v1/connection/integrations/gone', { errorMessage: 'Integration not found', reason: 'integrationNotFound' }, 404)
    const result = await runCommand(NodeDiagram, ['--release-uuid', releaseUuid, '--format', 'ascii', '--raw'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(['([start])', '│', '[enrich · Clearbit / Enrich company]', '│', '[people · gone.find]', '│', '([end])', ''].join('\n'))
    expect(requests.map((request) => `${request.method} ${request.path}`).sort()).toEqual([
      'GET /v1/connection/integrations/clearbit',
      'GET /v1/connection/integrations/gone',
      `GET /v1/orchestration/releases/${releaseUuid}`,
    ])

    // Mermaid keeps integration.action and asks no catalogue; --nodes asks nothing at all
    requests.length = 0
    const drawn = await runCommand(NodeDiagram, ['--release-uuid', releaseUuid])
    expect(drawn.json().diagram).toContain('n1["enrich<br/>clearbit.company_enrich"]')
    expect(requests.map((request) => request.path)).toEqual([`/v1/orchestration/releases/${releaseUuid}`])
    requests.length = 0
    const offline = await runCommand(NodeDiagram, ['--nodes', JSON.stringify(nodes), '--format', 'ascii', '--raw'], { env: signedOutEnv() })
    expect(offline.stdout).toContain('[enrich · clearbit.company_enrich]')
    expect(requests).toEqual([])
  })

  it('a run with neither nodes nor a release is a failure (exit 1), not a crash', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { uuid: runUuid, workflowUuid, executions: [] }, runContext: {}, runComputedConfigs: {} })
    const result = await runCommand(NodeDiagram, ['--run-uuid', runUuid])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: `Run ${runUuid} carries neither nodes nor a releaseUuid: there is no graph to draw` })
  })

  it('an answer whose nodes cannot be drawn is a failure (exit 1) naming the release', async () => {
    stubApi('GET', '/v1/orchestration/releases/{uuid}', { release: { ...release, nodes: [{ slug: 'start' }] } })
    const result = await runCommand(NodeDiagram, ['--release-uuid', releaseUuid])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: `The nodes of release ${releaseUuid} cannot be drawn: nodes[0].uuid: Invalid input: expected string, received undefined` })
  })

  it('API refusals keep their exit codes: 404 → 1 with the reason, 401 → 3', async () => {
    stubApi('GET', '/v1/orchestration/releases/deployed', { errorMessage: 'no release', reason: 'releaseNotFound' }, 404)
    const missing = await runCommand(NodeDiagram, ['--workflow-uuid', workflowUuid])
    expect(missing.exitCode).toBe(1)
    expect(missing.json()).toEqual({ errorMessage: 'no release', reason: 'releaseNotFound', status: 404 })
    stubApi('GET', '/v1/orchestration/releases/{uuid}', { errorMessage: 'unauthorized' }, 401)
    expect((await runCommand(NodeDiagram, ['--release-uuid', releaseUuid])).exitCode).toBe(3)
  })

  it('a remote source needs a sign-in (exit 3)', async () => {
    const result = await runCommand(NodeDiagram, ['--workflow-uuid', workflowUuid], { env: signedOutEnv() })
    expect(result.exitCode).toBe(3)
    expect(requests).toEqual([])
  })
})

describe('--nodes and --file: offline, no sign-in', () => {
  const expected = { format: 'mermaid', diagram: mermaidSource, warnings: [nullWarning] }

  it('inline JSON', async () => {
    const result = await runCommand(NodeDiagram, ['--nodes', JSON.stringify(graph)], { env: signedOutEnv() })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual(expected)
    expect(requests).toEqual([])
  })

  it('@file, --file, and - (standard input) holding a release answer, null fields included', async () => {
    const path = join(tempConfigDir(), 'nodes.json')
    writeFileSync(path, JSON.stringify(graph))
    for (const argv of [['--nodes', `@${path}`], ['--file', path]]) {
      const result = await runCommand(NodeDiagram, argv, { env: signedOutEnv() })
      expect(result.exitCode).toBe(0)
      expect(result.json()).toEqual(expected)
    }
    const piped = await runCommand(NodeDiagram, ['--nodes', '-', '--format', 'ascii', '--raw'], { env: signedOutEnv(), stdin: JSON.stringify({ release }) })
    expect(piped.exitCode).toBe(0)
    expect(piped.stdout).toBe(`${asciiText}\n`)
    expect(requests).toEqual([])
  })

  it('--title, --direction, --paid and --highlight reach the drawing', async () => {
    const result = await runCommand(NodeDiagram, ['--nodes', JSON.stringify(graph), '--title', 'Sizing', '--direction', 'LR', '--paid', 'is_large', '--highlight', 'e,ghost', '--raw'], {
      env: signedOutEnv(),
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(
      [
        '```mermaid',
        '---',
        'title: "Sizing"',
        '---',
        'flowchart LR',
        `    %% warning: ${nullWarning}`,
        '    %% warning: --highlight: no node has the slug or uuid "ghost"',
        '    n0(["start"])',
        '    n1{"💳 Large?<br/>branch"}',
        '    n2(["end"])',
        '    n0 --> n1',
        '    n1 -->|"yes"| n2',
        '    classDef highlight fill:#fee2e2,stroke:#dc2626,stroke-width:2px',
        '    class n2 highlight',
        '```',
        '',
      ].join('\n'),
    )
  })
})

describe('usage errors: exit 2, nothing sent', () => {
  const cases: Array<[string, string[], string]> = [
    ['no source', [], 'Give exactly one source: --nodes, --file, --workflow-uuid, --release-uuid or --run-uuid (none was given)'],
    [
      'two sources',
      ['--nodes', '[]', '--workflow-uuid', workflowUuid],
      'Give exactly one source: --nodes, --file, --workflow-uuid, --release-uuid or --run-uuid (got --nodes and --workflow-uuid)',
    ],
    ['--draft without --workflow-uuid', ['--release-uuid', releaseUuid, '--draft'], '--draft goes with --workflow-uuid (it picks the draft release of a workflow)'],
    ['--raw with --query', ['--nodes', '[]', '--raw', '--query', 'diagram'], '--raw prints the diagram itself and --query selects from the JSON answer: give one of them'],
    ['malformed JSON', ['--nodes', '[{'], '--nodes is not valid JSON: '],
    ['nodes that are not an array', ['--nodes', '{"a":1}'], '--nodes: cannot draw these nodes: expected a JSON array of nodes (or an object with a nodes array)'],
    ['a node without uuid', ['--nodes', '[{"slug":"start"}]'], '--nodes: cannot draw these nodes: nodes[0].uuid: Invalid input: expected string, received undefined'],
    ['a missing file', ['--file', '/nonexistent/nodes.json'], '--file: cannot read /nonexistent/nodes.json: no such file'],
    ['an empty uuid', ['--workflow-uuid', ''], 'Invalid input: --workflow-uuid: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ""'],
    ['a malformed uuid', ['--run-uuid', 'run-1'], 'Invalid input: --run-uuid: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got "run-1"'],
    ['the global --format table', ['--nodes', '[]', '--format', 'table'], 'Expected --format=table to be one of: ascii, mermaid'],
    ['an unknown direction', ['--nodes', '[]', '--direction', 'BT'], 'Expected --direction=BT to be one of: TD, LR'],
  ]
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const result = await runCommand(NodeDiagram, argv)
      expect(result.exitCode).toBe(2)
      expect(result.json().errorMessage.startsWith(message)).toBe(true)
      expect(requests).toEqual([])
    })
  }
})
