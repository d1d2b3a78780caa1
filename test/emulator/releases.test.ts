import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import type { Node } from '../../src/api/schemas/orchestration.js'
import { SEED } from '../../src/emulator/index.js'
import { Harness } from './harness.js'

const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const native = (n: number, slug: string, actionSlug: string, children: number[], config: Record<string, unknown> = {}): Node =>
  ({ uuid: uuid(n), slug, kind: 'native', actionSlug, config, childrenUuids: children.map(uuid), fallbackOnFailure: false, position: { x: 0, y: 0 } }) as Node

const reasons = (answer: { invalidNodes?: Array<{ node: { slug: string }; reason: string }> }) =>
  (answer.invalidNodes ?? []).map((entry) => `${entry.node.slug}:${entry.reason}`)

describe('releases, tools and plays', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  it('numbers deployed versions 1.0.1, 1.0.2… and honours an explicit version once', async () => {
    const workflowUuid = SEED.tool.workflowUuid
    const { release: draft } = await h.ok(o.getDraftRelease, { workflowUuid })
    expect(draft).toMatchObject({ status: 'draft', parentUuid: SEED.tool.releaseUuid })
    const deploy = (version?: string) => h.call(o.deployDraftRelease, { workflowUuid, nodes: draft.nodes, formFields: null, version })
    expect((await deploy()).body.release).toMatchObject({ version: '1.0.1', status: 'deployed', uuid: draft.uuid })
    expect((await deploy('2.0.0')).body.release.version).toBe('2.0.0')
    expect(await deploy('2.0.0')).toEqual({ status: 400, body: { reason: 'invalidReleaseVersion' } })
    expect((await deploy()).body.release.version).toBe('2.0.1')
    const { release: deployed } = await h.ok(o.getDeployedRelease, { workflowUuid })
    expect(deployed.version).toBe('2.0.1')
    const { releases } = await h.ok(o.listReleases, { workflowUuid, statuses: ['archived'] })
    expect(releases.map((release: { version: string }) => release.version)).toEqual(['2.0.0', '1.0.1', '1.0.0'])
    expect((await h.ok(o.getRelease, { uuid: SEED.tool.releaseUuid })).release.status).toBe('archived')
  })

  it('refuses to deploy an invalid graph, and checks the draft parent', async () => {
    const workflowUuid = SEED.play.workflowUuid
    const answer = await h.call(o.deployDraftRelease, { workflowUuid, nodes: [native(1, 'end', 'end', [])], formFields: null })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ reason: 'draftReleaseNodesAreInvalid', errorMessage: expect.stringMatching(/startNodeNotFound/) })
    expect((await h.call(o.updateDraftRelease, { workflowUuid, parentUuid: SEED.tool.releaseUuid })).body).toEqual({ reason: 'invalidParent' })
    const graph = [native(1, 'start', 'start', [2]), native(2, 'end', 'end', [])]
    const { release } = await h.ok(o.updateDraftRelease, { workflowUuid, nodes: graph, testRecords: [{ kind: 'id', id: 'company_1' }] })
    expect(release).toMatchObject({ status: 'draft', nodes: [{ slug: 'start' }, { slug: 'end' }], testRecords: [{ kind: 'id', id: 'company_1' }] })
    expect((await h.call(o.getDeployedRelease, { workflowUuid: uuid(404) })).body).toEqual({ reason: 'releaseNotFound' })
  })

  it('validates node graphs with the documented reasons', async () => {
    const start = native(1, 'start', 'start', [2])
    const cases: Array<[Node[], string[]]> = [
      [[native(2, 'end', 'end', [])], ['start:startNodeNotFound']],
      [[start, native(2, 'end', 'end', [9])], ['end:nodesNotFound']],
      [[start, native(2, 'check', 'branch', [3]), native(3, 'end', 'end', [])], ['check:childrenUuidsInvalid']],
      [[start, native(2, 'teleport', 'teleport', [3]), native(3, 'end', 'end', [])], ['teleport:nativeInvalid']],
      [[start, native(2, 'bad-slug', 'variables', [3]), native(3, 'end', 'end', [])], ['bad-slug:slugInvalid']],
      [[start, { ...native(2, 'enrich', 'x', [3]), kind: 'connector', integrationSlug: 'nope', actionSlug: 'x' } as Node, native(3, 'end', 'end', [])], ['enrich:connectorNotFound']],
      [[start, { ...native(2, 'sub', 'x', [3]), kind: 'tool', toolUuid: uuid(77) } as Node, native(3, 'end', 'end', [])], ['sub:toolInvalid']],
      [[start, native(2, 'loop', 'group', [3], { items: [], _nodes: [native(20, 'end', 'end', [])] }), native(3, 'end', 'end', [])], ['loop:subNodesInvalid']],
    ]
    for (const [nodes, expected] of cases) expect(reasons(await h.ok(o.validateNodes, { nodes }))).toEqual(expected)
  })

  it('computes node configs from a context, keeping nulls', async () => {
    const node = native(5, 'vars', 'variables', [6], {
      text: 'Hello {{nodes.start.name}}',
      count: { kind: 'jsExpression', expression: 'nodes.start.items.length', instructTo: 'none', fromRecipe: false },
      missing: { kind: 'templateExpression', expression: '{{nodes.start.nothing}}', instructTo: 'none', fromRecipe: false },
      parent: '{{parentNodes.outer.id}}',
    })
    const answer = await h.ok(o.computeNode, { node, context: { nodes: { start: { name: 'Ada', items: [1, 2, 3] } } }, groupContext: { nodes: { outer: { id: 7 } } } })
    expect(answer.computedConfig).toEqual({ text: 'Hello Ada', count: 3, missing: null, parent: 7 })
    const broken = await h.call(o.computeNode, { node: native(5, 'v', 'variables', [6], { x: '{{nodes.start.a.b.c}}' }), context: { nodes: { start: {} } } })
    expect(broken).toMatchObject({ status: 400, body: { errorMessage: expect.stringMatching(/could not be computed/) } })
  })

  it('executes single nodes: a branch at once, a tool as a run', async () => {
    const workflowUuid = SEED.tool.workflowUuid
    const branch = native(3, 'is_large', 'branch', [4, 5], { condition: '{{nodes.enrich.employees > 100}}' })
    const releaseUuid = SEED.tool.draftReleaseUuid
    const context = { nodes: { enrich: { employees: 12 } } }
    const { computedConfig } = await h.ok(o.computeNode, { node: branch, context })
    const no = await h.ok(o.executeNode, { workflowUuid, releaseUuid, node: branch, computedConfig, context })
    expect(no).toEqual({ status: 'success', data: { result: false }, creditsUsedCount: 0, childIndex: 1 })
    const toolNode = { ...native(9, 'sub', 'x', [10]), kind: 'tool', toolUuid: SEED.tool.uuid } as Node
    const pending = await h.ok(o.executeNode, { workflowUuid, releaseUuid, node: toolNode, computedConfig: { domain: 'acme.com' }, context: {} })
    expect(pending).toMatchObject({ status: 'pending', runUuid: expect.any(String) })
    expect((await h.call(o.executeNode, { workflowUuid, releaseUuid: uuid(1), node: branch, computedConfig, context: {} })).body).toEqual({ reason: 'releaseNotFound' })
    // the API requires every field but groupContext
    const missing = await h.call(o.executeNode, { workflowUuid, releaseUuid, node: branch, context } as never)
    expect(missing).toMatchObject({ status: 400, body: { errorMessage: expect.stringMatching(/computedConfig/) } })
  })

  it('creates, updates and removes tools with their workflow and draft', async () => {
    const { tool } = await h.ok(o.createTool, { name: 'Scorer', icon: { kind: 'emoji', emojiSlug: 'dart' }, folderUuid: SEED.folders.tools, triggers: [{ type: 'cron', name: 'nightly', cron: '0 0 * * *', data: {} }] })
    expect(tool).toMatchObject({ name: 'Scorer', description: null, triggers: [{ temporalScheduleWorkflowId: expect.any(String) }] })
    const { release } = await h.ok(o.getDraftRelease, { workflowUuid: tool.workflowUuid })
    expect(release.nodes.map((n: Node) => n.slug)).toEqual(['start', 'end'])
    expect((await h.call(o.createRun, { workflowUuid: tool.workflowUuid, data: {} })).body).toMatchObject({ reason: 'nodesNotFound' })
    const { tool: updated } = await h.ok(o.updateTool, { uuid: tool.uuid, description: 'Scores', folderUuid: null })
    expect(updated).toMatchObject({ description: 'Scores', folderUuid: null, name: 'Scorer' })
    expect((await h.call(o.updateTool, { uuid: tool.uuid, folderUuid: uuid(3) })).body).toEqual({ reason: 'folderNotFound' })
    await h.ok(o.removeTool, { uuid: tool.uuid })
    expect((await h.ok(o.listTools, {})).tools.map((t: { uuid: string }) => t.uuid)).not.toContain(tool.uuid)
    expect((await h.ok(o.listWorkflows, {})).workflows.map((w: { uuid: string }) => w.uuid)).not.toContain(tool.workflowUuid)
  })

  it('creates plays on a model, and enables them only once deployed', async () => {
    const created = await h.call(o.createPlay, { name: 'Nope', modelUuid: uuid(1), changeKinds: ['added'], runCreationRule: 'always' })
    expect(created).toEqual({ status: 404, body: { reason: 'modelNotFound' } })
    const { play } = await h.ok(o.createPlay, { name: 'Watch', modelUuid: SEED.modelUuid, changeKinds: ['added', 'updated'], runCreationRule: 'once', schedule: { type: 'realtime' } })
    expect(play).toMatchObject({ isEnabled: false, schedule: { type: 'realtime' }, segmentUuid: expect.any(String) })
    expect((await h.call(o.updatePlay, { uuid: play.uuid, isEnabled: true })).body).toEqual({ reason: 'playNotDeployed' })
    const nodes = [native(1, 'start', 'start', [2]), native(2, 'end', 'end', [])]
    await h.ok(o.deployDraftRelease, { workflowUuid: play.workflowUuid, nodes, formFields: null })
    expect((await h.ok(o.updatePlay, { uuid: play.uuid, isEnabled: true, schedule: null })).play).toMatchObject({ isEnabled: true, schedule: null })
    expect((await h.ok(o.listPlays, { modelUuid: SEED.modelUuid, isEnabled: true })).plays).toHaveLength(2)
    expect((await h.ok(o.listPlays, { scheduleType: 'realtime' })).plays).toHaveLength(0)
    await h.ok(o.removePlay, { uuid: play.uuid })
    expect((await h.call(o.getPlay, { uuid: play.uuid })).body).toEqual({ reason: 'playNotFound' })
  })

  it('serves the template catalogue', async () => {
    const { templates } = await h.ok(o.listTemplates, { kinds: ['play'] })
    expect(templates.map((t: { slug: string }) => t.slug)).toEqual([SEED.templates.play])
    const { template } = await h.ok(o.getTemplate, { slug: SEED.templates.tool })
    expect(template).toMatchObject({ kind: 'tool', formFields: [{ slug: 'domain' }] })
    expect(template).not.toHaveProperty('uuid')
    expect((await h.call(o.getTemplate, { slug: 'nope' })).body).toEqual({ reason: 'templateNotFound' })
  })
})
