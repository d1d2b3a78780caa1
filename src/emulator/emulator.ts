import type { Endpoint } from '../api/endpoint.js'
import { type Ctx, type Handler, Later } from './kernel/context.js'
import { handlers } from './domains/index.js'
import { FILES_PATH, serveFile } from './domains/orchestration/downloads.js'
import { S3_PATH, receivePart } from './domains/workspace-management/handlers.js'
import { ApiFailure, type ErrorBody, badRequest, jsonResponse, sentenceOf } from './kernel/http.js'
import { OUTBOX_PATH, outbox } from './email-sign-in.js'
import { handleOAuth, OAUTH_PATH } from './oauth.js'
import { rawPayload, validatePayload } from './kernel/payload.js'
import { type RouteMatch, matchRoute } from './kernel/routes.js'
import { ensureSeeded, seed } from './seed.js'
import { SEED } from './kernel/seeded.js'
import { prepareSettling, settle } from './domains/orchestration/simulation.js'
import { SqlSandbox, queryTimeoutFromEnv } from './sql-sandbox.js'
import { Store, type StoredDoc } from './kernel/store.js'
import { speedFromEnv, timingFor } from './kernel/timing.js'

export interface EmulatorOptions {
  /** SQLite file shared by every process that emulates the same API */
  dbPath: string
  /** the clock of simulated time (epoch ms); Date.now by default */
  now?: () => number
  /** origin put in the download URLs; the request's own origin by default */
  publicUrl?: string
  /** divides simulated durations; Infinity finishes runs at once. Default: CARGO_AI_EMULATOR_SPEED, else 1 */
  speed?: number
  /** how long a SQL query may run before it is stopped. Default: CARGO_AI_EMULATOR_QUERY_TIMEOUT, else 5 s */
  queryTimeoutMs?: number
}

export interface EmulatorCredentials {
  token: string
  workspaceUuid: string
  userUuid: string
}

export interface Emulator {
  /** The whole emulated API: a Web Request for `<origin>/v1/...` in, a Web Response out. */
  handle(request: Request): Promise<Response>
  /** Throws the API's 401/403 unless the headers carry a valid token (the server checks it before reading a body). */
  authenticate(headers: Headers): void
  /** Clears every entity and seeds the catalogue again. */
  reset(): void
  close(): void
  credentials: EmulatorCredentials
}

interface Identity {
  workspaceUuid: string
  userUuid: string
}

/** Bearer token → its workspace and user (wire.md §3, emulator auth REC). */
function authenticate(store: Store, headers: Headers, now: number): Identity {
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1]
  const token = bearer ? store.findOne<StoredDoc & Identity & { deletedAt: string | null; expiresAt?: number }>('token', undefined, { token: bearer }) : undefined
  if (!token || token.deletedAt !== null) throw new ApiFailure(401, { errorMessage: 'Unauthorized' })
  // OAuth access tokens expire; API tokens have no expiresAt.
  if (token.expiresAt !== undefined && token.expiresAt <= now) throw new ApiFailure(401, { errorMessage: 'Token expired' })
  const selected = headers.get('selected-workspace-uuid')
  if (selected && selected !== token.workspaceUuid) throw new ApiFailure(403, { errorMessage: 'Forbidden' })
  return { workspaceUuid: token.workspaceUuid, userUuid: token.userUuid }
}

/** A reason the endpoint's table does not list would reach the user as "Unknown error": spell it out. */
function completeError(body: ErrorBody, endpoint: Endpoint | undefined): ErrorBody {
  if (body.errorMessage || !body.reason || (endpoint && Object.hasOwn(endpoint.reasons, body.reason))) return body
  return { errorMessage: sentenceOf(body.reason), ...body }
}

export function createEmulator(options: EmulatorOptions): Emulator {
  return buildEmulator(options, handlers)
}

