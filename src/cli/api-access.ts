import { type CallOptions, CargoClient, type ClientOptions } from '../api/client.js'
import type { PayloadOf, ResultOf, WireEndpoint } from '../api/endpoint.js'
import { ApiError } from '../api/errors.js'
import type { FetchLike } from '../api/transport.js'
import { renewToken, type Session, SessionExpiredError, tokenExpiring } from '../auth/session.js'
import { createDebug } from '../debug.js'
import { CliError, ExitCode, NotSignedInError, UsageError } from './cli-error.js'
import type { Factory } from './factory.js'
import { checkTimerMs, parseDuration } from './flag-values.js'

/** What opening a client needs from the command running: oclif commands and the fast path both supply it. */
export interface ApiAccess {
  factory: Factory
  /** sent as x-cargo-origin-version */
  version: string
  note(message: string): void
}

/** A client for the session; fails with exit 3 when there is no token. OAuth tokens are renewed when they expire and once on a 401. */
export async function clientForSession(access: ApiAccess, session: Session): Promise<CargoClient> {
  if (!session.token) throw new NotSignedInError(...notSignedInMessage(session))
  const fetch = session.emulator ? await emulatorFetch(session.configDir) : undefined
  const renew = async () => {
    try {
      return await renewToken(session, fetch ?? access.factory.fetch, access.factory.env, (message) => access.note(message))
    } catch (error) {
      if (error instanceof SessionExpiredError) throw new CliError(error.message, ExitCode.auth)
      throw error
    }
  }
  if (tokenExpiring(session.credentials)) await renew()
  const tokenSource = session.sources.token
  return createClient(access, {
    baseUrl: session.baseUrl,
    baseUrlName: session.sources.baseUrl === 'profile' || session.sources.baseUrl === 'default' ? undefined : session.sources.baseUrl,
    token: session.token,
    tokenName: tokenSource === 'keyring' || tokenSource === 'file' ? undefined : tokenSource,
    workspaceUuid: session.workspaceUuid,
    fetch,
    renewToken: session.credentials?.refreshToken ? renew : undefined,
  })
}

/** The default message, or one saying that an explicit --profile set the environment's token aside. */
function notSignedInMessage(session: Session): [string] | [] {
  const unused = session.unusedTokenVariable
  if (!unused) return []
  const name = session.profileName
  return [`Profile ${name} has no stored credentials: --profile selects a stored sign-in, so ${unused} is not used. Run \`cargo-ai login --profile ${name}\`, or leave out --profile to use ${unused}.`]
}

/** Loaded only for emulator profiles: it brings SQLite and the whole emulated API. */
export async function emulatorFetch(configDir: string): Promise<FetchLike> {
  const { inProcessFetch } = await import('../emulator/in-process.js')
  return inProcessFetch(configDir)
}

/** Where a client sends its calls and as whom; the names say where a value came from, for error messages. */
export interface ClientTarget {
  baseUrl: string
  /** the variable or flag that supplied baseUrl (CARGO_BASE_URL, --base-url); named when it is malformed */
  baseUrlName?: string
  token?: string
  /** the environment variable that supplied the token; named when the API refuses it */
  tokenName?: string
  workspaceUuid?: string
  fetch?: FetchLike
  renewToken?: () => Promise<string | undefined>
}

export function createClient(access: ApiAccess, target: ClientTarget): CargoClient {
  const { env, io, clock } = access.factory
  const timeoutMs = checkConnectionSettings(env, target.baseUrl, target.baseUrlName)
  const options: ClientOptions = {
    baseUrl: target.baseUrl,
    token: target.token,
    workspaceUuid: target.workspaceUuid,
    version: access.version,
    fetch: target.fetch ?? access.factory.fetch,
    timeoutMs,
    debug: createDebug('cargo-ai:http', env, (text) => io.stderr.write(text)),
    renewToken: target.renewToken,
    sleep: (ms, signal) => clock.sleep(ms, signal),
  }
  return target.tokenName ? new EnvironmentTokenClient(options, target.tokenName) : new CargoClient(options)
}

