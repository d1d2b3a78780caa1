import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator.js'

/** The emulator over HTTP: node:http in front of the same `handle()` the in-process fetch uses. */

export interface EmulatorServerOptions extends Omit<EmulatorOptions, 'publicUrl'> {
  /** default 127.0.0.1 */
  host?: string
  /** default 0: a free port */
  port?: number
}

export interface EmulatorServer {
  /** origin to use as CARGO_AI_BASE_URL, e.g. http://127.0.0.1:4010 (no /v1) */
  url: string
  close(): Promise<void>
  emulator: Emulator
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length'])

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function toWebRequest(request: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || hopByHop.has(name)) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const method = request.method ?? 'GET'
  const hasBody = body.length > 0 && method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(request.url ?? '/', origin), { method, headers, body: hasBody ? new Uint8Array(body) : undefined })
}

async function send(response: Response, target: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  target.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': String(body.length) })
  target.end(body)
}

function formatOrigin(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const emulator = createEmulator(options)
  const server = createServer((request, response) => {
    // the Host header keeps download URLs reachable under the name the client used
    const origin = `http://${request.headers.host ?? 'localhost'}`
    readBody(request)
      .then((body) => emulator.handle(toWebRequest(request, origin, body)))
      .then((answer) => send(answer, response))
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
        response.end(JSON.stringify({ errorMessage: `Emulator failure: ${(error as Error)?.message ?? String(error)}` }))
      })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  return {
    url: formatOrigin(server.address() as AddressInfo),
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => {
          emulator.close()
          if (error) reject(error)
          else resolve()
        })
      }),
  }
}
