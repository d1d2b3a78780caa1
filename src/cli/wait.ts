import type { CargoClient } from '../api/client.js'
import type { Endpoint } from '../api/endpoint.js'
import { ApiError } from '../api/errors.js'
import type { DebugLog } from '../debug.js'
import type { Clock, InterruptSource } from './factory.js'
import { escapeControlCharacters, noColorWanted } from './output.js'

/** How to wait for one kind of asynchronous operation (DESIGN.md, Waiting). */
export interface WaitPolicy {
  /** what is waited for, in messages: run, batch, message */
  noun: string
  /** the get endpoint, called with `{uuid}` */
  endpoint: Endpoint
  /** where the uuid sits in the result of the command that started the operation */
  uuidFrom: (started: unknown) => string | undefined
  statusOf: (result: unknown) => string | undefined
  intervalMs: number
  terminal: readonly string[]
  /** terminal statuses that `--exit-status` turns into exit 5 */
  failed: readonly string[]
  /** the command that resumes the wait, e.g. `orchestration run wait` */
  resumeCommand: string
}

export interface WaitOptions {
  client: CargoClient
  clock: Clock
  onInterrupt: InterruptSource
  /** overrides the policy's interval */
  intervalMs?: number
  /** stop waiting after this long */
  timeoutMs?: number
  /** called after each poll, for the spinner */
  onProgress?: (status: string | undefined, elapsedMs: number) => void
  debug?: DebugLog
}

export type WaitOutcome =
  | { outcome: 'finished'; result: unknown; status: string }
  | { outcome: 'interrupted'; result: unknown; status?: string; signal: 'SIGINT' | 'SIGTERM' }
  | { outcome: 'timedOut'; result: unknown; status?: string }

/** After this long, polls space out toward the cap, to spare the API during long operations. */
export const BACKOFF_AFTER_MS = 60_000
export const BACKOFF_CAP_MS = 15_000
const BACKOFF_FACTOR = 1.5
/** consecutive transient failures tolerated before the last one is reported */
export const MAX_TRANSIENT_FAILURES = 10

/** The delay before the next poll, given the previous one and the time spent so far. */
export function nextInterval(previousMs: number, baseMs: number, elapsedMs: number): number {
  if (elapsedMs < BACKOFF_AFTER_MS || baseMs >= BACKOFF_CAP_MS) return baseMs
  return Math.min(BACKOFF_CAP_MS, Math.round(previousMs * BACKOFF_FACTOR))
}

export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.kind === 'network' || error.kind === 'server' || error.status === 429 || error.status === 408
}

/**
 * The one polling loop behind every `--wait-until-finished`: GET until the status is terminal,
 * retrying transient errors, stopping on Ctrl-C/SIGTERM or the timeout with the last known state.
 * The timeout is a deadline: it aborts the poll in flight and any retry of it.
 */
export async function waitUntilFinished(policy: WaitPolicy, uuid: string, options: WaitOptions, initial?: unknown): Promise<WaitOutcome> {
  const { client, clock } = options
  const baseMs = options.intervalMs ?? policy.intervalMs
  const started = clock.now()
  const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs
  const stop = new AbortController()
  let signal: 'SIGINT' | 'SIGTERM' | undefined
  let deadlinePassed = false
  const unsubscribe = options.onInterrupt((received) => {
    signal ??= received
    stop.abort()
  })
  // a timer of its own, not the clock's sleep: a poll the server holds open must end at the deadline too
  const deadlineTimer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          deadlinePassed = true
          stop.abort()
        }, options.timeoutMs)

  let last = initial
  let status = initial === undefined ? undefined : policy.statusOf(initial)
  let intervalMs = baseMs
  let failures = 0
  const timedOut = () => deadlinePassed || clock.now() >= deadline
  try {
    for (let poll = 0; ; poll++) {
      if (signal) return { outcome: 'interrupted', result: last, status, signal }
      if (poll > 0) {
        const remaining = deadline - clock.now()
        if (remaining <= 0 || deadlinePassed) return { outcome: 'timedOut', result: last, status }
        await clock.sleep(Math.min(intervalMs, remaining), stop.signal)
        intervalMs = nextInterval(intervalMs, baseMs, clock.now() - started)
      }
      if (signal) return { outcome: 'interrupted', result: last, status, signal }
      if (deadlinePassed) return { outcome: 'timedOut', result: last, status }
      try {
        last = await client.call(policy.endpoint, { uuid } as never, { signal: stop.signal })
        status = policy.statusOf(last)
        failures = 0
        options.debug?.(`${policy.noun} ${uuid}: ${status ?? 'unknown status'}`)
      } catch (error) {
        if (signal) return { outcome: 'interrupted', result: last, status, signal }
        if (timedOut()) return { outcome: 'timedOut', result: last, status }
        if (!isTransient(error) || ++failures >= MAX_TRANSIENT_FAILURES) throw new WaitFailure(error, last, status)
        options.debug?.(`poll of ${policy.noun} ${uuid} failed (${(error as Error).message}); retrying`)
      }
      options.onProgress?.(status, clock.now() - started)
      if (status && policy.terminal.includes(status)) return { outcome: 'finished', result: last, status }
    }
  } finally {
    clearTimeout(deadlineTimer)
    unsubscribe()
  }
}

/** Polling failed for good (a refusal, or transient errors past the limit); `cause` is the last error. */
export class WaitFailure extends Error {
  constructor(
    readonly cause: unknown,
    /** the last state read, if any */
    readonly result: unknown,
    readonly status: string | undefined,
  ) {
    super((cause as Error)?.message ?? String(cause))
    this.name = 'WaitFailure'
  }
}

/**
 * Ctrl-C and SIGTERM from before an operation is started until the wait for it ends: a signal that
 * arrives while the create is being sent is kept, and handed to the wait loop when it subscribes, so the
 * created resource is still printed with the command that resumes the wait.
 */
export function latchInterrupts(source: InterruptSource): { source: InterruptSource; received: () => 'SIGINT' | 'SIGTERM' | undefined; close: () => void } {
  let received: 'SIGINT' | 'SIGTERM' | undefined
  const handlers = new Set<(signal: 'SIGINT' | 'SIGTERM') => void>()
  const close = source((signal) => {
    received ??= signal
    for (const handler of [...handlers]) handler(signal)
  })
  return {
    received: () => received,
    source: (handler) => {
      if (received) handler(received)
      handlers.add(handler)
      return () => handlers.delete(handler)
    },
    close,
  }
}

/**
 * The wait spinner: ora on stderr, loaded only when a TTY will show it. Its texts hold API data (uuid,
 * status), so controls are escaped; with NO_COLOR its frame is not coloured (ora's chalk reads only
 * FORCE_COLOR and the terminal, not NO_COLOR).
 */
export async function startSpinner(stream: NodeJS.WritableStream, text: string, env: NodeJS.ProcessEnv) {
  const { default: ora } = await import('ora')
  // a terminal that reports 0 columns (a pty opened without a size) sends ora into an endless loop of cursor-up codes: no animation there
  const sizeless = (stream as { columns?: number }).columns === 0
  const spinner = ora({
    text: escapeControlCharacters(text),
    stream: stream as never,
    discardStdin: false,
    color: noColorWanted(env) ? false : 'cyan',
    ...(sizeless ? { isEnabled: false } : {}),
  }).start()
  return {
    update: (next: string) => {
      spinner.text = escapeControlCharacters(next)
    },
    stop: () => spinner.stop(),
  }
}
