import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator.js'
import { FAULTS_PATH, FaultTable, faultBody, faultSchema } from './faults.js'

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
  const faults = new FaultTable()
  const server = createServer((request, response) => {
    // the Host header keeps download URLs reachable under the name the client used
    const origin = `http://${request.headers.host ?? 'localhost'}`
    serve(request, response, origin).catch((error: unknown) => {
      if (response.headersSent) return response.destroy()
      response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify({ errorMessage: `Emulator failure: ${(error as Error)?.message ?? String(error)}` }))
    })
  })

  async function serve(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const body = await readBody(request)
    const path = new URL(request.url ?? '/', origin).pathname
    if (path === FAULTS_PATH) return controlFaults(request.method ?? 'GET', body, response)
    const fault = faults.take(request.method ?? 'GET', path)
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs))
    if (fault?.reset === 'before') return void request.socket.destroy()
    if (fault?.status) {
      const { text, type } = faultBody(fault.body)
      response.writeHead(fault.status, { 'content-type': type, ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) })
      return void response.end(text)
    }
    const answer = await emulator.handle(toWebRequest(request, origin, body))
    if (fault?.reset === 'after') return void request.socket.destroy()
    if (fault?.body) {
      const { text, type } = faultBody(fault.body)
      response.writeHead(answer.status, { 'content-type': type })
      return void response.end(text)
    }
    if (fault?.truncate) {
      const bytes = Buffer.from(await answer.arrayBuffer())
      response.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': String(bytes.length) })
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
      return void setTimeout(() => request.socket.destroy(), 10)
    }
    await send(answer, response)
  }

  function controlFaults(method: string, body: Buffer, response: ServerResponse): void {
    const reply = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(value))
    }
    if (method === 'DELETE') faults.replace([])
    else if (method === 'POST') {
      const parsed = z.array(faultSchema).safeParse(JSON.parse(body.toString('utf8') || '[]'))
      if (!parsed.success) return reply(400, { errorMessage: parsed.error.message })
      faults.replace(parsed.data)
    }
    reply(200, { faults: faults.list() })
  }

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
