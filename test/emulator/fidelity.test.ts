import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import { getCurrentUser } from '../../src/api/endpoints/user-management.js'
import { getCurrentWorkspace, listWorkspaces } from '../../src/api/endpoints/workspace-management.js'
import { handlers } from '../../src/emulator/domains/index.js'
import { SEED } from '../../src/emulator/index.js'
import { Harness, checkedEndpoints } from './harness.js'

/**
 * Every emulated endpoint, called once on a running scenario: each success is checked against the
 * endpoint's result schema by the harness, and the last test makes sure none was skipped.
 */

const since = '2025-01-01'
const tool = SEED.tool
const play = SEED.play

describe('every emulated endpoint answers what its result schema expects', () => {
  let h: Harness
  let runUuid: string
  let traceUuid: string
  let batchUuid: string

  beforeAll(async () => {
    h = new Harness()
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'acme.com' } })
    const { batch } = await h.ok(o.createBatch, { workflowUuid: play.workflowUuid, data: { kind: 'recordIds', modelUuid: SEED.modelUuid, ids: ['company_1', 'company_2'] } })
    runUuid = run.uuid
    traceUuid = run.traceUuid
    batchUuid = batch.uuid
    h.advance(600)
  })
  afterAll(() => h.close())

  it('sign-in', async () => {
    await h.ok(getCurrentUser, {})
    await h.ok(getCurrentWorkspace, {})
    await h.ok(listWorkspaces, {})
  })

  it('runs, records, spans and traces while they run', async () => {
    await h.ok(o.getRun, { uuid: runUuid })
    await h.ok(o.listRuns, { workflowUuid: tool.workflowUuid })
    await h.ok(o.countRuns, { statuses: ['running'] })
    await h.ok(o.getRunMetrics, { workflowUuid: tool.workflowUuid })
    await h.ok(o.listRecords, { workflowUuid: play.workflowUuid })
    await h.ok(o.countRecords, { workflowUuid: play.workflowUuid })
    await h.ok(o.getRecordMetrics, { workflowUuid: play.workflowUuid })
    await h.ok(o.listSpans, { executionStartedAfter: since })
    await h.ok(o.countSpans, { executionStartedAfter: since, runUuid })
    await h.ok(o.listTraces, { startedAfter: since })
    await h.ok(o.countTraces, { startedAfter: since })
    await h.ok(o.getTrace, { uuid: traceUuid })
    await h.ok(o.getBatch, { uuid: batchUuid })
    await h.ok(o.listBatches, { workflowUuids: [play.workflowUuid], isFinished: false })
  })

  it('exports and queries once finished', async () => {
    h.advance(5_000)
    await h.ok(o.downloadRuns, { workflowUuid: tool.workflowUuid })
    await h.ok(o.downloadRunOutputs, { workflowUuid: tool.workflowUuid, format: 'json' })
    await h.ok(o.downloadRecords, { workflowUuid: play.workflowUuid })
    await h.ok(o.downloadRecordOutputs, { workflowUuid: play.workflowUuid })
    await h.ok(o.downloadBatch, { uuid: batchUuid, outputNodeSlug: 'enrich' })
    await h.ok(o.executeQuery, { query: 'SELECT status, count() AS runs FROM runs GROUP BY status' })
  })

  it('actions', async () => {
    const action = { kind: 'connector' as const, integrationSlug: 'clearbit', actionSlug: 'company_enrich', config: {} }
    await h.ok(o.executeAction, { action, data: { domain: 'globex.com' } })
    await h.ok(o.executeActionBatch, { action, records: [{ domain: 'a.com' }, { domain: 'b.com' }] })
    await h.ok(o.getActionOutputSchema, { action })
  })

  it('cancellations', async () => {
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'initech.com' } })
    await h.ok(o.cancelRuns, { workflowUuid: tool.workflowUuid, uuids: [run.uuid] })
    await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { _id: 'to-cancel', domain: 'initech.com' } })
    await h.ok(o.cancelRecords, { workflowUuid: tool.workflowUuid, ids: ['to-cancel'] })
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'records', records: [{ domain: 'x.com' }] } })
    await h.ok(o.cancelBatch, { uuid: batch.uuid })
    await h.ok(o.previewBatch, { workflowUuid: play.workflowUuid, data: { kind: 'segment', segmentUuid: SEED.segmentUuid } })
  })

  it('plays, tools, workflows and templates', async () => {
    await h.ok(o.listPlays, { isEnabled: true })
    await h.ok(o.getPlay, { uuid: play.uuid })
    const created = await h.ok(o.createPlay, {
      name: 'New play',
      modelUuid: SEED.modelUuid,
      changeKinds: ['added'],
      runCreationRule: 'always',
      schedule: { type: 'cron', cron: '0 * * * *' },
    })
    await h.ok(o.updatePlay, { uuid: created.play.uuid, description: null, folderUuid: SEED.folders.plays })
    await h.ok(o.removePlay, { uuid: created.play.uuid })
    await h.ok(o.listTools, {})
    await h.ok(o.getTool, { uuid: tool.uuid })
    const made = await h.ok(o.createTool, { name: 'New tool', icon: { kind: 'emoji', emojiSlug: 'star' } })
    await h.ok(o.updateTool, { uuid: made.tool.uuid, name: 'Renamed', template: { isAvailable: true, scope: 'private' } })
    await h.ok(o.removeTool, { uuid: made.tool.uuid })
    await h.ok(o.listWorkflows, {})
    await h.ok(o.listTemplates, { kinds: ['tool'] })
    await h.ok(o.getTemplate, { slug: SEED.templates.play })
  })

  it('releases and nodes', async () => {
    const { release } = await h.ok(o.getDraftRelease, { workflowUuid: tool.workflowUuid })
    await h.ok(o.getRelease, { uuid: tool.releaseUuid })
    await h.ok(o.listReleases, { workflowUuid: tool.workflowUuid })
    await h.ok(o.getDeployedRelease, { workflowUuid: tool.workflowUuid })
    await h.ok(o.updateDraftRelease, { workflowUuid: tool.workflowUuid, testRecords: [{ kind: 'data', data: { domain: null } }] })
    await h.ok(o.deployDraftRelease, { workflowUuid: tool.workflowUuid, nodes: release.nodes, formFields: null })
    await h.ok(o.validateNodes, { nodes: release.nodes })
    const enrich = release.nodes.find((node: { slug: string }) => node.slug === 'enrich')
    const context = { nodes: { start: { domain: 'acme.com', missing: null } } }
    const { computedConfig } = await h.ok(o.computeNode, { node: enrich, context })
    await h.ok(o.executeNode, { workflowUuid: tool.workflowUuid, releaseUuid: tool.releaseUuid, node: enrich, computedConfig, context })
  })

  // Each domain's emulator tests check their own endpoints; this file covers orchestration and sign-in.
  it('covered every emulated orchestration and sign-in endpoint', () => {
    const mine = /^orchestration\.|^userManagement\.getCurrentUser$|^workspaceManagement\.(getCurrentWorkspace|listWorkspaces)$/
    const missing = [...handlers.keys()].filter((name) => mine.test(name) && !checkedEndpoints.has(name))
    expect(missing).toEqual([])
  })
})
