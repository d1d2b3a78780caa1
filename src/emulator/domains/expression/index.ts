/** The expression domain of the emulator: evaluation with the runtime's own expression engine, and recipes. */
export { expressionHandlers } from './handlers.js'
export { EXPRESSION_SEED, expressionDocs } from './seed.js'
