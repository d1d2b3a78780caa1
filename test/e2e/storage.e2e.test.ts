import { describe, expect, it } from 'vitest'
import { cli, type ServedEmulator, useSignedInEmulator } from './cli-process.js'

/**
 * The storage flow through the real CLI process and a served emulator: a model is created, given
 * columns and records, read back through a segment fetch with a filter and a sort, then queried in SQL.
 */

// The "default" dataset seeded by the emulator (src/emulator/seed-storage.ts)
const DEFAULT_DATASET = '00000000-0000-4000-8000-000000002001'

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

useSignedInEmulator((served, signedIn) => {
  emulator = served
  env = signedIn
})

/** Runs `cargo-ai <args>` and answers its JSON output, failing on a non-zero exit. */
async function ok(args: string[]): Promise<any> {
  const result = await cli(args, env)
  expect(result.code, `${args.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0)
  return result.json()
}

const column = (slug: string, type: string) => JSON.stringify({ slug, type, label: slug, kind: 'custom' })

describe('storage: model → columns → records → segment fetch → SQL', () => {
  let modelUuid: string

  it('creates a model in the default dataset and gives it columns', async () => {
    const { model } = await ok(['storage', 'model', 'create', '--slug', 'leads', '--name', 'Leads', '--dataset-uuid', DEFAULT_DATASET, '--extractor-slug', 'native', '--config', '{}'])
    modelUuid = model.uuid
    expect(model).toMatchObject({ slug: 'leads', datasetUuid: DEFAULT_DATASET, kind: 'native' })
    for (const [slug, type] of [['name', 'string'], ['country', 'string'], ['employees', 'number']]) {
      expect(await ok(['storage', 'column', 'create', '--model-uuid', modelUuid, '--column', column(slug, type)])).toEqual({})
    }
    expect(await ok(['storage', 'column', 'list', '--model-uuid', modelUuid])).toEqual({ columns: ['_id', 'name', 'country', 'employees'] })
  })

  it('adds records, one and in bulk', async () => {
    const { record } = await ok(['storage', 'record', 'create', '--model-uuid', modelUuid, '--data', '{"_id":"lead_1","name":"Acme","country":"US","employees":120}'])
    expect(record).toMatchObject({ _id: 'lead_1', name: 'Acme', country: 'US', employees: 120, _title: 'lead_1' })
    const bulk = JSON.stringify([
      { data: { _id: 'lead_2', name: 'Globex', country: 'US', employees: 900 } },
      { data: { _id: 'lead_3', name: 'Initech', country: 'FR', employees: 300 } },
      { data: { _id: 'lead_4', name: 'Hooli', country: 'US', employees: 45 } },
    ])
    expect((await ok(['storage', 'record', 'create-bulk', '--model-uuid', modelUuid, '--records', bulk])).records).toHaveLength(3)
  })

  it('segment fetch filters (conjonction grammar) and sorts the new records, page by page', async () => {
    const filter = JSON.stringify({
      conjonction: 'and',
      groups: [{ conjonction: 'and', conditions: [{ kind: 'string', columnSlug: 'country', operator: 'is', values: ['US'] }] }],
    })
    const sort = JSON.stringify([{ columnSlug: 'employees', kind: 'desc' }])
    const args = ['segmentation', 'segment', 'fetch', '--model-uuid', modelUuid, '--filter', filter, '--sort', sort]

    const all = await ok([...args, '--fetching-limit', '10'])
    expect(all.records.map((r: { _id: string }) => r._id)).toEqual(['lead_2', 'lead_1', 'lead_4'])
    expect(all.count).toBe(3)
    expect(all.columns).toContainEqual({ slug: 'employees', type: 'number', label: 'employees', modelUuid })

    const second = await ok([...args, '--fetching-limit', '1', '--fetching-offset', '1'])
    expect([second.records.map((r: { name: string }) => r.name), second.count]).toEqual([['Acme'], 3])
  })

  it('storage query execute runs SQL over the records, tables named <dataset>.<model>', async () => {
    const result = await ok(['storage', 'query', 'execute', "SELECT name, employees FROM default.leads WHERE country = 'US' ORDER BY employees DESC"])
    expect(result).toEqual({
      rows: [
        { name: 'Globex', employees: 900 },
        { name: 'Acme', employees: 120 },
        { name: 'Hooli', employees: 45 },
      ],
      isRefreshing: false,
    })
    const joined = await ok(['storage', 'query', 'execute', 'SELECT count() AS n FROM default.companies c JOIN default.contacts p ON p.company_id = c._id'])
    expect(joined.rows).toEqual([{ n: 3 }])
  })

  it('reports SQL errors as a refusal (exit 1) and the DDL names the table', async () => {
    const bad = await cli(['storage', 'query', 'execute', 'SELECT nothing FROM default.leads'], env)
    expect(bad.code).toBe(1)
    expect(bad.json()).toMatchObject({ status: 400, errorMessage: expect.stringMatching(/SQL error/) })
    const { ddl, language } = await ok(['storage', 'model', 'get-ddl', modelUuid])
    expect([ddl.split('\n')[0], language]).toEqual(['CREATE TABLE datasets_default.models_leads (', 'bigquery'])
  })

  it('removes records and the model with DELETE bodies', async () => {
    expect(await ok(['storage', 'record', 'remove-bulk', '--model-uuid', modelUuid, '--ids', 'lead_3,lead_4'])).toEqual({})
    expect(await ok(['storage', 'column', 'remove', '--model-uuid', modelUuid, '--column-slug', 'country'])).toEqual({})
    const { records } = await ok(['storage', 'record', 'list', '--model-uuid', modelUuid, '--sort', '{"kind":"asc","columnSlug":"_id"}'])
    expect(records).toEqual([
      expect.objectContaining({ _id: 'lead_1', name: 'Acme', employees: 120 }),
      expect.objectContaining({ _id: 'lead_2', name: 'Globex', employees: 900 }),
    ])
    expect(records[0].country).toBeUndefined()
    expect(await ok(['storage', 'model', 'remove', modelUuid])).toEqual({})
    const gone = await cli(['storage', 'model', 'get', modelUuid], env)
    expect([gone.code, gone.json().reason]).toEqual([1, 'modelNotFound'])
  })

  it('model list --dataset-uuid filters on the client side', async () => {
    const { models } = await ok(['storage', 'model', 'list', '--dataset-uuid', DEFAULT_DATASET])
    expect(models.map((m: { slug: string }) => m.slug)).toEqual(['companies', 'contacts'])
    expect((await ok(['storage', 'model', 'list', '--dataset-uuid', '00000000-0000-4000-8000-00000000dead'])).models).toEqual([])
  })
})
