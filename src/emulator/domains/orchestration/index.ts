/**
 * The orchestration domain of the emulator: tools, plays, workflows and their releases, runs and batches moving
 * on simulated time (simulation.ts, started by runtime.ts), records, spans and traces derived from runs, SQL
 * over the workspace, downloads.
 */
export { orchestrationHandlers } from './handlers.js'
export { orchestrationDocs } from './seed.js'
