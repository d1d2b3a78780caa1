import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeHttpFetch } from '../../src/api/http-transport.js'
import { createTransport } from '../../src/api/transport.js'
import { gzipSync } from 'node:zlib'

const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function listen(server: Server): Promise<number> {
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as AddressInfo).port
}

describe('createTransport', () => {
  it('tunnels through HTTPS_PROXY/HTTP_PROXY (CONNECT), except for NO_PROXY hosts', async () => {
    const targetPort = await listen(createServer((request, response) => response.end(JSON.stringify({ path: request.url, host: request.headers.host }))))
    const tunnels: string[] = []
    const proxy = createServer()
    proxy.on('connect', (request, socket) => {
      tunnels.push(String(request.url))
      const upstream = connect(targetPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
    })
    const proxyPort = await listen(proxy)

    const transport = createTransport({ HTTP_PROXY: `http://127.0.0.1:${proxyPort}`, NO_PROXY: '127.0.0.1' })
    const response = await transport('http://api.behind-proxy.test/v1/orchestration/workflows/list')
    expect(await response.json()).toEqual({ path: '/v1/orchestration/workflows/list', host: 'api.behind-proxy.test' })
    expect(tunnels).toEqual(['api.behind-proxy.test:80'])

    const direct = await transport(`http://127.0.0.1:${targetPort}/v1/direct`)
    expect(await direct.json()).toMatchObject({ path: '/v1/direct' })
    expect(tunnels).toHaveLength(1)
  })
})

describe('nodeHttpFetch (the transport of plain calls)', () => {
  it('sends what fetch sends unasked, decodes gzip, keeps repeated headers, and gives the body as text, JSON or a stream', async () => {
    const port = await listen(
      createServer((request, response) => {
        const { accept, 'accept-language': language, 'sec-fetch-mode': mode, 'user-agent': agent, 'accept-encoding': encoding } = request.headers
        const body = gzipSync(JSON.stringify({ defaults: [accept, language, mode, agent, encoding], path: request.url }))
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json', 'x-many': ['a', 'b'] })
        response.end(body)
      }),
    )
    const response = await nodeHttpFetch(`http://127.0.0.1:${port}/v1/x?y=1`)
    expect(response.ok).toBe(true)
    expect(response.headers.get('X-Many')).toBe('a, b')
    expect(response.headers.get('absent')).toBeNull()
    // the headers Node's fetch adds unasked, as the original CLI sends them
    expect(await response.json()).toEqual({ defaults: ['*/*', '*', 'cors', 'node', 'gzip, deflate'], path: '/v1/x?y=1' })
    const again = await nodeHttpFetch(`http://127.0.0.1:${port}/s`)
    const chunks: Uint8Array[] = []
    for await (const chunk of again.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({ path: '/s' })
  })

  it('follows redirects as fetch does: 303 becomes a GET, another origin gets no authorization', async () => {
    const seen: Array<{ method?: string; url?: string; authorization?: string; body: string }> = []
    const target = await listen(
      createServer(async (request, response) => {
        let body = ''
        for await (const chunk of request) body += chunk
        seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body })
        response.end('{}')
      }),
    )
    const origin = await listen(
      createServer((request, response) => {
        if (request.url === '/same') return response.writeHead(307, { location: '/moved' }).end()
        response.writeHead(303, { location: `http://localhost:${target}/elsewhere` }).end()
      }),
    )
    await nodeHttpFetch(`http://127.0.0.1:${origin}/other`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"a":1}' })
    expect(seen).toEqual([{ method: 'GET', url: '/elsewhere', authorization: undefined, body: '' }])
    const sameOrigin = await listen(
      createServer(async (request, response) => {
        if (request.url === '/same') return response.writeHead(307, { location: '/moved' }).end()
        let body = ''
        for await (const chunk of request) body += chunk
        response.end(JSON.stringify({ method: request.method, url: request.url, authorization: request.headers.authorization, body }))
      }),
    )
    const kept = await nodeHttpFetch(`http://127.0.0.1:${sameOrigin}/same`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"a":1}' })
    expect(await kept.json()).toEqual({ method: 'POST', url: '/moved', authorization: 'Bearer t', body: '{"a":1}' })
  })

  it('fails as fetch does: a refused connection and a cut body carry the system code in `cause`', async () => {
    const unused = createServer()
    unused.listen(0, '127.0.0.1')
    await once(unused, 'listening')
    const closed = (unused.address() as AddressInfo).port
    await new Promise((resolve) => unused.close(resolve))
    const refused = await nodeHttpFetch(`http://127.0.0.1:${closed}/`).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TypeError)
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')

    const port = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-length': '1000' })
        response.write('{"partial":')
        setTimeout(() => response.socket?.destroy(), 20)
      }),
    )
    const response = await nodeHttpFetch(`http://127.0.0.1:${port}/`)
    const cut = await response.text().catch((error: unknown) => error)
    expect(cut).toBeInstanceOf(TypeError)
    expect((cut as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET')
  })

  it('stops on abort, before and after the headers', async () => {
    const port = await listen(
      createServer((request, response) => {
        if (request.url === '/slow-headers') return
        response.writeHead(200)
        response.write('{')
      }),
    )
    const before = new AbortController()
    setTimeout(() => before.abort(), 20)
    await expect(nodeHttpFetch(`http://127.0.0.1:${port}/slow-headers`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' })
    const after = new AbortController()
    const response = await nodeHttpFetch(`http://127.0.0.1:${port}/slow-body`, { signal: after.signal })
    setTimeout(() => after.abort(), 20)
    await expect(response.text()).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('gives no body for HEAD and 204', async () => {
    const port = await listen(createServer((request, response) => response.writeHead(request.method === 'HEAD' ? 200 : 204).end()))
    expect(await (await nodeHttpFetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' })).text()).toBe('')
    const empty = await nodeHttpFetch(`http://127.0.0.1:${port}/`, { method: 'DELETE' })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
  })
})

describe('nodeHttpFetch over TLS (the real API is https)', () => {
  it('refuses a certificate it does not trust, with the TLS code in `cause` (trusted: test/e2e/https.e2e.test.ts)', async () => {
    const tls = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls')
    const server = createHttpsServer({ key: readFileSync(join(tls, 'localhost.key')), cert: readFileSync(join(tls, 'localhost.crt')) }, (_request, response) => response.end('{}'))
    const port = await listen(server as unknown as Server)
    const untrusted = await nodeHttpFetch(`https://127.0.0.1:${port}/v1/x`).catch((error: unknown) => error)
    expect(untrusted).toBeInstanceOf(TypeError)
    expect((untrusted as { cause?: { code?: string } }).cause?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
  })
})
