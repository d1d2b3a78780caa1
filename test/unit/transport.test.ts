import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTransport, sendHttp } from '../../src/api/transport.js'
import { gzipSync } from 'node:zlib'
import { server } from '../support/api-stub.js'

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

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy']

/** Runs `body` with exactly these proxy variables in process.env (where the transport reads them), then puts back what was there. */
async function withProxyVariables<T>(variables: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) delete process.env[name]
  Object.assign(process.env, variables)
  try {
    return await body()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** A forward proxy: absolute-URI requests (plain http) are relayed to `upstreamPort`, CONNECT (https) is tunnelled to it; both are recorded. */
async function startProxy(upstreamPort: number): Promise<{ port: number; seen: string[] }> {
  const seen: string[] = []
  const proxy = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`)
    const relayed = httpRequest({ host: '127.0.0.1', port: upstreamPort, method: request.method, path: new URL(String(request.url)).pathname, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    request.pipe(relayed)
  })
  proxy.on('connect', (request, socket) => {
    seen.push(`CONNECT ${request.url}`)
    const upstream = connect(upstreamPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
  })
  return { port: await listen(proxy), seen }
}

/**
 * msw (on for every test file) relays unhandled requests through a socket of its own, which proxy agents
 * cannot take (agent-base connects asynchronously) and which reports a body cut short as its own
 * ECANCELED: off for the tests that need the real socket, which talk to real local servers anyway.
 */
function withoutMsw(): void {
  beforeAll(() => server.close())
  afterAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
}

describe('createTransport (proxies from the environment)', () => {
  withoutMsw()

  it('is sendHttp itself when no proxy variable is set', async () => {
    expect(await withProxyVariables({}, async () => createTransport())).toBe(sendHttp)
  })

  it('relays plain-http calls through HTTP_PROXY, except for NO_PROXY hosts', async () => {
    const targetPort = await listen(createServer((request, response) => response.end(JSON.stringify({ path: request.url, host: request.headers.host }))))
    const proxy = await startProxy(targetPort)
    await withProxyVariables({ HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: '127.0.0.1,.internal.test' }, async () => {
      const transport = createTransport()
      const response = await transport('http://api.behind-proxy.test/v1/orchestration/workflows/list')
      expect(await response.json()).toEqual({ path: '/v1/orchestration/workflows/list', host: 'api.behind-proxy.test' })
      expect(proxy.seen).toEqual(['GET http://api.behind-proxy.test/v1/orchestration/workflows/list'])

      const direct = await transport(`http://127.0.0.1:${targetPort}/v1/direct`)
      expect(await direct.json()).toEqual({ path: '/v1/direct', host: `127.0.0.1:${targetPort}` })
      // a NO_PROXY domain suffix: not resolvable, so it fails without reaching the proxy
      const suffix = await transport('http://api.internal.test/v1/x').catch((error: unknown) => error)
      expect((suffix as { cause?: { code?: string } }).cause?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/)
      expect(proxy.seen).toHaveLength(1)
    })
  })

  it('tunnels https calls through HTTPS_PROXY with CONNECT: TLS runs end to end, the proxy sees only the host', async () => {
    const tls = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls')
    const target = createHttpsServer({ key: readFileSync(join(tls, 'localhost.key')), cert: readFileSync(join(tls, 'localhost.crt')) }, (_request, response) => response.end('{}'))
    const proxy = await startProxy(await listen(target as unknown as Server))
    await withProxyVariables({ HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` }, async () => {
      const refused = await createTransport()('https://api.secure.test/v1/x').catch((error: unknown) => error)
      // the certificate this test server shows is self-signed: that it is refused shows the handshake went through the tunnel
      expect((refused as { cause?: { code?: string } }).cause?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
      expect(proxy.seen).toEqual(['CONNECT api.secure.test:443'])
    })
  })

  it('refuses a socks proxy instead of going around it', async () => {
    await withProxyVariables({ ALL_PROXY: 'socks5://127.0.0.1:1080' }, async () => {
      const refused = await createTransport()('http://api.behind-proxy.test/v1/x').catch((error: unknown) => error)
      expect(refused).toBeInstanceOf(TypeError)
      expect((refused as { cause?: { code?: string; message?: string } }).cause).toMatchObject({
        code: 'EPROXYSCHEME',
        message: 'the proxy socks5:// is not supported (give an http or https proxy URL)',
      })
    })
  })
})

describe('sendHttp (the transport of plain calls)', () => {
  it('sends what fetch sends unasked, decodes gzip, keeps repeated headers, and gives the body as text, JSON or a stream', async () => {
    const port = await listen(
      createServer((request, response) => {
        const { accept, 'accept-language': language, 'sec-fetch-mode': mode, 'user-agent': agent, 'accept-encoding': encoding } = request.headers
        const body = gzipSync(JSON.stringify({ defaults: [accept, language, mode, agent, encoding], path: request.url }))
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json', 'x-many': ['a', 'b'] })
        response.end(body)
      }),
    )
    const response = await sendHttp(`http://127.0.0.1:${port}/v1/x?y=1`)
    expect(response.ok).toBe(true)
    expect(response.headers.get('X-Many')).toBe('a, b')
    expect(response.headers.get('absent')).toBeNull()
    // the headers Node's fetch adds unasked, as the original CLI sends them
    expect(await response.json()).toEqual({ defaults: ['*/*', '*', 'cors', 'node', 'gzip, deflate'], path: '/v1/x?y=1' })
    const again = await sendHttp(`http://127.0.0.1:${port}/s`)
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
    await sendHttp(`http://127.0.0.1:${origin}/other`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"a":1}' })
    expect(seen).toEqual([{ method: 'GET', url: '/elsewhere', authorization: undefined, body: '' }])
    const sameOrigin = await listen(
      createServer(async (request, response) => {
        if (request.url === '/same') return response.writeHead(307, { location: '/moved' }).end()
        let body = ''
        for await (const chunk of request) body += chunk
        response.end(JSON.stringify({ method: request.method, url: request.url, authorization: request.headers.authorization, body }))
      }),
    )
    const kept = await sendHttp(`http://127.0.0.1:${sameOrigin}/same`, { method: 'POST', headers: { authorization: 'Bearer t' }, body: '{"a":1}' })
    expect(await kept.json()).toEqual({ method: 'POST', url: '/moved', authorization: 'Bearer t', body: '{"a":1}' })
  })

  it('fails as fetch does: a refused connection and a cut body carry the system code in `cause`', async () => {
    const unused = createServer()
    unused.listen(0, '127.0.0.1')
    await once(unused, 'listening')
    const closed = (unused.address() as AddressInfo).port
    await new Promise((resolve) => unused.close(resolve))
    const refused = await sendHttp(`http://127.0.0.1:${closed}/`).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TypeError)
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')

    const port = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-length': '1000' })
        response.write('{"partial":')
        setTimeout(() => response.socket?.destroy(), 20)
      }),
    )
    const response = await sendHttp(`http://127.0.0.1:${port}/`)
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
    await expect(sendHttp(`http://127.0.0.1:${port}/slow-headers`, { signal: before.signal })).rejects.toMatchObject({ name: 'AbortError' })
    const after = new AbortController()
    const response = await sendHttp(`http://127.0.0.1:${port}/slow-body`, { signal: after.signal })
    setTimeout(() => after.abort(), 20)
    await expect(response.text()).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('gives no body for HEAD and 204', async () => {
    const port = await listen(createServer((request, response) => response.writeHead(request.method === 'HEAD' ? 200 : 204).end()))
    expect(await (await sendHttp(`http://127.0.0.1:${port}/`, { method: 'HEAD' })).text()).toBe('')
    const empty = await sendHttp(`http://127.0.0.1:${port}/`, { method: 'DELETE' })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
  })
})

