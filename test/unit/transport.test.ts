import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createTransport } from '../../src/api/transport.js'

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
