import { CargoClient } from '../api/client.js'
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
  if (!session.token) throw new NotSignedInError()
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
  return createClient(access, session.baseUrl, session.token, session.workspaceUuid, fetch, session.credentials?.refreshToken ? renew : undefined)
}

/** Loaded only for emulator profiles: it brings SQLite and the whole emulated API. */
export async function emulatorFetch(configDir: string): Promise<FetchLike> {
  const { inProcessFetch } = await import('../emulator/in-process.js')
  return inProcessFetch(configDir)
}

export function createClient(
  access: ApiAccess,
  baseUrl: string,
  token: string | undefined,
  workspaceUuid: string | undefined,
  fetch?: FetchLike,
  renewToken?: () => Promise<string | undefined>,
): CargoClient {
  const { env, io, clock } = access.factory
  const timeoutMs = requestTimeout(env)
  checkBaseUrl(baseUrl, env)
  checkProxyVariables(env)
  return new CargoClient({
    baseUrl,
    token,
    workspaceUuid,
    version: access.version,
    fetch: fetch ?? access.factory.fetch,
    timeoutMs,
    debug: createDebug('cargo-ai:http', env, (text) => io.stderr.write(text)),
    renewToken,
    sleep: (ms, signal) => clock.sleep(ms, signal),
  })
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

/** The API origin must be an http(s) URL: named after CARGO_AI_BASE_URL when that supplied it. */
function checkBaseUrl(baseUrl: string, env: NodeJS.ProcessEnv): void {
  if (urlWith(baseUrl, ['http:', 'https:'])) return
  const name = env.CARGO_AI_BASE_URL === baseUrl ? 'CARGO_AI_BASE_URL' : 'base URL'
  throw new UsageError(`${name}: expected an http(s) URL such as https://api.getcargo.io, got ${JSON.stringify(withoutCredentials(baseUrl))}`)
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']
/** the proxy schemes undici's agents speak */
const PROXY_PROTOCOLS = ['http:', 'https:', 'socks:', 'socks5:']

/** A proxy variable that is not a proxy URL would fail every request as a network error: refused up front, by name. */
function checkProxyVariables(env: NodeJS.ProcessEnv): void {
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (!value || urlWith(value, PROXY_PROTOCOLS)) continue
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