describe('sendHttp bodies', () => {
  withoutMsw()

  /** A server that answers what it received: method, the framing headers, and the body as text. */
  async function echoServer(): Promise<number> {
    return listen(
      createServer(async (request, response) => {
        const chunks: Buffer[] = []
        try {
          for await (const chunk of request) chunks.push(chunk as Buffer)
        } catch {
          return // the client gave up on this request
        }
        const { 'content-length': length, 'transfer-encoding': encoding, 'content-type': type } = request.headers
        response.end(JSON.stringify({ method: request.method, length, encoding, type, body: Buffer.concat(chunks).toString('latin1') }))
      }),
    )
  }

  it('sends a streamed body as it is read, with the content-length it is given (storage refuses chunked parts)', async () => {
    const port = await echoServer()
    const source = Readable.from([Buffer.from('part '), Buffer.from('one'), Buffer.from(' bytes')])
    const response = await sendHttp(`http://127.0.0.1:${port}/part/1`, { method: 'PUT', body: Readable.toWeb(source) as ReadableStream<Uint8Array>, bodyLength: 14 })
    expect(await response.json()).toEqual({ method: 'PUT', length: '14', body: 'part one bytes' })
    // a stream that ends before its stated length fails instead of leaving the server waiting
    const short = await sendHttp(`http://127.0.0.1:${port}/`, { method: 'PUT', body: Readable.toWeb(Readable.from([Buffer.from('abc')])) as ReadableStream<Uint8Array>, bodyLength: 4 }).catch(
      (error: unknown) => error,
    )
    expect((short as { cause?: { code?: string; message?: string } }).cause).toMatchObject({ code: 'EBODYLENGTH', message: 'the body was 3 bytes where 4 were announced' })
    // without a length, the stream goes chunked
    const chunked = await sendHttp(`http://127.0.0.1:${port}/`, { method: 'PUT', body: Readable.toWeb(Readable.from([Buffer.from('x')])) as ReadableStream<Uint8Array> })
    expect(await chunked.json()).toEqual({ method: 'PUT', encoding: 'chunked', body: 'x' })
  })

  it('sends bytes with their length, and a FormData encoded by the platform (boundary in the content-type), streamed', async () => {
    const port = await echoServer()
    const bytes = await sendHttp(`http://127.0.0.1:${port}/`, { method: 'POST', body: new Uint8Array([104, 105]) })
    expect(await bytes.json()).toEqual({ method: 'POST', length: '2', body: 'hi' })

    const form = new FormData()
    form.append('file', new Blob(['a,b\n1,2\n'], { type: 'text/csv' }), 'small.csv')
    form.append('folderUuid', 'f-1')
    const answer = (await (await sendHttp(`http://127.0.0.1:${port}/upload`, { method: 'POST', body: form })).json()) as Record<string, string>
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(answer.type)?.[1]
    expect(boundary).toBeDefined()
    expect([answer.encoding, answer.body]).toEqual([
      'chunked',
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="small.csv"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="folderUuid"\r\n\r\nf-1\r\n--${boundary}--\r\n`,
    ])
  })

  it('does not follow a 307 with a streamed body (it cannot be read twice); a 303 becomes a GET without it', async () => {
    const port = await listen(
      createServer(async (request, response) => {
        for await (const _chunk of request);
        if (request.url === '/temporary') return response.writeHead(307, { location: '/elsewhere' }).end()
        if (request.url === '/see-other') return response.writeHead(303, { location: '/result' }).end()
        response.end(JSON.stringify({ method: request.method, url: request.url }))
      }),
    )
    const stream = () => Readable.toWeb(Readable.from([Buffer.from('abc')])) as ReadableStream<Uint8Array>
    const refused = await sendHttp(`http://127.0.0.1:${port}/temporary`, { method: 'PUT', body: stream(), bodyLength: 3 }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TypeError)
    expect((refused as { cause?: { code?: string; message?: string } }).cause).toMatchObject({
      code: 'EREDIRECT',
      message: 'a streamed body cannot be sent again to follow a redirect',
    })
    const followed = await sendHttp(`http://127.0.0.1:${port}/see-other`, { method: 'PUT', body: stream(), bodyLength: 3 })
    expect(await followed.json()).toEqual({ method: 'GET', url: '/result' })
  })
})

describe('sendHttp over TLS (the real API is https)', () => {
  it('refuses a certificate it does not trust, with the TLS code in `cause` (trusted: test/e2e/https.e2e.test.ts)', async () => {
    const tls = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls')
    const server = createHttpsServer({ key: readFileSync(join(tls, 'localhost.key')), cert: readFileSync(join(tls, 'localhost.crt')) }, (_request, response) => response.end('{}'))
    const port = await listen(server as unknown as Server)
    const untrusted = await sendHttp(`https://127.0.0.1:${port}/v1/x`).catch((error: unknown) => error)
    expect(untrusted).toBeInstanceOf(TypeError)
    expect((untrusted as { cause?: { code?: string } }).cause?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
  })
})
