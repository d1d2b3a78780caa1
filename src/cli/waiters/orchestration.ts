import type { Endpoint } from '../../api/endpoint.js'
import { getBatch, getRun } from '../../api/endpoints/orchestration.js'
import type { WaitPolicy } from '../wait.js'

type Envelope = Record<string, { uuid?: string; status?: string } | undefined>

/** Runs and batches answer `{run}` / `{batch}` both when started and when polled; skipped is final too. */
function envelopePolicy(noun: 'run' | 'batch', endpoint: Endpoint, intervalMs: number): WaitPolicy {
  return {
    noun,
    endpoint,
    uuidFrom: (started) => (started as Envelope)?.[noun]?.uuid,
    statusOf: (result) => (result as Envelope)?.[noun]?.status,
    intervalMs,
    terminal: ['success', 'error', 'cancelled', 'skipped'],
    failed: ['error', 'cancelled', 'skipped'],
    resumeCommand: `orchestration ${noun} wait`,
  }
}

/** Runs: poll GET runs/{uuid} every 2 s; prints the full get result (run, runContext, runComputedConfigs). */
export const waitForRun = envelopePolicy('run', getRun, 2000)

/** Batches: poll GET batches/{uuid} every 5 s. */
export const waitForBatch = envelopePolicy('batch', getBatch, 5000)
