import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, expect } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../support/run-command.js'

const bin = join(projectRoot, 'bin', 'run.js')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
  json: () => any
}

export function tempDir(prefix = 'cargo-ai-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A config directory path that does not exist yet, as on a fresh machine: the CLI must create it. */
export function freshConfigDir(): string {
  return join(tempDir('cargo-ai-fresh-'), 'config', 'cargo-ai')
}

/** A clean environment: no inherited Cargo settings, a HOME of its own (empty: no ~/.config), no colours, not a TTY. */
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tempDir('cargo-ai-home-'), NO_COLOR: '1', CARGO_AI_KEYRING: 'off' }
  return { ...env, ...extra }
}

export interface RunningCli {
  child: ChildProcess
  /** resolves with the first match of `pattern` in stderr, as soon as it appears */
  stderrMatch: (pattern: RegExp) => Promise<RegExpMatchArray>
  done: Promise<CliResult>
}

/** Starts `cargo-ai <args>` as a real process, for tests that talk to it while it runs. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): RunningCli {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const waiting: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }> = []
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
    for (const entry of [...waiting]) {
      const match = stderr.match(entry.pattern)
      if (match) {
        waiting.splice(waiting.indexOf(entry), 1)
        entry.resolve(match)
      }
    }
  })
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) }))
  })
  child.stdin?.end(stdin ?? '')
  const stderrMatch = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const match = stderr.match(pattern)
      if (match) return resolve(match)
      waiting.push({ pattern, resolve })
      void done.then((result) => reject(new Error(`exited (${result.code}) before printing ${pattern}: ${result.stderr}${result.stdout}`)))
    })
  return { child, stderrMatch, done }
}

/** Runs `cargo-ai <args>` as a real process. */
export function cli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliResult> {
  return startCli(args, env, stdin).done
}

export interface ServedEmulator {
  baseUrl: string
  token: string
  workspaceUuid: string
  process: ChildProcess
  stop: () => Promise<number | null>
}

/** `cargo-ai emulator start --port 0` in its own config directory; resolves once it printed its address. */
export function startEmulatorProcess(configDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedEmulator> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'emulator', 'start', '--port', '0'], {
      env: cleanEnv({ CARGO_AI_CONFIG_DIR: configDir, ...extraEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const exited = new Promise<number | null>((done) => child.on('close', done))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      try {
        const info = JSON.parse(stdout)
        resolve({
          ...info,
          process: child,
          stop: () => {
            child.kill('SIGINT')
            return exited
          },
        })
      } catch {
        // the JSON is not complete yet
      }
    })
    child.on('error', reject)
    void exited.then((code) => reject(new Error(`emulator exited (${code}) before printing its address: ${stderr}`)))
  })
}

/**
 * For a test file: a served emulator in its own config directory, and a CLI environment signed in to it
 * with its token (handed to `use` once both are ready). Stops the emulator after the file's tests.
 */
export function useSignedInEmulator(use: (emulator: ServedEmulator, env: NodeJS.ProcessEnv) => void, emulatorEnv: NodeJS.ProcessEnv = {}): void {
  let served: ServedEmulator | undefined
  beforeAll(async () => {
    served = await startEmulatorProcess(tempDir(), emulatorEnv)
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), CARGO_AI_BASE_URL: served.baseUrl })
    expect((await cli(['login', '--token', served.token], env)).code).toBe(0)
    use(served, env)
  })
  afterAll(async () => {
    expect(await served?.stop()).toBe(0)
  })
}
