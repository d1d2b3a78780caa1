/**
 * `--port`: the same tools over Streamable HTTP at `http://<host>:<port>/mcp`, for clients that take a URL.
 * Every request must carry the server's bearer token (printed at start, or CARGO_AI_MCP_TOKEN), compared in
 * constant time; anything else is 401 before its body is read.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerHttpRequest } from './server.js'
import type { ToolSet } from './tool.js'

export const MCP_PATH = '/mcp'
/** JSON-RPC messages are small; a bigger body is refused unread */
const MAX_BODY_BYTES = 4 * 1024 * 1024

export interface HttpServing {
  url: string
  token: string
  close(): Promise<void>
}

export function newBearerToken(): string {
  return `cargo_mcp_${randomBytes(24).toString('base64url')}`
}

/** Whether the Authorization header carries exactly `token` (hashes compared, so lengths leak nothing either). */
export function bearerMatches(header: string | null | undefined, token: string): boolean {
  const given = /^bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]
  if (!given) return false
  const digest = (text: string) => createHash('sha256').update(text).digest()
  return timingSafeEqual(digest(given), digest(token))
}

/** The 401 an MCP client expects, with a challenge naming the scheme. */
export function unauthorized(message: string): Response {
  return new Response(JSON.stringify({ errorMessage: message }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="cargo-ai mcp"' },
  })
}

export async function serveHttp(
  tools: ToolSet,
  version: string,
  options: { host: string; port: number; token: string; log: (message: string) => void },
): Promise<HttpServing> {
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      options.log(`cargo-ai mcp: ${(error as Error)?.message ?? String(error)}`)
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ errorMessage: 'MCP server failure' }))
    })
  })

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://mcp.invalid')
    if (url.pathname !== MCP_PATH) return send(new Response(JSON.stringify({ errorMessage: `Not found: the MCP endpoint is ${MCP_PATH}` }), { status: 404 }), response)
    if (!bearerMatches(request.headers.authorization, options.token)) return send(unauthorized('A bearer token is required: the one cargo-ai mcp printed when it started.'), response)
    const body = await readBody(request)
    if (body === undefined) return send(new Response(JSON.stringify({ errorMessage: `Body larger than ${MAX_BODY_BYTES} bytes` }), { status: 413 }), response)
    const headers = new Headers()
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value)
    const method = request.method ?? 'GET'
    const webRequest = new Request(new URL(url.pathname + url.search, `http://${options.host.includes(':') ? `[${options.host}]` : options.host}`), {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
    })
    await send(await answerHttpRequest(tools, version, webRequest, options.log), response)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}${MCP_PATH}`,
    token: options.token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function send(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer())
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'content-length': String(body.length) })
  response.end(body)
}
