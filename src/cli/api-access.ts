import { CargoClient } from '../api/client.js'
import type { FetchLike } from '../api/transport.js'
import { renewToken, type Session, SessionExpiredError, tokenExpiring } from '../auth/session.js'
import { createDebug } from '../debug.js'
import { CliError, ExitCode, NotSignedInError, UsageError } from './cli-error.js'
import type { Factory } from './factory.js'
import { parseDuration } from './flag-values.js'

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
  let timeoutMs: number | undefined
  if (env.CARGO_AI_TIMEOUT) {
    try {
      timeoutMs = parseDuration('CARGO_AI_TIMEOUT', env.CARGO_AI_TIMEOUT)
    } catch {
      throw new UsageError(`CARGO_AI_TIMEOUT: expected a duration such as 30s or 6m, got ${JSON.stringify(env.CARGO_AI_TIMEOUT)}`)
    }
  }
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
