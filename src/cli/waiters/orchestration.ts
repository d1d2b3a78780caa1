import { getBatch, getRun } from '../../api/endpoints/orchestration.js'
import type { WaitPolicy } from '../wait.js'

const finalStatuses = ['success', 'error', 'cancelled', 'skipped'] as const
const failedStatuses = ['error', 'cancelled', 'skipped'] as const

type Envelope = { run?: { uuid?: string; status?: string }; batch?: { uuid?: string; status?: string } }

/** Runs: poll GET runs/{uuid} every 2 s; prints the full get result (run, runContext, runComputedConfigs). */
export const waitForRun: WaitPolicy = {
  noun: 'run',
  endpoint: getRun,
  uuidFrom: (started) => (started as Envelope)?.run?.uuid,
  statusOf: (result) => (result as Envelope)?.run?.status,
  intervalMs: 2000,
  terminal: finalStatuses,
  failed: failedStatuses,
  resumeCommand: 'orchestration run wait',
}

/** Batches: poll GET batches/{uuid} every 5 s. */
export const waitForBatch: WaitPolicy = {
  noun: 'batch',
  endpoint: getBatch,
  uuidFrom: (started) => (started as Envelope)?.batch?.uuid,
  statusOf: (result) => (result as Envelope)?.batch?.status,
  intervalMs: 5000,
  terminal: finalStatuses,
  failed: failedStatuses,
  resumeCommand: 'orchestration batch wait',
}