/**
 * The local checks of every connection setting, before anything is sent (exit 2, naming the setting):
 * the base URL, the proxy variables and CARGO_AI_TIMEOUT. Returns the request timeout.
 */
export function checkConnectionSettings(env: NodeJS.ProcessEnv, baseUrl: string, baseUrlName?: string): number | undefined {
  const timeoutMs = requestTimeout(env)
  checkUrl(baseUrl, baseUrlName ?? 'base URL')
  checkProxyVariables(env)
  return timeoutMs
}

/**
 * A client whose 401 and 403 answers say that the token came from an environment variable, and which:
 * an inherited variable is an easy thing to forget (the stored sign-in is not used while it is set).
 */
class EnvironmentTokenClient extends CargoClient {
  constructor(
    options: ClientOptions,
    private readonly tokenName: string,
  ) {
    super(options)
  }

  override async call<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions?: CallOptions): Promise<ResultOf<E>> {
    try {
      return await super.call(endpoint, payload, callOptions)
    } catch (error) {
      throw this.namingTheToken(error)
    }
  }

  override async upload<E extends WireEndpoint>(endpoint: E, form: FormData, payload?: Record<string, unknown>, callOptions?: CallOptions): Promise<ResultOf<E>> {
    try {
      return await super.upload(endpoint, form, payload, callOptions)
    } catch (error) {
      throw this.namingTheToken(error)
    }
  }

  private namingTheToken(error: unknown): unknown {
    if (!(error instanceof ApiError) || !(error.kind === 'authorization' || error.status === 403)) return error
    const { kind, status, reason, data, code, sentAt } = error
    return new ApiError(kind, `The token from ${this.tokenName} was refused: ${error.message}`, { status, reason, data, code, sentAt, cause: error })
  }
}

/** CARGO_AI_TIMEOUT, when set: a duration a timer can hold (1 ms to MAX_TIMER_MS), else exit 2 naming it. */
function requestTimeout(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.CARGO_AI_TIMEOUT
  if (!text) return undefined
  let ms: number
  try {
    ms = parseDuration('CARGO_AI_TIMEOUT', text)
  } catch {
    throw new UsageError(`CARGO_AI_TIMEOUT: expected a duration such as 30s or 6m, got ${JSON.stringify(text)}`)
  }
  if (ms < 1) throw new UsageError(`CARGO_AI_TIMEOUT: a timeout of ${JSON.stringify(text)} would fail every request; give at least 1ms (default 6m)`)
  return checkTimerMs('CARGO_AI_TIMEOUT', ms)
}

/** An API or authorization server origin must be an http(s) URL; `name` is the variable or flag that gave it. */
export function checkUrl(url: string, name: string): void {
  if (urlWith(url, ['http:', 'https:'])) return
  throw new UsageError(`${name}: expected an http(s) URL such as https://api.getcargo.io, got ${JSON.stringify(withoutCredentials(url))}`)
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']
/** the proxy schemes the transport's agents speak (src/api/transport.ts) */
const PROXY_PROTOCOLS = ['http:', 'https:']

/** A proxy variable that is not a proxy URL would fail every request as a network error: refused up front, by name. */
function checkProxyVariables(env: NodeJS.ProcessEnv): void {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (!value || urlWith(value, PROXY_PROTOCOLS)) continue
    if (/^socks[45a-z]*:/i.test(value)) throw new UsageError(`${name}: socks proxies are not supported; give an http(s) proxy URL such as http://proxy.example:3128`)
    throw new UsageError(`${name}: expected a proxy URL such as http://proxy.example:3128, got ${JSON.stringify(withoutCredentials(value))}`)
  }
}

function urlWith(text: string, protocols: string[]): boolean {
  try {
    const url = new URL(text)
    return protocols.includes(url.protocol) && url.hostname !== ''
  } catch {
    return false
  }
}

/** `http://user:secret@host` → `http://***@host`: a refused URL is echoed without what may be a password. */
function withoutCredentials(text: string): string {
  return text.replace(/^([a-z][\w+.-]*:\/\/)?[^@/]*@/i, '$1***@')
}
