import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { Config } from '@oclif/core'
import type { Command } from '@oclif/core'
import { type Clock, type InterruptSource, overrideFactory } from '../../src/cli/factory.js'
import { type FastCommand, runFastCommand } from '../../src/cli/fast-path.js'

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
export const TEST_BASE_URL = 'https://api.cargo.test'
export const TEST_TOKEN = 'test-token-123'
export const TEST_WORKSPACE = '11111111-2222-4333-8444-555555555555'

let config: Promise<Config> | undefined

export function oclifConfig(): Promise<Config> {
  config ??= Config.load({ root: projectRoot })
  return config
}

export function tempConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'cargo-ai-test-'))
}

/** An environment signed in through CARGO_AI_TOKEN, with its own empty config directory. */
export function signedInEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    CARGO_AI_CONFIG_DIR: tempConfigDir(),
    CARGO_AI_BASE_URL: TEST_BASE_URL,
    CARGO_AI_TOKEN: TEST_TOKEN,
    CARGO_AI_WORKSPACE_UUID: TEST_WORKSPACE,
    CARGO_AI_KEYRING: 'off',
    ...extra,
  }
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  stdin?: string | Buffer
  stderrIsTTY?: boolean
  clock?: Clock
  onInterrupt?: InterruptSource
}

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
  /** stdout parsed as JSON */
  json: () => any
}

export interface FastPathMode {
  /** the command's fast-path row, as scripts/build-fast-path.js would write it */
  rowFor(command: object): FastCommand | undefined
  loadDefinitions: Parameters<typeof runFastCommand>[3]
  /** the command classes that ran on the fast path */
  ran: Set<object>
}

let fastPath: FastPathMode | undefined

/** From now on, runCommand runs what the fast path accepts on the fast path, as bin/run.js does (test/commands/fast-path.test.ts). */
export function useFastPath(mode: FastPathMode | undefined): void {
  fastPath = mode
}

/** Runs the real command class in-process (or its fast-path row, after useFastPath), with captured streams and the given environment. */
export async function runCommand(command: { run: (argv: string[], config: Config) => Promise<unknown> }, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk) => (out += chunk))
  stderr.on('data', (chunk) => (err += chunk))
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)])
  overrideFactory({
    io: { stdout, stderr, stdin, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: options.stderrIsTTY ?? false },
    env: options.env ?? signedInEnv(),
    // No test sleeps for real: retries and polls advance a fake clock unless a test brings its own.
    clock: options.clock ?? new FakeClock(),
    onInterrupt: options.onInterrupt ?? (() => () => {}),
  })
  const previousExitCode = process.exitCode
  process.exitCode = undefined
  try {
    const row = fastPath?.rowFor(command)
    const ranFast = row && fastPath && !argv.includes('--help') && (await runFastCommand(row, argv, (await oclifConfig()).version, fastPath.loadDefinitions))
    if (ranFast) fastPath?.ran.add(command)
    else await command.run(argv, await oclifConfig())
  } finally {
    overrideFactory(undefined)
  }
  const exitCode = Number(process.exitCode ?? 0)
  process.exitCode = previousExitCode
  await new Promise((resolve) => setImmediate(resolve))
  return { stdout: out, stderr: err, exitCode, json: () => JSON.parse(out) }
}

/** A clock that moves only when slept on: no test waits for real. */
export class FakeClock implements Clock {
  time = 0
  sleeps: number[] = []
  now(): number {
    return this.time
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return
    this.sleeps.push(ms)
    this.time += ms
    await Promise.resolve()
  }
}
