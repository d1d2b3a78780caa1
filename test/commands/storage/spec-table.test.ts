/**
 * Every command of spec/commands/storage.json against the real command classes (test/support/spec-table.ts):
 * flags and args, the exact request for a sample of every payload flag, the exact output. Then the traps
 * of the spec's notes: client-side filters, the relationship list the API wants, DELETE bodies, boolean
 * flags written with a value, and downloads to a file.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as endpoints from '../../../src/api/endpoints/storage.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'
import {
  describeSpecTable,
  endpointsOf,
  type ExpectedRequest,
  expectApiHeaders,
  expectSuccess,
  loadCommand,
  loadSpec,
  pick,
  printed,
  stubSignedUrls,
} from '../../support/spec-table.js'
import {
  companiesUuid,
  contactsUuid,
  datasetUuid,
  dealsUuid,
  fileBytes,
  fileUrls,
  jsonSampleOverrides,
  jsonSamples,
  modelEntity,
  models,
  otherDatasetUuid,
  relationshipEntity,
  relationships,
  relationshipUuid,
  resultFixtures,
} from '../../fixtures/storage.js'

describeSpecTable({
  topic: 'storage',
  endpoints,
  jsonSamples,
  jsonSampleOverrides,
  argSamples: { query: "SELECT name, domain FROM default.companies WHERE country = 'US' LIMIT 10" },
  resultFixtures,
  skip: { 'storage relationship set': 'builds the API payload from several calls: tested below' },
  fileContent: fileBytes,
})

describe('spec/commands/storage.json, in numbers', () => {
  it('lists 35 commands over the 35 storage endpoints', () => {
    expect(loadSpec('storage').commands).toHaveLength(35)
    expect(endpointsOf(endpoints)).toHaveLength(35)
  })
})

const run = async (id: string, argv: string[]) => runCommand(await loadCommand(`storage ${id}`), argv)
const get = (path: string, query = ''): ExpectedRequest => ({ method: 'GET', path, query, body: undefined })
/** What the CLI prints for an answer: nulls dropped. */
const output = (answer: unknown) => printed(stripNulls(answer))

describe('filters the API does not take are applied by the CLI (wire.md §19.10)', () => {
  it('model list --dataset-uuid keeps the models of that dataset, in the same envelope', async () => {
    stubApi('GET', '/v1/storage/models/list', { models })
    const result = await run('model list', ['--dataset-uuid', otherDatasetUuid])
    expectSuccess(result, output({ models: [models[2]] }))
    expect(requests.map(pick)).toStrictEqual([get('/v1/storage/models/list')])
  })

  it('model list takes no option in its help (UPSTREAM.md (b)): --dataset-uuid is kept hidden for older scripts', async () => {
    const Command = await loadCommand('storage model list')
    const shown = Object.entries(Command.flags as Record<string, { hidden?: boolean }>).filter(([, flag]) => !flag.hidden).map(([name]) => name)
    expect(shown.filter((name) => !['profile', 'format', 'query', 'raw', 'json'].includes(name))).toEqual([])
    expect(Command.flags['dataset-uuid']).toMatchObject({ hidden: true })
  })

  it('relationship list --model-uuid keeps the relationships from or to that model', async () => {
    stubApi('GET', '/v1/storage/relationships/list', { relationships })
    const result = await run('relationship list', ['--model-uuid', contactsUuid])
    expect(result.json().relationships.map((item: { uuid: string }) => item.uuid)).toEqual([relationships[0].uuid, relationships[1].uuid])
    expect(requests.map(pick)).toStrictEqual([get('/v1/storage/relationships/list')])
  })
})

