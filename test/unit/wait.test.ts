import { describe, expect, it } from 'vitest'
import { CargoClient } from '../../src/api/client.js'
import { ApiError } from '../../src/api/errors.js'
import { BACKOFF_CAP_MS, MAX_TRANSIENT_FAILURES, nextInterval, WaitFailure, waitUntilFinished } from '../../src/cli/wait.js'
import { waitForBatch, waitForRun } from '../../src/cli/waiters/orchestration.js'
import { FakeClock } from '../support/run-command.js'

/** A client whose get call answers from a script of statuses (or errors), counting calls. */
function scriptedClient(script: Array<string | Error>, envelope: 'run' | 'batch' = 'run') {
  const calls: unknown[] = []
  const client = {
    call: async (_endpoint: unknown, payload: unknown) => {
      calls.push(payload)
      const step = script[Math.min(calls.length - 1, script.length - 1)]
      if (step instanceof Error) throw step
      return { [envelope]: { uuid: 'u-1', status: step } }
    },
  } as unknown as CargoClient
  return { client, calls }
}

const noInterrupts = () => () => {}

describe('nextInterval', () => {
  it('keeps the base interval for the first minute, then backs off toward 15 s', () => {
    expect(nextInterval(2000, 2000, 59_000)).toBe(2000)
    expect(nextInterval(2000, 2000, 61_000)).toBe(3000)
    expect(nextInterval(12_000, 2000, 90_000)).toBe(BACKOFF_CAP_MS)
    expect(nextInterval(BACKOFF_CAP_MS, 2000, 300_000)).toBe(BACKOFF_CAP_MS)
  })

  it('never shortens an interval that is already above the cap', () => {
    expect(nextInterval(20_000, 20_000, 120_000)).toBe(20_000)
  })
})

describe('waitUntilFinished', () => {
  it('polls at the run interval until a terminal status', async () => {
    const clock = new FakeClock()
    const { client, calls } = scriptedClient(['pending', 'running', 'running', 'success'])
    const outcome = await waitUntilFinished(waitForRun, 'u-1', { client, clock, onInterrupt: noInterrupts })
    expect(outcome).toEqual({ outcome: 'finished', status: 'success', result: { run: { uuid: 'u-1', status: 'success' } } })
    expect(calls).toEqual([{ uuid: 'u-1' }, { uuid: 'u-1' }, { uuid: 'u-1' }, { uuid: 'u-1' }])
    expect(clock.sleeps).toEqual([2000, 2000, 2000])
  })

  it.each(['error', 'cancelled', 'skipped'])('stops on %s', async (status) => {
    const { client } = scriptedClient(['running', status])
    const outcome = await waitUntilFinished(waitForRun, 'u-1', { client, clock: new FakeClock(), onInterrupt: noInterrupts })
    expect(outcome).toMatchObject({ outcome: 'finished', status })
  })

  it('uses 5 s for batches and honours an explicit interval', async () => {
    const clock = new FakeClock()
    const { client } = scriptedClient(['running', 'success'], 'batch')
    await waitUntilFinished(waitForBatch, 'u-1', { client, clock, onInterrupt: noInterrupts })
    expect(clock.sleeps).toEqual([5000])
    const other = new FakeClock()
    await waitUntilFinished(waitForBatch, 'u-1', { client: scriptedClient(['running', 'success'], 'batch').client, clock: other, onInterrupt: noInterrupts, intervalMs: 700 })
    expect(other.sleeps).toEqual([700])
  })

  it('makes no more requests for a 60-second run than the policy allows', async () => {
    const clock = new FakeClock()
    const client = {
      call: async () => ({ run: { uuid: 'u', status: clock.now() >= 60_000 ? 'success' : 'running' } }),
    } as unknown as CargoClient
    let polls = 0
    await waitUntilFinished(waitForRun, 'u', { client, clock, onInterrupt: noInterrupts, onProgress: () => polls++ })
    expect(polls).toBe(31)
  })

  it('retries transient errors and still ends with the final state', async () => {
    const unavailable = new ApiError('server', 'Server error', { status: 503 })
    const network = new ApiError('network', 'Network error')
    const { client, calls } = scriptedClient(['running', unavailable, network, 'success'])
    const outcome = await waitUntilFinished(waitForRun, 'u-1', { client, clock: new FakeClock(), onInterrupt: noInterrupts })
    expect(outcome).toMatchObject({ outcome: 'finished', status: 'success' })
    expect(calls).toHaveLength(4)
  })

  it('gives up after too many transient errors in a row', async () => {
    const unavailable = new ApiError('server', 'Server error', { status: 503 })
    const { client, calls } = scriptedClient([unavailable])
    await expect(waitUntilFinished(waitForRun, 'u-1', { client, clock: new FakeClock(), onInterrupt: noInterrupts })).rejects.toEqual(
      new WaitFailure(unavailable, undefined, undefined),
    )
    expect(calls).toHaveLength(MAX_TRANSIENT_FAILURES)
  })

  it('fails at once on a 404', async () => {
    const notFound = new ApiError('request', 'Not found', { status: 404 })
    const { client, calls } = scriptedClient([notFound])
    const failure = (await waitUntilFinished(waitForRun, 'u-1', { client, clock: new FakeClock(), onInterrupt: noInterrupts }).catch((error: unknown) => error)) as WaitFailure
    expect([failure, failure.cause]).toEqual([expect.any(WaitFailure), notFound])
    expect(calls).toHaveLength(1)
  })

  it('stops at the timeout with the last known state', async () => {
    const clock = new FakeClock()
    const { client, calls } = scriptedClient(['running'])
    const outcome = await waitUntilFinished(waitForRun, 'u-1', { client, clock, onInterrupt: noInterrupts, timeoutMs: 5000 })
    expect(outcome).toEqual({ outcome: 'timedOut', status: 'running', result: { run: { uuid: 'u-1', status: 'running' } } })
    expect(clock.now()).toBe(5000)
    // polls at 0, 2 and 4 s, and a last one at the deadline
    expect(clock.sleeps).toEqual([2000, 2000, 1000])
    expect(calls).toHaveLength(4)
  })

  it('stops on an interrupt with the last known state', async () => {
    const clock = new FakeClock()
    let interrupt: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined
    let unsubscribed = false
    const onInterrupt = (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => {
      interrupt = handler
      return () => {
        unsubscribed = true
      }
    }
    const { client, calls } = scriptedClient(['pending', 'running', 'running', 'running'])
    const progress = (status: string | undefined) => {
      if (status === 'running') interrupt?.('SIGINT')
    }
    const outcome = await waitUntilFinished(waitForRun, 'u-1', { client, clock, onInterrupt, onProgress: progress })
    expect(outcome).toMatchObject({ outcome: 'interrupted', signal: 'SIGINT', status: 'running' })
    expect(calls).toHaveLength(2)
    expect(unsubscribed).toBe(true)
  })
})
