/**
 * Every command of spec/commands/system-of-record.json against the real command classes
 * (test/support/spec-table.ts), then the traps of the spec notes by hand: the documentation's link
 * rewrite, the two shapes of a query answer, downloads.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as endpoints from '../../../src/api/endpoints/system-of-record.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, signedInEnv, TEST_BASE_URL } from '../../support/run-command.js'
import {
  describeSpecTable,
  endpointsOf,
  expectApiHeaders,
  expectSuccess,
  loadCommand,
  loadSpec,
  pick,
  printed,
  stubSignedUrls,
} from '../../support/spec-table.js'
import { clientDocumentation, exportUrls, jsonSamples, queryRows, resultFixtures, rewrittenDocumentation, sampleSql } from '../../fixtures/system-of-record.js'

const exportContent = (url: string) => `name,domain\n${url.endsWith('000.csv') ? 'Acme,acme.com' : 'Globex,globex.com'}\n`

describeSpecTable({
  topic: 'system-of-record',
  endpoints,
  jsonSamples,
  argSamples: { query: sampleSql, slug: 'snowflake' },
  resultFixtures,
  textOutputs: { 'system-of-record client get-documentation': rewrittenDocumentation(TEST_BASE_URL) },
  fileContent: exportContent,
})

describe('spec/commands/system-of-record.json, in numbers', () => {
  it('lists 14 commands over 14 endpoints', () => {
    expect(loadSpec('system-of-record').commands).toHaveLength(14)
    expect(endpointsOf(endpoints)).toHaveLength(14)
  })
})

const run = async (id: string, argv: string[], env?: NodeJS.ProcessEnv) => runCommand(await loadCommand(id), argv, { env })

describe('client get-documentation: plain text with absolute links (wire.md §5)', () => {
  const path = '/v1/systemOfRecordIntegration/clients/snowflake/documentation'
  const textResponse = (text: string) => () => new Response(text, { headers: { 'content-type': 'text/markdown; charset=utf-8' } })

  it.each([
    { base: 'https://api.cargo.test', links: 'https://api.cargo.test' },
    { base: 'https://api.cargo.test/', links: 'https://api.cargo.test' },
  ])('links point at the session base URL ($base) plus /v1/…/documentation/', async ({ base, links }) => {
    stubApi('GET', path, textResponse(clientDocumentation))
    const result = await run('system-of-record client get-documentation', ['snowflake'], signedInEnv({ CARGO_AI_BASE_URL: base }))
    expectSuccess(result, rewrittenDocumentation(links))
    expect(result.stdout).not.toContain('](./')
    expect(requests.map(pick)).toStrictEqual([{ method: 'GET', path, query: '', body: undefined }])
    expectApiHeaders(requests[0])
  })

  it('follows another base URL, such as an emulator', async () => {
    const base = 'http://127.0.0.1:4010'
    stubApi(`GET`, `${base}${path}`, textResponse(clientDocumentation))
    const result = await run('system-of-record client get-documentation', ['snowflake'], signedInEnv({ CARGO_AI_BASE_URL: base }))
    expectSuccess(result, rewrittenDocumentation(base))
  })

  it('replaces every "./", as the official client does, and leaves text without one alone', async () => {
    stubApi('GET', path, textResponse('See ./a and ../b.\n'))
    const prefix = `${TEST_BASE_URL}/v1/systemOfRecordIntegration/clients/snowflake/documentation/`
    expectSuccess(await run('system-of-record client get-documentation', ['snowflake']), `See ${prefix}a and .${prefix}b.\n`)
    stubApi('GET', '/v1/systemOfRecordIntegration/clients/bigQuery/documentation', textResponse('# BigQuery\n\nNo links.\n'))
    expectSuccess(await run('system-of-record client get-documentation', ['bigQuery']), '# BigQuery\n\nNo links.\n')
  })
})

describe('client query and fetch print the answer as it came (wire.md §19.1)', () => {
  const queryPath = '/v1/systemOfRecordIntegration/clients/query'

  it.each([
    { shape: 'the docs: {outcome: "queried", rows}', answer: { outcome: 'queried', rows: queryRows } },
    { shape: 'the api package: {rows}', answer: { rows: queryRows } },
    { shape: 'a refused query: {outcome: "notQueried", errorMessage}', answer: { outcome: 'notQueried', errorMessage: 'Syntax error at [1:8]' } },
  ])('$shape (exit 0)', async ({ answer }) => {
    stubApi('POST', queryPath, answer)
    const result = await run('system-of-record client query', [sampleSql])
    expectSuccess(result, printed(stripNulls(answer)))
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path: queryPath, query: '', body: { query: sampleSql } }])
  })

  it('fetch sends the SQL from --query with the page', async () => {
    const path = '/v1/systemOfRecordIntegration/clients/fetch'
    const answer = { outcome: 'fetched', records: queryRows, count: 2 }
    stubApi('POST', path, answer)
    const result = await run('system-of-record client fetch', ['--query', sampleSql, '--limit', '100', '--offset', '0'])
    expectSuccess(result, printed(stripNulls(answer)))
    expect(requests.map((request) => request.body)).toStrictEqual([{ query: sampleSql, limit: 100, offset: 0 }])
  })

  it('query without its SQL argument is refused (exit 2, nothing sent)', async () => {
    const result = await run('system-of-record client query', [])
    expect(result.exitCode).toBe(2)
    expect(requests).toHaveLength(0)
  })
})

describe('client download', () => {
  const path = '/v1/systemOfRecordIntegration/clients/download'

  it('writes every exported part, in order, to --output and prints a summary', async () => {
    stubApi('POST', path, { urls: exportUrls })
    const seen = stubSignedUrls(exportUrls, exportContent, 'text/csv')
    const output = join(mkdtempSync(join(tmpdir(), 'cargo-ai-sor-')), 'companies.csv')
    const result = await run('system-of-record client download', ['--query', sampleSql, '--output', output])
    expect(result.exitCode).toBe(0)
    expect(readFileSync(output, 'utf8')).toBe(exportUrls.map(exportContent).join(''))
    expect(result.json()).toMatchObject({ output, files: 2, bytes: Buffer.byteLength(exportUrls.map(exportContent).join('')) })
    expect(seen.map((request) => request.headers.authorization)).toEqual([undefined, undefined])
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path, query: '', body: { query: sampleSql } }])
  })
})

describe('log list and get-metrics', () => {
  it('log list writes the statuses in bracket form', async () => {
    const path = '/v1/systemOfRecordIntegration/logs/list'
    stubApi('GET', path, resultFixtures['systemOfRecordIntegration.listLogs'])
    const result = await run('system-of-record log list', ['--statuses', 'error', '--query', 'models_companies', '--limit', '5'])
    expect(result.exitCode).toBe(0)
    expect(requests.map(pick)).toStrictEqual([{ method: 'GET', path, query: 'statuses%5B%5D=error&query=models_companies&limit=5', body: undefined }])
  })

  it.each([
    { argv: ['--statuses', 'running'], problem: /--statuses/ },
    { argv: ['--limit', '-1'], problem: /--limit/ },
  ])('log list refuses $argv (exit 2)', async ({ argv, problem }) => {
    const result = await run('system-of-record log list', argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(problem)
    expect(requests).toHaveLength(0)
  })

  it('get-metrics sends the dates unchanged and refuses a date that is not ISO', async () => {
    const path = '/v1/systemOfRecordIntegration/logs/metrics'
    stubApi('GET', path, resultFixtures['systemOfRecordIntegration.getLogsMetrics'])
    expect((await run('system-of-record log get-metrics', ['--from', '2025-01-01', '--to', '2025-01-31T23:59:59Z'])).exitCode).toBe(0)
    expect(requests.map((request) => request.query)).toEqual(['from=2025-01-01&to=2025-01-31T23:59:59Z'])
    const bad = await run('system-of-record log get-metrics', ['--from', '01/01/2025', '--to', '2025-01-31'])
    expect(bad.exitCode).toBe(2)
    expect(bad.json().errorMessage).toMatch(/--from/)
    expect(requests).toHaveLength(1)
  })
})

describe('systems of record', () => {
  it('sor create refuses a kind that is not a warehouse client (exit 2)', async () => {
    const result = await run('system-of-record sor create', ['--kind', 'redshift'])
    expect(result.exitCode).toBe(2)
    expect(requests).toHaveLength(0)
  })

  it("maps systemOfRecordNotFound to the spec's message (exit 1)", async () => {
    stubApi('GET', '/v1/systemOfRecordIntegration/systemOfRecords/6f1e2d3c-4b5a-4968-8776-655443322110', { reason: 'systemOfRecordNotFound' }, 404)
    const result = await run('system-of-record sor get', ['6f1e2d3c-4b5a-4968-8776-655443322110'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toMatchObject({ errorMessage: 'No system of record with this UUID exists.', reason: 'systemOfRecordNotFound' })
  })
})