describe('relationship set builds {datasetUuid, relationships} (wire.md §19.10)', () => {
  const nulls = { fromPropertySlug: null, toPropertySlug: null, fromSelectedColumnSlugs: null }
  const contacts = modelEntity(contactsUuid, 'contacts', datasetUuid, ['_id', 'email', 'company_id'])
  const companies = modelEntity(companiesUuid, 'companies', datasetUuid, ['_id', 'name'])
  const post = (body: unknown): ExpectedRequest => ({ method: 'POST', path: '/v1/storage/relationships', query: '', body })
  const answer = { relationships: [relationshipEntity(relationshipUuid, contactsUuid, companiesUuid)] }

  function stubModels() {
    stubApi('GET', `/v1/storage/models/${contactsUuid}`, { model: contacts })
    stubApi('GET', `/v1/storage/models/${companiesUuid}`, { model: companies })
  }

  it('from the two documented flags: the dataset and join columns come from the models, the other links are kept', async () => {
    stubModels()
    const existing = [
      relationshipEntity(relationshipUuid, contactsUuid, companiesUuid),
      relationshipEntity('a11a11a1-2222-4333-8444-555555555509', dealsUuid, companiesUuid),
      relationshipEntity('a11a11a1-2222-4333-8444-555555555510', dealsUuid, contactsUuid, otherDatasetUuid),
    ]
    stubApi('GET', '/v1/storage/relationships/list', { relationships: existing })
    stubApi('POST', '/v1/storage/relationships', answer)

    const result = await run('relationship set', ['--from-model-uuid', contactsUuid, '--to-model-uuid', companiesUuid])

    expectSuccess(result, output(answer))
    const kept = { uuid: existing[1].uuid, fromModelUuid: dealsUuid, fromColumnSlug: 'company_id', toModelUuid: companiesUuid, toColumnSlug: '_id', relation: 'manyToOne', ...nulls, toSelectedColumnSlugs: ['name'] }
    const link = { uuid: relationshipUuid, fromModelUuid: contactsUuid, fromColumnSlug: 'company_id', toModelUuid: companiesUuid, toColumnSlug: '_id', relation: 'manyToOne', ...nulls, toSelectedColumnSlugs: null }
    expect(requests.map(pick)).toStrictEqual([
      get(`/v1/storage/models/${contactsUuid}`),
      get(`/v1/storage/models/${companiesUuid}`),
      get('/v1/storage/relationships/list'),
      post({ datasetUuid, relationships: [kept, link] }),
    ])
    for (const request of requests) expectApiHeaders(request)
  })

  it('from every single-relationship flag', async () => {
    stubModels()
    stubApi('GET', '/v1/storage/relationships/list', { relationships: [] })
    stubApi('POST', '/v1/storage/relationships', answer)
    const argv = ['--from-model-uuid', contactsUuid, '--to-model-uuid', companiesUuid, '--from-column-slug', 'email', '--to-column-slug', 'name', '--relation', 'oneToOne']
    const extra = ['--from-property-slug', 'a', '--to-property-slug', 'b', '--from-selected-column-slugs', 'email,company_id', '--to-selected-column-slugs', 'name', '--dataset-uuid', otherDatasetUuid]

    expect((await run('relationship set', [...argv, ...extra])).exitCode).toBe(0)

    const link = { fromModelUuid: contactsUuid, fromColumnSlug: 'email', toModelUuid: companiesUuid, toColumnSlug: 'name', relation: 'oneToOne', fromPropertySlug: 'a', toPropertySlug: 'b', fromSelectedColumnSlugs: ['email', 'company_id'], toSelectedColumnSlugs: ['name'] }
    expect(requests.at(-1)!.body).toStrictEqual({ datasetUuid: otherDatasetUuid, relationships: [link] })
  })

  it('--relationships is sent as given (nulls filled in), after reading the dataset of the first link when none is given', async () => {
    stubApi('GET', `/v1/storage/models/${contactsUuid}`, { model: contacts })
    stubApi('POST', '/v1/storage/relationships', answer)
    const list = [{ fromModelUuid: contactsUuid, fromColumnSlug: 'company_id', toModelUuid: companiesUuid, toColumnSlug: '_id', relation: 'manyToOne', toSelectedColumnSlugs: ['name'] }]

    const result = await run('relationship set', ['--relationships', JSON.stringify(list)])

    expectSuccess(result, output(answer))
    expect(requests.map(pick)).toStrictEqual([get(`/v1/storage/models/${contactsUuid}`), post({ datasetUuid, relationships: [{ ...list[0], ...nulls }] })])
  })

  it('--relationships [] with --dataset-uuid clears the dataset in one call', async () => {
    stubApi('POST', '/v1/storage/relationships', { relationships: [] })
    expectSuccess(await run('relationship set', ['--relationships', '[]', '--dataset-uuid', datasetUuid]), printed({ relationships: [] }))
    expect(requests.map(pick)).toStrictEqual([post({ datasetUuid, relationships: [] })])
  })

  it.each([
    { name: 'no model', argv: ['--to-model-uuid', companiesUuid], message: /--from-model-uuid and --to-model-uuid, or the whole list with --relationships/ },
    { name: 'both forms', argv: ['--relationships', '[]', '--from-model-uuid', contactsUuid], message: /^--relationships cannot also be provided when using --from-model-uuid$/ },
    { name: 'an empty list without dataset', argv: ['--relationships', '[]'], message: /--dataset-uuid/ },
  ])('refuses $name before any request (exit 2)', async ({ argv, message }) => {
    const result = await run('relationship set', argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(message)
    expect(requests).toEqual([])
  })

  it('asks for --from-column-slug when no column of the from-model holds the key', async () => {
    stubApi('GET', `/v1/storage/models/${companiesUuid}`, { model: companies })
    stubApi('GET', `/v1/storage/models/${dealsUuid}`, { model: modelEntity(dealsUuid, 'deals', datasetUuid, ['_id', 'amount']) })
    const result = await run('relationship set', ['--from-model-uuid', dealsUuid, '--to-model-uuid', companiesUuid])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toBe('--from-column-slug: say which column of Deals holds the Companies key (columns: _id, amount, arr)')
    expect(requests.every((request) => request.method === 'GET')).toBe(true)
  })
})

describe('DELETE calls carry a JSON body (wire.md §2)', () => {
  it.each([
    { id: 'column remove', argv: ['--model-uuid', companiesUuid, '--column-slug', 'arr'], path: '/v1/storage/columns', body: { modelUuid: companiesUuid, columnSlug: 'arr' } },
    { id: 'record remove', argv: ['--model-uuid', companiesUuid, '--id', 'company_1'], path: '/v1/storage/records/remove', body: { modelUuid: companiesUuid, id: 'company_1' } },
    { id: 'record remove-bulk', argv: ['--model-uuid', companiesUuid, '--ids', 'company_1,company_2'], path: '/v1/storage/records/removeBulk', body: { modelUuid: companiesUuid, ids: ['company_1', 'company_2'] } },
    { id: 'model remove', argv: [companiesUuid], path: `/v1/storage/models/${companiesUuid}`, body: {} },
  ])('$id sends $body', async ({ id, argv, path, body }) => {
    stubApi('DELETE', path, undefined)
    expectSuccess(await run(id, argv), '{}\n')
    expect(requests.map(pick)).toStrictEqual([{ method: 'DELETE', path, query: '', body }])
    expect(requests[0].headers['content-type']).toBe('application/json')
  })
})

describe('boolean flags written with a value', () => {
  it.each([
    { argv: ['--is-force', 'true', '--is-reset', 'false'], body: { isForce: true, isReset: false } },
    { argv: ['--is-force=false'], body: { isForce: false } },
    { argv: ['--is-reset'], body: { isReset: true } },
  ])('run create $argv', async ({ argv, body }) => {
    stubApi('POST', '/v1/storage/runs', resultFixtures['storage.createRun'])
    expect((await run('run create', ['--model-uuid', companiesUuid, ...argv])).exitCode).toBe(0)
    expect(requests[0].body).toStrictEqual({ modelUuid: companiesUuid, ...body })
  })

  it('refuses another value (exit 2)', async () => {
    const result = await run('run create', ['--model-uuid', companiesUuid, '--is-force', 'yes'])
    expect([result.exitCode, requests.length]).toEqual([2, 0])
  })
})

describe('query download streams every signed URL', () => {
  it('into --output, in order, and prints where it went', async () => {
    stubApi('POST', '/v1/storage/query/download', resultFixtures['storage.downloadQuery'])
    stubSignedUrls(fileUrls, (url) => `${url.endsWith('0.csv') ? '_id,name\n' : ''}${url.slice(-5)}\n`)
    const target = join(mkdtempSync(join(tmpdir(), 'cargo-ai-storage-')), 'companies.csv')

    const result = await run('query download', ['--query', 'SELECT * FROM default.companies', '--output', target])

    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ output: target, files: 2 })
    expect(readFileSync(target, 'utf8')).toBe('_id,name\n0.csv\n1.csv\n')
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path: '/v1/storage/query/download', query: '', body: { query: 'SELECT * FROM default.companies' } }])
  })
})

describe('refused input never reaches the API', () => {
  it.each([
    { id: 'column create', argv: ['--model-uuid', companiesUuid, '--column', '{"slug":"x","type":"text","label":"X","kind":"custom"}'], flag: /--column\.type/ },
    { id: 'record list', argv: ['--model-uuid', companiesUuid, '--sort', '{"kind":"asc","columnSlug":"name"}'], flag: /--sort\.columnSlug/ },
    { id: 'column reorder', argv: ['--model-uuid', companiesUuid, '--column-slug', 'x', '--to-index', '1.5'], flag: /--to-index/ },
  ])('$id: $flag', async ({ id, argv, flag }) => {
    const result = await run(id, argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(flag)
    expect(requests).toEqual([])
  })
})
