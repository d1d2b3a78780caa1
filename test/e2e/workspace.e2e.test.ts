import { truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanEnv, cli, type ServedEmulator, tempDir, useSignedInEmulator } from './cli-process.js'

/** The workspace and billing topics, from the real CLI process to a served emulator. */

const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

useSignedInEmulator((served, signedIn) => {
  emulator = served
  env = signedIn
})

/** Runs the CLI and expects success; answers the printed JSON. */
async function ok(args: string[], withEnv = env) {
  const result = await cli(args, withEnv)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return result.json()
}

describe('workspace members', () => {
  it('invites a user by email with a role slug, who then appears in the member list', async () => {
    expect(await ok(['workspaceManagement', 'user', 'create', '--user-email', 'lin@example.com', '--role-slug', 'member'])).toEqual({})
    const { users } = await ok(['workspaceManagement', 'user', 'list'])
    expect(users.find((user: { email: string }) => user.email === 'lin@example.com')).toMatchObject({ role: { slug: 'member' } })

    const again = await cli(['workspaceManagement', 'user', 'create', '--user-email', 'lin@example.com', '--role-slug', 'member'], env)
    expect(again.code).toBe(1)
    expect(again.json()).toMatchObject({ reason: 'userAlreadyInWorkspace', status: 400 })
  })
})

describe('tokens', () => {
  it('creates a token shown once, which works until it is removed, then gets 401', async () => {
    const { token } = await ok(['workspaceManagement', 'token', 'create', '--name', 'e2e'])
    expect(token.token).toMatch(/^cargo_/)
    const listed = (await ok(['workspaceManagement', 'token', 'list'])).tokens.find((item: { uuid: string }) => item.uuid === token.uuid)
    expect(listed.token).not.toBe(token.token)

    const asToken = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_BASE_URL: emulator.baseUrl, CARGO_AI_TOKEN: token.token })
    expect((await ok(['workspaceManagement', 'role', 'list'], asToken)).roles.length).toBeGreaterThan(0)

    expect(await ok(['workspaceManagement', 'token', 'remove', token.uuid])).toEqual({})
    const refused = await cli(['workspaceManagement', 'role', 'list'], asToken)
    expect(refused.code).toBe(3)
    expect(refused.json()).toEqual({ errorMessage: 'The token from CARGO_AI_TOKEN was refused: Unauthorized', status: 401 })
  })
})

describe('folders', () => {
  it('creates a folder, reads it back, and refuses a duplicate name', async () => {
    const { folder } = await ok(['workspaceManagement', 'folder', 'create', '--name', 'E2E campaigns', '--emoji-slug', 'rocket', '--kind', 'play'])
    expect(folder).toMatchObject({ name: 'E2E campaigns', kind: 'play', emojiSlug: 'rocket' })
    expect(folder.parentUuid).toBeUndefined()
    expect(await ok(['workspaceManagement', 'folder', 'get', folder.uuid])).toEqual({ folder })

    const duplicate = await cli(['workspaceManagement', 'folder', 'create', '--name', 'E2E campaigns', '--emoji-slug', 'star', '--kind', 'play'], env)
    expect(duplicate.code).toBe(1)
    expect(duplicate.json()).toEqual({ errorMessage: 'A folder with this name already exists at this place.', reason: 'duplicateName', status: 400 })
  })
})

describe('files', () => {
  it('uploads a CSV in one request, lists its columns, and runs a tool over it (batch data kind file)', async () => {
    const path = join(tempDir(), 'my-companies.csv')
    writeFileSync(path, 'company,domain,country\nAcme,acme.com,US\n')
    const upload = await ok(['workspaceManagement', 'file', 'upload', '--file', path])
    expect(upload).toEqual({ s3Filename: expect.stringMatching(/-my-companies\.csv$/), contentType: 'text/csv', name: 'my-companies.csv' })
    expect(await ok(['workspaceManagement', 'file', 'list-columns', '--s3-filename', upload.s3Filename])).toEqual({
      columns: [
        { type: 'string', name: 'company' },
        { type: 'string', name: 'domain' },
        { type: 'string', name: 'country' },
      ],
    })
    const data = JSON.stringify({ kind: 'file', s3Filename: upload.s3Filename })
    const batch = await ok(['orchestration', 'batch', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', data, '--wait-until-finished', '--polling-interval', '200'])
    expect(batch.batch).toMatchObject({ status: 'success', runsCount: 1, executedRunsCount: 1, data: { kind: 'file', s3Filename: upload.s3Filename } })
  })

  it('uploads a 50 MiB file in S3 parts through the signed URLs the emulator serves', async () => {
    const path = join(tempDir(), 'large.csv')
    writeFileSync(path, 'email,score\n')
    truncateSync(path, 50 * 1024 * 1024)
    const upload = await ok(['workspaceManagement', 'file', 'upload', '--file', path])
    expect(upload).toEqual({ s3Filename: expect.stringMatching(/-large\.csv$/), contentType: 'text/csv', name: 'large.csv' })
    const { columns } = await ok(['workspaceManagement', 'file', 'list-columns', '--s3-filename', upload.s3Filename])
    expect(columns.map((column: { name: string }) => column.name)).toEqual(['email', 'score'])
  }, 60_000)

  it('refuses a missing file with exit 2', async () => {
    const result = await cli(['workspaceManagement', 'file', 'upload', '--file', join(tempDir(), 'nope.csv')], env)
    expect(result.code).toBe(2)
    expect(result.json().errorMessage).toMatch(/^--file: no such file: /)
  })
})

describe('billing', () => {
  it('reports the credits of a finished run in the usage metrics of the day', async () => {
    const run = await ok(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"acme.com"}', '--wait-until-finished', '--polling-interval', '500'])
    expect(run.run.status).toBe('success')
    const today = new Date().toISOString().slice(0, 10)
    const { metrics } = await ok(['billing', 'usage', 'get-metrics', '--from', today, '--to', today, '--group-by', 'workflow_uuid'])
    expect(metrics).toHaveLength(1)
    expect(metrics[0].date).toBe(`${today}T00:00:00.000Z`)
    expect(metrics[0].items).toContainEqual({ slug: 'company_enrich', count: expect.any(Number), groupBy: TOOL_WORKFLOW })

    const { subscription } = await ok(['billing', 'subscription', 'get'])
    expect(subscription.subscriptionCreditsUsedCount).toBeGreaterThanOrEqual(1)

    const docsUnit = await cli(['billing', 'usage', 'get-metrics', '--from', today, '--to', today, '--unit', 'credits'], env)
    expect(docsUnit.code).toBe(2)
    expect(docsUnit.json().errorMessage).toMatch(/billing\.credits/)
  })
})
