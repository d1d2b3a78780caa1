/**
 * Every command of spec/commands/segmentation.json against the real command classes
 * (test/support/spec-table.ts), then the traps of its notes: --model-uuid (not a segment uuid) on fetch
 * and download, the two kinds of limit, the `conjonction` spelling, the DELETE body, boolean flags with
 * values, nulls kept in fetched records.
 */
import { describe, expect, it } from 'vitest'
import * as endpoints from '../../../src/api/endpoints/segmentation.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'
import { describeSpecTable, endpointsOf, expectApiHeaders, expectSuccess, loadCommand, loadSpec, pick, printed, stubSignedUrls } from '../../support/spec-table.js'
import { fileBytes, fileUrls, jsonSamples, modelUuid, records, resultFixtures, segment, segmentUuid, usFilter } from '../../fixtures/segmentation.js'

describeSpecTable({
  topic: 'segmentation',
  endpoints,
  jsonSamples,
  resultFixtures,
  skip: { 'segmentation segment remove': 'the spec says no body, the API client sends {}: tested below' },
  fileContent: fileBytes,
})

describe('spec/commands/segmentation.json, in numbers', () => {
  it('lists 12 commands over the 12 segmentation endpoints', () => {
    expect(loadSpec('segmentation').commands).toHaveLength(12)
    expect(endpointsOf(endpoints)).toHaveLength(12)
  })
})

const run = async (id: string, argv: string[]) => runCommand(await loadCommand(`segmentation ${id}`), argv)
const filter = ['--filter', JSON.stringify(usFilter)]

describe('segment fetch and download read a model, by --model-uuid', () => {
  it.each(['segment fetch', 'segment download'])('%s needs --model-uuid and has no --segment-uuid (exit 2, nothing sent)', async (id) => {
    const missing = await run(id, filter)
    expect(missing.exitCode).toBe(2)
    expect(missing.json().errorMessage).toMatch(/model-uuid/)
    const wrong = await run(id, ['--segment-uuid', segmentUuid, ...filter])
    expect(wrong.exitCode).toBe(2)
    expect(requests).toEqual([])
  })

  it('pages with --fetching-limit/--fetching-offset while --limit caps the selection', async () => {
    stubApi('POST', '/v1/segmentation/segments/fetch', resultFixtures['segmentation.fetchSegment'])
    const sort = '[{"columnSlug":"employee_count","kind":"desc"}]'

    const result = await run('segment fetch', ['--model-uuid', modelUuid, ...filter, '--sort', sort, '--limit', '500', '--fetching-limit', '50', '--fetching-offset', '100'])

    expectSuccess(result, printed(stripNulls(resultFixtures['segmentation.fetchSegment'])))
    const body = { modelUuid, filter: usFilter, sort: JSON.parse(sort), limit: 500, fetchingLimit: 50, fetchingOffset: 100 }
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path: '/v1/segmentation/segments/fetch', query: '', body }])
    expectApiHeaders(requests[0])
  })

  it('--enrich and --sync are switches, also written with a value', async () => {
    stubApi('POST', '/v1/segmentation/segments/fetch', resultFixtures['segmentation.fetchSegment'])
    expect((await run('segment fetch', ['--model-uuid', modelUuid, ...filter, '--enrich', '--sync', 'false'])).exitCode).toBe(0)
    expect((await run('segment fetch', ['--model-uuid', modelUuid, ...filter, '--enrich=true'])).exitCode).toBe(0)
    expect(requests.map((request) => request.body)).toStrictEqual([
      { modelUuid, filter: usFilter, enrich: true, sync: false },
      { modelUuid, filter: usFilter, enrich: true },
    ])
  })

  it('segment download streams each signed URL to stdout, without Cargo headers', async () => {
    stubApi('POST', '/v1/segmentation/segments/download', resultFixtures['segmentation.downloadSegment'])
    const files = stubSignedUrls(fileUrls, (url) => `${url.slice(-5)}\n`)

    const result = await run('segment download', ['--model-uuid', modelUuid, ...filter, '--limit', '1000'])

    expectSuccess(result, '0.csv\n1.csv\n')
    expect(requests.map((request) => request.body)).toStrictEqual([{ modelUuid, filter: usFilter, limit: 1000 }])
    expect(files.map((file) => file.headers.authorization)).toEqual([undefined, undefined])
  })
})

