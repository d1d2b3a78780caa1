import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, type ServedEmulator, tempDir, useSignedInEmulator } from './cli-process.js'

/** Connectors, integrations and the system of record: the real CLI process against a served emulator. */

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

useSignedInEmulator((served, signedIn) => {
  emulator = served
  env = signedIn
})

const companiesSql = 'SELECT name, domain FROM datasets_default.models_companies ORDER BY name LIMIT 2'

describe('connection', () => {
  it('creates a connector for a seeded integration, on credits, with its own dataset', async () => {
    const created = await cli(['connection', 'connector', 'create', '--integration-slug', 'hunter', '--slug', 'hunter_e2e', '--name', 'Hunter (e2e)'], env)
    expect(created.code).toBe(0)
    const { connector, dataset } = created.json()
    expect(connector).toMatchObject({ slug: 'hunter_e2e', integrationSlug: 'hunter', useCredits: true, isDefault: true })
    // nulls are dropped from the output
    expect(connector).not.toHaveProperty('config')
    expect(dataset).toMatchObject({ kind: 'connector', connectorUuid: connector.uuid })

    const listed = await cli(['connection', 'connector', 'list', '--integration-slug', 'hunter'], env)
    expect(listed.json().connectors.map((item: { uuid: string }) => item.uuid)).toEqual([connector.uuid])
  })

  it('lists integrations with boolean filters written with a value, as the docs do', async () => {
    const withActions = await cli(['connection', 'integration', 'list', '--has-actions', 'true', '--query', 'integrations[].slug'], env)
    expect([withActions.code, withActions.json()]).toEqual([0, ['clearbit', 'hunter', 'hubspot']])
    const without = await cli(['connection', 'integration', 'list', '--has-actions', 'false'], env)
    expect(without.json().integrations.map((item: { slug: string }) => item.slug)).toEqual(['openai'])
  })

  it('prints an integration documentation as plain text', async () => {
    const doc = await cli(['connection', 'integration', 'get-documentation', 'clearbit'], env)
    expect(doc.code).toBe(0)
    expect(doc.stdout).toMatch(/^# Clearbit\n/)
    expect(doc.stdout).toContain('### Enrich company (`company_enrich`)')
    expect(doc.stdout.endsWith('\n')).toBe(true)
    expect(doc.stderr).toBe('')
  })
})

describe('system of record', () => {
  it('queries the seeded warehouse with the SQL of the docs, and logs the query', async () => {
    const result = await cli(['system-of-record', 'client', 'query', companiesSql], env)
    expect(result.code).toBe(0)
    expect(result.json()).toEqual({ outcome: 'queried', rows: [{ name: 'Acme', domain: 'acme.com' }, { name: 'Globex', domain: 'globex.com' }] })

    const logs = await cli(['system-of-record', 'log', 'list', '--limit', '1'], env)
    expect(logs.json().logs[0]).toMatchObject({ query: companiesSql, status: 'success' })
  })

  it('prints a refused query as the API answered it (outcome notQueried, exit 0)', async () => {
    const result = await cli(['system-of-record', 'client', 'query', 'SELECT * FROM nowhere'], env)
    expect(result.code).toBe(0)
    expect(result.json()).toEqual({ outcome: 'notQueried', errorMessage: expect.stringMatching(/no such table/) })
  })

  it('prints the client documentation as text, its links made absolute on the emulator', async () => {
    const doc = await cli(['system-of-record', 'client', 'get-documentation', 'snowflake'], env)
    expect(doc.code).toBe(0)
    expect(doc.stdout).toMatch(/^# Snowflake\n/)
    expect(doc.stdout).toContain(`(${emulator.baseUrl}/v1/systemOfRecordIntegration/clients/snowflake/documentation/setup.sql)`)
    expect(doc.stdout).not.toContain('](./')
  })

  it('fetches a page and downloads the whole result through --query (the SQL, not a JMESPath)', async () => {
    const page = await cli(['system-of-record', 'client', 'fetch', '--query', 'SELECT name FROM datasets_default.models_companies ORDER BY name', '--limit', '2', '--offset', '1'], env)
    expect(page.json()).toEqual({ outcome: 'fetched', records: [{ name: 'Globex' }, { name: 'Hooli' }], count: 5 })
    const target = join(tempDir(), 'companies.csv')
    const saved = await cli(['system-of-record', 'client', 'download', '--query', companiesSql, '--output', target], env)
    expect(saved.json()).toMatchObject({ output: target, files: 1 })
    expect(readFileSync(target, 'utf8')).toBe('name,domain\nAcme,acme.com\nGlobex,globex.com\n')
  })
})