/** `createEmulator` with a chosen handler table (tests use it to see an endpoint without a handler). */
export function buildEmulator(options: EmulatorOptions, table: ReadonlyMap<string, Handler>): Emulator {
  const store = new Store(options.dbPath)
  ensureSeeded(store)
  store.transaction(() => prepareSettling(store))
  const now = options.now ?? Date.now
  const timing = timingFor(options.speed ?? speedFromEnv())
  const sql = new SqlSandbox(options.queryTimeoutMs ?? queryTimeoutFromEnv())

  function respond(endpoint: Endpoint, result: unknown): Response {
    // documentation endpoints answer markdown, not JSON (wire.md §5)
    if (endpoint.textResult && typeof result === 'string') {
      return new Response(result, { status: 200, headers: { 'content-type': 'text/markdown; charset=utf-8' } })
    }
    // raw bytes (content files) are answered as the handler built them
    if (result instanceof Response) return result
    return jsonResponse(200, result ?? {})
  }

  function dispatch(route: RouteMatch, request: Request, url: URL, bodyText: string, form?: FormData): Response | Later {
    const identity = authenticate(store, request.headers, now())
    const handler = table.get(route.endpoint.name)
    if (!handler) {
      const { method, path, name } = route.endpoint
      throw new ApiFailure(501, { errorMessage: `${method} ${path} (${name}) is not emulated` })
    }
    const payload = validatePayload(route.endpoint, rawPayload(route.endpoint, { params: route.params, search: url.search, bodyText }))
    const ctx: Ctx = { store, now: now(), timing, ...identity, origin: options.publicUrl?.replace(/\/+$/, '') ?? url.origin, form, sql }
    settle(store, ctx.workspaceUuid, ctx.now)
    const result = handler(ctx, payload as never)
    return result instanceof Later ? result : respond(route.endpoint, result)
  }

  /** Runs the handler in the request's transaction; a `Later` answer is awaited once it has committed. */
  async function transact(route: RouteMatch, request: Request, url: URL, bodyText: string, form?: FormData): Promise<Response> {
    const answer = store.transaction(() => dispatch(route, request, url, bodyText, form))
    return answer instanceof Later ? respond(route.endpoint, await answer.answer) : answer
  }

  async function readForm(request: Request): Promise<FormData> {
    try {
      return await request.formData()
    } catch (error) {
      throw badRequest('invalidMultipart', `Malformed multipart body: ${(error as Error).message}`)
    }
  }

  async function handle(request: Request): Promise<Response> {
    let route: RouteMatch | undefined
    try {
      const url = new URL(request.url)
      if (url.pathname.startsWith(OAUTH_PATH)) return await handleOAuth(store, request, url, now())
      if (url.pathname === OUTBOX_PATH) return store.transaction(() => outbox(store, request, url))
      // the hosted MCP server's counterpart; loaded on first use, it brings the MCP SDK
      if (url.pathname === '/mcp') {
        const { handleMcp } = await import('./mcp-endpoint.js')
        return await handleMcp(request, { handle, authenticate: (headers) => void authenticate(store, headers, now()) })
      }
      if (request.method === 'GET' && url.pathname.startsWith(FILES_PATH)) {
        return store.transaction(() => serveFile(store, url.pathname.slice(FILES_PATH.length)))
      }
      // signed part URLs of multipart uploads: no Cargo auth, as on S3
      if (request.method === 'PUT' && url.pathname.startsWith(S3_PATH)) {
        const bytes = Buffer.from(await request.arrayBuffer())
        return store.transaction(() => receivePart(store, url, bytes))
      }
      route = url.pathname.startsWith('/v1/') ? matchRoute(request.method, url.pathname.slice('/v1'.length)) : undefined
      if (!route) return jsonResponse(404, { errorMessage: `No such endpoint: ${request.method} ${url.pathname}` })
      const matched = route
      // Uploads: the text fields make the payload; the handler reads the files from ctx.form.
      if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
        const form = await readForm(request)
        // handlers run inside a synchronous transaction: read each file's bytes now, as `file.bytes`
        for (const value of form.values()) if (typeof value !== 'string') Object.assign(value, { bytes: Buffer.from(await value.arrayBuffer()) })
        const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'))
        return await transact(matched, request, url, JSON.stringify(fields), form)
      }
      const bodyText = await request.text()
      return await transact(matched, request, url, bodyText)
    } catch (error) {
      if (error instanceof ApiFailure) return jsonResponse(error.status, completeError(error.body, route?.endpoint))
      return jsonResponse(500, { errorMessage: `Emulator failure: ${(error as Error)?.message ?? String(error)}` })
    }
  }

  return {
    handle,
    authenticate: (headers) => void authenticate(store, headers, now()),
    reset: () => store.transaction(() => {
      store.clear()
      seed(store)
    }),
    close: () => {
      sql.close()
      store.close()
    },
    credentials: { token: SEED.token, workspaceUuid: SEED.workspaceUuid, userUuid: SEED.userUuid },
  }
}