describe('filters use the French spelling conjonction (wire.md §14)', () => {
  it.each([
    { name: 'conjunction at the root', value: { conjunction: 'and', groups: [] }, at: '--filter.conjonction' },
    { name: 'conjunction in a group', value: { conjonction: 'and', groups: [{ conjunction: 'or', conditions: [] }] }, at: '--filter.groups[0].conjonction' },
  ])('refuses $name before sending (exit 2)', async ({ value, at }) => {
    const result = await run('segment fetch', ['--model-uuid', modelUuid, '--filter', JSON.stringify(value)])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toContain(`${at}: missing "conjonction" (French spelling; "conjunction" is not read)`)
    expect(requests).toEqual([])
  })

  it('accepts the empty filter, which keeps every record', async () => {
    stubApi('POST', '/v1/segmentation/segments/fetch', resultFixtures['segmentation.fetchSegment'])
    expect((await run('segment fetch', ['--model-uuid', modelUuid, '--filter', '{"conjonction":"and","groups":[]}'])).exitCode).toBe(0)
    expect(requests[0].body).toStrictEqual({ modelUuid, filter: { conjonction: 'and', groups: [] } })
  })
})

describe('segment remove and update', () => {
  it('remove sends DELETE with the body {} (wire.md §2) and prints {}', async () => {
    stubApi('DELETE', `/v1/segmentation/segments/${segmentUuid}`, undefined)
    expectSuccess(await run('segment remove', [segmentUuid]), '{}\n')
    expect(requests.map(pick)).toStrictEqual([{ method: 'DELETE', path: `/v1/segmentation/segments/${segmentUuid}`, query: '', body: {} }])
    expectApiHeaders(requests[0])
  })

  it('update sends only the flags given; null clears sort, limit and column lists', async () => {
    stubApi('PUT', `/v1/segmentation/segments/${segmentUuid}`, { segment })
    const argv = ['--uuid', segmentUuid, '--sort', 'null', '--limit', 'null', '--tracking-column-slugs', 'null', '--column-slugs', 'name,country']
    expectSuccess(await run('segment update', argv), printed(stripNulls({ segment })))
    expect(requests.map(pick)).toStrictEqual([
      { method: 'PUT', path: `/v1/segmentation/segments/${segmentUuid}`, query: '', body: { sort: null, limit: null, trackingColumnSlugs: null, columnSlugs: ['name', 'country'] } },
    ])
  })

  it('a refusal prints the reason message of the table (exit 1)', async () => {
    stubApi('PUT', `/v1/segmentation/segments/${segmentUuid}`, { reason: 'segmentLinkedToWorkflow' }, 400)
    const result = await run('segment update', ['--uuid', segmentUuid, '--name', 'x'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: 'The segment is linked to a workflow (a play), so this change is refused.', reason: 'segmentLinkedToWorkflow', status: 400 })
  })
})

describe('record fetch', () => {
  it('prints the records with their nulls, as the API client keeps them', async () => {
    stubApi('POST', '/v1/segmentation/records/fetch', { records })
    const result = await run('record fetch', ['--model-uuid', modelUuid, '--ids', 'company_2,company_1', '--reset-cache'])
    expectSuccess(result, printed({ records }))
    expect(result.json().records[1].employee_count).toBeNull()
    expect(requests[0].body).toStrictEqual({ modelUuid, ids: ['company_2', 'company_1'], resetCache: true })
  })
})
