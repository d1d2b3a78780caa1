import type { Readable, Writable } from 'node:stream'
import { createTransport, type FetchLike } from '../api/transport.js'
import { sleep } from '../sleep.js'

/** Terminal streams, as gh's IOStreams: commands never touch process.stdout directly. */
export interface IO {
  stdout: Writable
  stderr: Writable
  stdin: Readable
  stdinIsTTY: boolean
  stdoutIsTTY: boolean
  stderrIsTTY: boolean
}

export interface Clock {
  now(): number
  /** resolves after ms, or early (without throwing) when the signal aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Ctrl-C and SIGTERM, so that waiting can stop cleanly; returns an unsubscribe function. */
export type InterruptSource = (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void

/** Everything a command depends on from the outside world; tests replace parts of it. */
export interface Factory {
  io: IO
  env: NodeJS.ProcessEnv
  fetch: FetchLike
  clock: Clock
  onInterrupt: InterruptSource
}

export const systemClock: Clock = { now: () => Date.now(), sleep }

const processInterrupts: InterruptSource = (handler) => {
  const onInt = () => handler('SIGINT')
  const onTerm = () => handler('SIGTERM')
  process.on('SIGINT', onInt)
  process.on('SIGTERM', onTerm)
  return () => {
    process.off('SIGINT', onInt)
    process.off('SIGTERM', onTerm)
  }
}

let override: Partial<Factory> | undefined

export function createFactory(): Factory {
  const env = override?.env ?? process.env
  return {
    io: override?.io ?? {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      stdinIsTTY: Boolean(process.stdin.isTTY),
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
    },
    env,
    fetch: override?.fetch ?? createTransport(),
    clock: override?.clock ?? systemClock,
    onInterrupt: override?.onInterrupt ?? processInterrupts,
  }
}

/** Test seam: the next commands get these parts instead of the real ones. */
export function overrideFactory(parts: Partial<Factory> | undefined): void {
  override = parts
}
