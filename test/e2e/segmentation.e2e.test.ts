import { describe, expect, it } from 'vitest'
import { cli, type ServedEmulator, useSignedInEmulator } from './cli-process.js'

/**
 * Segments through the real CLI process and a served emulator: a segment of the seeded Companies model,
 * its changes as records move and the model syncs, its export, and its removal.
 */

// Seeded by the emulator (src/emulator/seed.ts)
const COMPANIES_MODEL = '00000000-0000-4000-8000-000000000301'

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

useSignedInEmulator(
  (served, signedIn) => {
    emulator = served
    env = signedIn
  },
  { CARGO_AI_EMULATOR_SPEED: 'instant' },
)

async function ok(args: string[]): Promise<any> {
  const result = await cli(args, env)
  expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0)
  return result.json()
}

const bigCompanies = JSON.stringify({
  conjonction: 'and',
  groups: [{ conjonction: 'and', conditions: [{ kind: 'number', columnSlug: 'employee_count', operator: 'greaterThan', value: 400 }] }],
})

describe('segmentation: a segment and its changes', () => {
  let segmentUuid: string

  it('creates a segment that tracks a column; its first change adds every record', async () => {
    const { segment } = await ok(['segmentation', 'segment', 'create', '--name', 'Big companies', '--model-uuid', COMPANIES_MODEL, '--filter', bigCompanies, '--tracking-column-slugs', 'name'])
    segmentUuid = segment.uuid
    expect(segment).toMatchObject({ slug: 'big_companies', recordsCount: 3, trackingColumnSlugs: ['name'], lastChange: { addedRecordsCount: 3 } })
    expect((await ok(['segmentation', 'segment', 'list'])).segments.map((s: { uuid: string }) => s.uuid)).toContain(segmentUuid)
  })

  it('records an update once the model syncs', async () => {
    await ok(['storage', 'record', 'update', '--model-uuid', COMPANIES_MODEL, '--id', 'company_2', '--data', '{"name":"Globex Corporation"}'])
    expect(await ok(['storage', 'model', 'refresh', COMPANIES_MODEL])).toMatchObject({ isRefreshing: true })
    const { changes } = await ok(['segmentation', 'change', 'list', '--segment-uuid', segmentUuid, '--not-empty', 'true'])
    expect(changes.map((c: { updatedRecordsCount: number }) => c.updatedRecordsCount)).toEqual([1, 0])
    const updated = await ok(['segmentation', 'change', 'fetch', '--uuid', changes[0].uuid, '--kinds', 'updated'])
    expect(updated.records.map((r: { name: string }) => r.name)).toEqual(['Globex Corporation'])
    expect((await ok(['segmentation', 'change', 'get', changes[0].uuid])).change.unchangedRecordsCount).toBe(2)
  })

  it('downloads the selection as CSV to stdout; --url-only prints the URLs', async () => {
    const args = ['segmentation', 'segment', 'download', '--model-uuid', COMPANIES_MODEL, '--filter', bigCompanies, '--sort', '[{"columnSlug":"employee_count","kind":"asc"}]', '--limit', '2']
    const csv = await cli(args, env)
    expect(csv.code).toBe(0)
    expect(csv.stdout.trim().split('\n').map((line) => line.split(',')[0])).toEqual(['_id', 'company_1', 'company_2'])
    const urls = await ok([...args, '--url-only'])
    expect(urls.urls[0]).toMatch(new RegExp(`^${emulator.baseUrl}/`))
  })

  it('fetches records by id with their nulls', async () => {
    await ok(['storage', 'record', 'create', '--model-uuid', COMPANIES_MODEL, '--data', '{"_id":"company_9","name":"Stark"}'])
    const { records } = await ok(['segmentation', 'record', 'fetch', '--model-uuid', COMPANIES_MODEL, '--ids', 'company_9'])
    expect(records).toEqual([expect.objectContaining({ _id: 'company_9', name: 'Stark', domain: null, employee_count: null })])
  })

  it('removes the segment once (DELETE with a {} body), then reports it removed', async () => {
    expect(await ok(['segmentation', 'segment', 'remove', segmentUuid])).toEqual({})
    const again = await cli(['segmentation', 'segment', 'remove', segmentUuid], env)
    expect([again.code, again.json().reason]).toEqual([1, 'segmentAlreadyRemoved'])
    const linked = await cli(['segmentation', 'segment', 'remove', '00000000-0000-4000-8000-000000000205'], env)
    expect([linked.code, linked.json().reason]).toEqual([1, 'segmentLinkedToWorkflow'])
  })
})
