/**
 * The local Cargo API: `createEmulator` answers Web Requests (in-process fetch replacement, tests),
 * `startEmulatorServer` serves the same thing over HTTP. State is a SQLite file shared by processes.
 */
export { type Emulator, type EmulatorCredentials, type EmulatorOptions, createEmulator } from './emulator.js'
export { type EmulatorServer, type EmulatorServerOptions, startEmulatorServer } from './server.js'
export { SEED } from './kernel/seeded.js'
export { SPEED_ENV } from './kernel/timing.js'
export { endpoints, matchRoute } from './kernel/routes.js'
export { companyProfile } from './catalog.js'
