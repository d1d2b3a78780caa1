import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getRun } from '../../src/api/endpoints/orchestration.js'
import { SEED, type EmulatorServer, startEmulatorServer } from '../../src/emulator/index.js'
import { expectFaithful, tempDir } from './harness.js'

describe('the emulator over HTTP', () => {
  const dir = tempDir()
  let server: EmulatorServer
  beforeAll(async () => {
    server = await startEmulatorServer({ dbPath: join(dir.path, 'server.db'), port: 0, speed: Number.POSITIVE_INFINITY })
  })
  afterAll(async () => {
    await server.close()
    dir.remove()
  })

  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${SEED.token}`, 'selected-workspace-uuid': SEED.workspaceUuid, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it('serves sign-in, runs, deletes with a body and downloads on a free port', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const me = await send('GET', '/userManagement/users/current')
    expect(me.status).toBe(200)
    expect(me.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect((await me.json()).user.uuid).toBe(SEED.userUuid)

    const created = await send('POST', '/orchestration/runs', { workflowUuid: SEED.tool.workflowUuid, data: { domain: 'acme.com' } })
    const { run } = await created.json()
    const got = await (await send('GET', `/orchestration/runs/${run.uuid}`)).json()
    expectFaithful(getRun, got)
    expect(got.run.status).toBe('success')

    const download = await (await send('POST', '/orchestration/runs/download', { workflowUuid: SEED.tool.workflowUuid })).json()
    expect(download.url.startsWith(`${server.url}/__emulator/files/`)).toBe(true)
    const file = await fetch(download.url)
    expect(JSON.parse((await file.text()).trim()).uuid).toBe(run.uuid)

    expect((await send('DELETE', `/orchestration/plays/${SEED.play.uuid}`, {})).status).toBe(200)
    expect((await send('GET', `/orchestration/plays/${SEED.play.uuid}`)).status).toBe(404)
    expect((await fetch(`${server.url}/v1/orchestration/tools/list`)).status).toBe(401)
  })
})
