import { access, constants, stat } from 'node:fs/promises'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { keyringDisabled, KeyringStore } from '../auth/credential-store.js'
import type { Session } from '../auth/session.js'
import { BaseCommand } from '../cli/base-command.js'
import { ExitCode } from '../cli/cli-error.js'
import { reportError } from '../cli/output.js'

/** How long the API and the keyring may take before doctor reports them as not answering. */
const CHECK_TIMEOUT_MS = 5000
const MINIMUM_NODE = [20, 18, 1]

type Status = 'ok' | 'warning' | 'error'
interface Check {
  status: Status
  /** the exit code this check stands for when it failed */
  exitCode?: number
  [detail: string]: unknown
}

export default class Doctor extends BaseCommand {
  static summary = 'Check the local setup: versions, config directory, sign-in, API reachability, keyring.'
  static description = [
    'Prints one JSON object with a result per check ({status: ok | warning | error, …}) and exits with the code of the',
    'worst failed check: 3 when not signed in or the token is refused, 4 when the API does not answer, 1 for anything',
    `else. Each network check gives up after ${CHECK_TIMEOUT_MS / 1000} s, so doctor never hangs without a network.`,
  ].join('\n')
  static examples = ['<%= config.bin %> doctor', '<%= config.bin %> doctor --query checks.api', '<%= config.bin %> doctor --profile ci']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Doctor)
    const checks: Record<string, Check> = { cli: this.cliCheck() }
    const session = await this.session(flags.profile).then(
      (found) => found,
      (error: unknown) => {
        const { body, exitCode } = reportError(error)
        checks.config = { status: 'error', exitCode, message: body.errorMessage }
        return undefined
      },
    )
    if (session) {
      checks.config = await configCheck(session)
      checks.credentials = credentialsCheck(session)
      checks.api = await this.apiCheck(session)
    }
    checks.keyring = await keyringCheck(this.factory.env)
    const failed = Object.values(checks).filter((check) => check.status === 'error')
    await this.print({ ok: failed.length === 0, checks: Object.fromEntries(Object.entries(checks).map(([name, { exitCode, ...shown }]) => [name, shown])) })
    // The most severe failure wins: auth (3) and network (4) say more than a generic 1.
    if (failed.length > 0) process.exitCode = Math.max(...failed.map((check) => check.exitCode ?? ExitCode.failure))
  }

  private cliCheck(): Check {
    const node = process.versions.node.split('.').map(Number)
    const supported = compareVersions(node, MINIMUM_NODE) >= 0
    return {
      status: supported ? 'ok' : 'error',
      version: this.config.version,
      node: process.versions.node,
      nodeRequired: `>=${MINIMUM_NODE.join('.')}`,
      platform: `${process.platform}-${process.arch}`,
    }
  }

  private async apiCheck(session: Session): Promise<Check> {
    const where = { baseUrl: session.emulator ? 'embedded emulator' : session.baseUrl }
    if (!session.token) return { status: 'warning', ...where, message: 'not checked: no token' }
    const started = performance.now()
    try {
      const client = await this.client()
      const { user } = await client.call(getCurrentUser, {}, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })
      return { status: 'ok', ...where, latencyMs: Math.round(performance.now() - started), user: user.email }
    } catch (error) {
      const { body, exitCode } = reportError(error)
      return { status: 'error', exitCode, ...where, latencyMs: Math.round(performance.now() - started), message: body.errorMessage, ...(body.reason ? { reason: body.reason } : {}) }
    }
  }
}

async function configCheck(session: Session): Promise<Check> {
  const dir = session.configDir
  const info = await stat(dir).catch(() => undefined)
  if (!info) return { status: 'ok', path: dir, exists: false, message: 'created on first sign-in' }
  const writable = await access(dir, constants.W_OK).then(() => true, () => false)
  const private_ = (info.mode & 0o077) === 0
  return {
    status: writable ? (private_ ? 'ok' : 'warning') : 'error',
    exitCode: ExitCode.failure,
    path: dir,
    exists: true,
    writable,
    mode: (info.mode & 0o777).toString(8).padStart(4, '0'),
    profile: session.profileName,
  }
}

function credentialsCheck(session: Session): Check {
  if (!session.token) return { status: 'error', exitCode: ExitCode.auth, profile: session.profileName, message: 'Not signed in: run cargo-ai login' }
  return {
    status: 'ok',
    profile: session.profileName,
    source: session.tokenSource ?? 'stored',
    emulator: session.emulator,
    ...(session.credentials?.expiresAt ? { expiresAt: new Date(session.credentials.expiresAt).toISOString() } : {}),
  }
}

/** Whether the OS keyring answers; the file fallback works without it, so its absence is a warning. */
async function keyringCheck(env: NodeJS.ProcessEnv): Promise<Check> {
  if (keyringDisabled(env)) return { status: 'ok', available: false, message: 'disabled by CARGO_AI_KEYRING' }
  // A read of a missing entry succeeds even where nothing stores secrets: only a round trip tells.
  const keyring = new KeyringStore()
  const probe = 'cargo-ai-doctor-probe'
  try {
    await keyring.set(probe, { token: 'probe' })
    const kept = (await keyring.get(probe))?.token === 'probe'
    await keyring.delete(probe).catch(() => false)
    if (kept) return { status: 'ok', available: true }
    return { status: 'warning', available: false, message: 'the keyring did not keep a secret; credentials go to credentials.json' }
  } catch (error) {
    return { status: 'warning', available: false, message: `credentials go to credentials.json instead (${(error as Error).message})` }
  }
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
