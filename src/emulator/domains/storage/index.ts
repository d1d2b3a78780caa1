/** The storage domain of the emulator: datasets, models and their columns, relationships, records and exports. */
export { storageHandlers } from './handlers.js'
export { STORAGE_SEED, storageDocs } from './seed.js'
