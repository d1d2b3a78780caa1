import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { type Emulator, type EmulatorOptions, createEmulator } from './emulator.js'
import { CONTROL_PREFIX, FAULTS_PATH, FaultTable, faultBody, faultSchema } from './faults.js'
import { FILES_PATH } from './domains/orchestration/downloads.js'
import { S3_PATH } from './domains/workspace-management/handlers.js'
import { ApiFailure } from './kernel/http.js'

/**
 * The emulator over HTTP: node:http in front of the same `handle()` the in-process fetch uses. As a
 * neighbour on a shared machine it reads no body it has not admitted (token first, then size), answers
 * 400 for what it cannot parse, and builds every URL it hands out from its own address.
 */

export interface EmulatorServerOptions extends Omit<EmulatorOptions, 'publicUrl'> {
  /** default 127.0.0.1 */
  host?: string
  /** default 0: a free port */
  port?: number
  /** largest request body accepted (413 beyond). Default: CARGO_AI_EMULATOR_MAX_BODY, else 64 MiB */
  maxBodyBytes?: number
  /** origin put in download and upload URLs; default: the address the server listens on */
  publicUrl?: string
}

export interface EmulatorServer {
  /** origin to use as CARGO_AI_BASE_URL, e.g. http://127.0.0.1:4010 (no /v1) */
  url: string
  close(): Promise<void>
  emulator: Emulator
}

export const MAX_BODY_ENV = 'CARGO_AI_EMULATOR_MAX_BODY'
/** above the CLI's single-request upload (under 50 MiB, then 8 MiB S3 parts) */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
const byteUnits = { b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 } as const

/** `CARGO_AI_EMULATOR_MAX_BODY`: bytes, or with a unit (`512KiB`, `64MiB`, `1GiB`). */
export function maxBodyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[MAX_BODY_ENV]?.trim()
  if (!raw) return DEFAULT_MAX_BODY_BYTES
  const match = /^(\d+)\s*(b|kib|mib|gib)?$/i.exec(raw)
  const bytes = match ? Number(match[1]) * byteUnits[(match[2]?.toLowerCase() ?? 'b') as keyof typeof byteUnits] : Number.NaN
  if (!(bytes > 0) || !Number.isSafeInteger(bytes)) throw new Error(`${MAX_BODY_ENV} must be a size such as 1048576 or 64MiB, got "${raw}"`)
  return bytes
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length'])

/** A refusal made before the emulator handles the request. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.errorMessage))
  }
}

/** Reads the body, counting: past `limit` bytes it stops reading and refuses with 413. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function tooLarge(limit: number): Refusal {
  return new Refusal(413, { errorMessage: `Request body larger than ${limit} bytes (limit: ${MAX_BODY_ENV})`, reason: 'payloadTooLarge' })
}

/** A Host header that is a host name or address with an optional port, and nothing else. */
function checkHost(host: string | undefined): void {
  if (host === undefined) return
  let parsed: URL | undefined
  try {
    parsed = new URL(`http://${host}`)
  } catch {
    parsed = undefined
  }
  if (!parsed || parsed.host !== host.toLowerCase().replace(/:80$/, '') || parsed.username || parsed.password) {
    throw new Refusal(400, { errorMessage: 'Bad Host header', reason: 'badHost' })
  }
}

/** Paths under /__emulator/ that are signed URLs (downloads, upload parts): no token, as on S3. */
const signedPaths = [FILES_PATH, S3_PATH]

/** Whether the request must carry a valid token before its body is read. */
function needsToken(path: string): boolean {
  if (path.startsWith('/v1/')) return true
  return path.startsWith(CONTROL_PREFIX) && !signedPaths.some((prefix) => path.startsWith(prefix))
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || hopByHop.has(name)) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return headers
}

/** The request's path and query under the server's own origin (an absolute-form target does not name the host). */
function targetOf(request: IncomingMessage, origin: string): URL {
  const { pathname, search } = new URL(request.url ?? '/', 'http://target.invalid')
  return new URL(`${pathname}${search}`, origin)
}

function toWebRequest(request: IncomingMessage, origin: string, body: Buffer): Request {
  const headers = headersOf(request)
  const method = request.method ?? 'GET'
  const hasBody = body.length > 0 && method !== 'GET' && method !== 'HEAD'
  return new Request(targetOf(request, origin), { method, headers, body: hasBody ? new Uint8Array(body) : undefined })
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

function reply(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(value))
}

export async function startEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const maxBodyBytes = options.maxBodyBytes ?? maxBodyFromEnv()
  // the URLs handed out (downloads, upload parts) name the configured address, never the Host header
  let origin = options.publicUrl?.replace(/\/+$/, '') ?? ''
  const emulator = createEmulator({ ...options, publicUrl: undefined })
  const faults = new FaultTable()
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy()
      if (error instanceof Refusal || error instanceof ApiFailure) {
        // the rest of a refused body is not read: the connection cannot carry another request
        return reply(response, error.status, error.body, error.status === 413 ? { connection: 'close' } : {})
      }
      reply(response, 500, { errorMessage: `Emulator failure: ${(error as Error)?.message ?? String(error)}` })
    })
  })

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    checkHost(request.headers.host)
    const method = request.method ?? 'GET'
    const path = targetOf(request, origin).pathname
    if (needsToken(path)) emulator.authenticate(headersOf(request))
    const body = await readBody(request, maxBodyBytes)
    if (path === FAULTS_PATH) return controlFaults(method, body, response)
    const fault = faults.take(method, path)
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
    if (method === 'DELETE') faults.replace([])
    else if (method === 'POST') {
      let json: unknown
      try {
        json = JSON.parse(body.toString('utf8') || '[]')
      } catch (error) {
        return reply(response, 400, { errorMessage: `Faults must be a JSON array: ${(error as Error).message}` })
      }
      const parsed = z.array(faultSchema).safeParse(json)
      if (!parsed.success) return reply(response, 400, { errorMessage: z.prettifyError(parsed.error) })
      faults.replace(parsed.data)
    } else if (method !== 'GET') return reply(response, 405, { errorMessage: `${method} ${FAULTS_PATH}: use GET, POST or DELETE` })
    reply(response, 200, { faults: faults.list() })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const url = formatOrigin(server.address() as AddressInfo)
  origin ||= url
  return {
    url,
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
