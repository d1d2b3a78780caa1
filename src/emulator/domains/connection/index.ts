/** The connection domain of the emulator: connectors, integrations of the catalogue and custom integrations. */
export { connectionHandlers } from './handlers.js'
export { CONNECTION_SEED, connectionDocs } from './seed.js'
