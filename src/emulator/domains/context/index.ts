/** The context domain of the emulator: the context repository as a versioned file tree, its sandbox and its graph. */
export { contextHandlers } from './handlers.js'
export { CONTEXT_SEED, contextDocs } from './seed.js'
