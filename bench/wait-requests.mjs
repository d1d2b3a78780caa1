// Requests made by --wait-until-finished for a run that takes 60 s, on a fake clock, against the policy.
import { waitUntilFinished, BACKOFF_AFTER_MS } from '../dist/cli/wait.js'
import { waitForRun, waitForBatch } from '../dist/cli/waiters/orchestration.js'

for (const [policy, seconds] of [[waitForRun, 60], [waitForRun, 300], [waitForBatch, 60]]) {
  let now = 0
  let requests = 0
  const clock = { now: () => now, sleep: async (ms) => void (now += ms) }
  const client = { call: async () => (requests++, { [policy.noun]: { uuid: 'u', status: now >= seconds * 1000 ? 'success' : 'running' } }) }
  await waitUntilFinished(policy, 'u', { client, clock, onInterrupt: () => () => {} })
  // the policy: one poll at once, then one per interval for the first minute, then fewer
  const allowed = 1 + Math.ceil(Math.min(seconds * 1000, BACKOFF_AFTER_MS) / policy.intervalMs) + Math.ceil(Math.max(0, seconds * 1000 - BACKOFF_AFTER_MS) / policy.intervalMs)
  console.log(`${policy.noun} finishing after ${seconds} s: ${requests} requests (the interval alone would allow ${allowed}: ${requests <= allowed ? 'met' : 'NOT met'})`)
}
