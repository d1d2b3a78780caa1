import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../support/run-command.js'
import { cleanEnv, cli, tempDir } from './cli-process.js'

/** The CLI over TLS, as against the real API: a certificate trusted through NODE_EXTRA_CA_CERTS, and one that is not. */
const tls = join(projectRoot, 'test', 'fixtures', 'tls')
let server: Server
let baseUrl: string
const seen: Array<{ method?: string; url?: string; authorization?: string; agent?: string }> = []

beforeAll(async () => {
  server = createServer({ key: readFileSync(join(tls, 'localhost.key')), cert: readFileSync(join(tls, 'localhost.crt')) }, (request, response) => {
    seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, agent: request.headers['user-agent'] })
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ workflows: [{ uuid: 'w-1' }] }))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('https', () => {
  it('talks to a server whose certificate is trusted', async () => {
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_BASE_URL: baseUrl, CARGO_AI_TOKEN: 'tls-token', NODE_EXTRA_CA_CERTS: join(tls, 'localhost.crt') })
    const result = await cli(['orchestration', 'workflow', 'list'], env)
    expect([result.code, result.json()]).toEqual([0, { workflows: [{ uuid: 'w-1' }] }])
    expect(seen.slice(-1)).toEqual([{ method: 'GET', url: '/v1/orchestration/workflows/list', authorization: 'Bearer tls-token', agent: 'node' }])
  })

  it('refuses a certificate it does not trust: exit 4 and the TLS error', async () => {
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_BASE_URL: baseUrl, CARGO_AI_TOKEN: 'tls-token' })
    const result = await cli(['orchestration', 'workflow', 'list'], env)
    expect(result.code).toBe(4)
    expect(result.json().errorMessage).toBe(`Network error: could not reach ${baseUrl.replace('https://', '')} (DEPTH_ZERO_SELF_SIGNED_CERT)`)
  })
})
