import { once } from 'node:events'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CargoClient, MAX_ATTEMPTS, parseRetryAfter, retryDelay } from '../../src/api/client.js'
import { createRun, listRuns } from '../../src/api/endpoints/orchestration.js'
import { CONNECT_TIMEOUT_CODE } from '../../src/api/transport.js'
import { ApiError } from '../../src/api/errors.js'

const read = { idempotent: true }
const write = { idempotent: false }
const status = (code: number, retryAfterMs?: number) => Object.assign(new ApiError(code >= 500 ? 'server' : 'request', 'x', { status: code }), { retryAfterMs })
const network = (code?: string) => new ApiError('network', 'x', { code })

describe('retryDelay', () => {
  it.each([429, 502, 503, 504])('retries a read on %i', (code) => {
    expect(retryDelay(status(code), read, 1, () => 0.5)).toBe(250)
  })

  it.each([400, 401, 404, 500])('does not retry %i', (code) => {
    expect(retryDelay(status(code), read, 1)).toBeUndefined()
  })

  it('uses full jitter, doubling, capped at 20 s, and stops after the third attempt', () => {
    expect(retryDelay(status(503), read, 1, () => 0.999)).toBe(500)
    expect(retryDelay(status(503), read, 2, () => 0.999)).toBe(999)
    expect(retryDelay(status(503), read, 1, () => 0)).toBe(0)
    expect(retryDelay(status(503), { idempotent: true }, MAX_ATTEMPTS)).toBeUndefined()
  })

  it('honours Retry-After, but not beyond a minute', () => {
    expect(retryDelay(status(429, 12_000), read, 1)).toBe(12_000)
    expect(retryDelay(status(429, 120_000), read, 1)).toBeUndefined()
  })

  it('retries a write only when nothing can have reached the server', () => {
    expect(retryDelay(status(503), write, 1)).toBeUndefined()
    expect(retryDelay(network('ECONNRESET'), write, 1)).toBeUndefined()
    expect(retryDelay(network('ETIMEDOUT'), write, 1)).toBeUndefined()
    expect(retryDelay(network('ECONNREFUSED'), write, 1, () => 0.5)).toBe(250)
    // the node:http transport's own connect timeout: no connection, so nothing was sent
    expect(retryDelay(network(CONNECT_TIMEOUT_CODE), write, 1, () => 0.5)).toBe(250)
    expect(retryDelay(network('ECONNRESET'), read, 1, () => 0.5)).toBe(250)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})

describe('CargoClient retries over a real socket', () => {
  it('a connection reset is retried for a read (3 attempts), never for a create', async () => {
    let connections = 0
    const server = createServer((socket) => {
      connections++
      socket.destroy()
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const sleeps: number[] = []
    const client = new CargoClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 't',
      version: '0',
      fetch: (input, init) => fetch(input, init),
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      random: () => 0.5,
    })
    try {
      await expect(client.call(listRuns, {})).rejects.toMatchObject({ kind: 'network' })
      expect([connections, sleeps]).toEqual([3, [250, 500]])
      connections = 0
      await expect(client.call(createRun, { data: {}, workflowUuid: 'w' })).rejects.toMatchObject({ kind: 'network' })
      expect(connections).toBe(1)
    } finally {
      server.close()
    }
  })
})
