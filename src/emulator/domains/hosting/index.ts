/** The hosting domain of the emulator: apps, workers and their deployments. */
export { hostingHandlers } from './handlers.js'
export { HOSTING_SEED, hostingDocs } from './seed.js'
