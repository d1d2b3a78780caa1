import { once } from 'node:events'
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import DownloadBatch from '../../../src/commands/orchestration/batch/download.js'
import DownloadRuns from '../../../src/commands/orchestration/run/download.js'
import { server as mswServer, requests, stubApi } from '../../support/api-stub.js'
import { runCommand, signedInEnv, tempConfigDir } from '../../support/run-command.js'

const fileUrl = 'https://files.cargo.test/exports/runs.ndjson?signature=abc'
const batchUuid = 'bbbbbbbb-1111-4111-8111-111111111111'
const content = '{"uuid":"r1","recordId":"acme.com"}\n{"uuid":"r2","recordId":"globex.com"}\n'

let server: Server | undefined
afterEach(async () => {
  if (server) {
    server.closeAllConnections()
    await new Promise((resolve) => server?.close(resolve))
    server = undefined
  }
})

describe('downloads', () => {
  it('run download streams the signed URL to stdout without Cargo credentials', async () => {
    stubApi('POST', '/v1/orchestration/runs/download', { url: fileUrl })
    stubApi('GET', 'https://files.cargo.test/exports/runs.ndjson', () => new Response(content))
    const result = await runCommand(DownloadRuns, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--statuses', 'error'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe(content)
    expect(requests[1]).toMatchObject({ method: 'GET', path: '/exports/runs.ndjson', query: 'signature=abc' })
    expect(requests[1].headers.authorization).toBeUndefined()
    expect(requests[1].headers['selected-workspace-uuid']).toBeUndefined()
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/orchestration/runs/download', body: { workflowUuid: '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', statuses: ['error'] } })
  })

  it('--url-only prints the API answer instead', async () => {
    stubApi('POST', '/v1/orchestration/batches/{uuid}/download', { url: fileUrl })
    const result = await runCommand(DownloadBatch, ['--uuid', batchUuid, '--output-node-slug', 'end', '--url-only'])
    expect(result.json()).toEqual({ url: fileUrl })
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ path: `/v1/orchestration/batches/${batchUuid}/download`, body: { outputNodeSlug: 'end' } })
  })

  it('--output writes the file and prints where, leaving no partial file on failure', async () => {
    server = createServer((request, response) => {
      if (request.url === '/ok') return response.end(content)
      response.writeHead(200, { 'content-length': '1000' })
      response.write('partial')
      setTimeout(() => response.destroy(), 20)
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = tempConfigDir()
    const target = join(dir, 'runs.ndjson')

    stubApi('POST', '/v1/orchestration/runs/download', { url: `${base}/ok` })
    const ok = await runCommand(DownloadRuns, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--output', target])
    expect(ok.exitCode).toBe(0)
    expect(ok.json()).toEqual({ output: target, bytes: Buffer.byteLength(content), files: 1 })
    expect(readFileSync(target, 'utf8')).toBe(content)

    stubApi('POST', '/v1/orchestration/runs/download', { url: `${base}/broken` })
    const broken = await runCommand(DownloadRuns, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--output', join(dir, 'broken.ndjson')])
    expect(broken.exitCode).toBe(4)
    expect(broken.json()).toEqual({
      errorMessage: `Download failed after 7 bytes (the connection to ${base.slice('http://'.length)} broke (ECONNRESET)). The partial file was removed; ${join(dir, 'broken.ndjson')} was not written.`,
      reason: 'downloadIncomplete',
    })
    expect(readdirSync(dir).sort()).toEqual(['runs.ndjson'])
  })

  it('a signed URL that answers 403 has expired: exit 1, not "not signed in"', async () => {
    stubApi('POST', '/v1/orchestration/runs/download', { url: fileUrl })
    stubApi('GET', 'https://files.cargo.test/exports/runs.ndjson', { errorMessage: 'Request has expired' }, 403)
    const result = await runCommand(DownloadRuns, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({
      errorMessage: 'The storage server refused the download URL (HTTP 403): signed URLs expire after a while. Run the command again for a fresh URL.',
      reason: 'downloadUrlExpired',
      status: 403,
    })
  })

  it('memory stays flat while streaming a large body to a file', async () => {
    const total = 256 * 1024 * 1024
    const chunk = Buffer.alloc(1024 * 1024, 'x')
    // One local server answers the call and serves the body: msw's interception is switched off here,
    // as its pass-through does not stream a body this large.
    server = createServer((request, response) => {
      if (request.url?.startsWith('/v1/')) {
        response.setHeader('content-type', 'application/json')
        return response.end(JSON.stringify({ url: `http://127.0.0.1:${(server?.address() as AddressInfo).port}/big` }))
      }
      response.writeHead(200, { 'content-length': String(total) })
      let sent = 0
      const pump = () => {
        while (sent < total) {
          sent += chunk.length
          if (!response.write(chunk)) return response.once('drain', pump)
        }
        response.end()
      }
      pump()
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = tempConfigDir()
    const target = join(dir, 'big.bin')

    global.gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
    mswServer.close()
    const result = await runCommand(DownloadRuns, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--output', target], { env: signedInEnv({ CARGO_AI_BASE_URL: baseUrl }) }).finally(() =>
      mswServer.listen({ onUnhandledRequest: 'bypass' }),
    )
    clearInterval(sampler)
    expect(result.stdout).toContain('big.bin')
    expect(result.exitCode).toBe(0)
    expect(statSync(target).size).toBe(total)
    rmSync(dir, { recursive: true })
    // A buffered download would need at least the body's 256 MiB.
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024)
    expect(existsSync(target)).toBe(false)
  })
})
