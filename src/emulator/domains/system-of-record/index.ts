/** The system-of-record domain of the emulator: warehouses a workspace syncs into, their cutovers and logs. */
export { systemOfRecordHandlers } from './handlers.js'
export { SYSTEM_OF_RECORD_SEED, systemOfRecordDocs } from './seed.js'
