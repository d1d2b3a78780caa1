/**
 * Simulated durations. Nothing runs in the background: a run's timeline is fixed when it is created and
 * its visible state is computed from `now()` whenever it is read.
 */
export interface Timing {
  /** from creation until a run starts executing */
  pendingMs: number
  /** how long each node execution takes */
  nodeMs: number
  /** delay between the starts of two consecutive runs of a batch */
  staggerMs: number
}

const base: Timing = { pendingMs: 300, nodeMs: 300, staggerMs: 100 }

export const SPEED_ENV = 'CARGO_AI_EMULATOR_SPEED'

/** `speed` divides every duration; `Infinity` (or "instant" in the environment) makes runs finish at once. */
export function timingFor(speed: number): Timing {
  if (!(speed > 0)) throw new Error(`Emulator speed must be a positive number, got ${speed}`)
  const scale = (ms: number) => (Number.isFinite(speed) ? Math.round(ms / speed) : 0)
  return { pendingMs: scale(base.pendingMs), nodeMs: scale(base.nodeMs), staggerMs: scale(base.staggerMs) }
}

export function speedFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SPEED_ENV]?.trim()
  if (!raw) return 1
  if (raw === 'instant') return Number.POSITIVE_INFINITY
  const speed = Number(raw)
  if (!(speed > 0)) throw new Error(`${SPEED_ENV} must be a positive number or "instant", got "${raw}"`)
  return speed
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
