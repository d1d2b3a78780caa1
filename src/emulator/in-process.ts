import { join } from 'node:path'
import type { FetchLike } from '../api/transport.js'
import { createEmulator, type Emulator } from './emulator.js'

/** The origin of the embedded emulator: never resolved on the network, only matched by `inProcessFetch`. */
export const IN_PROCESS_ORIGIN = 'http://emulator.cargo.local'

/** One state for the embedded and the served emulator of a config directory. */
export function emulatorDbPath(configDir: string): string {
  return join(configDir, 'emulator.db')
}

export function openEmulator(configDir: string, publicUrl?: string): Emulator {
  return createEmulator({ dbPath: emulatorDbPath(configDir), publicUrl })
}

/**
 * A fetch that hands each request to the embedded emulator: the CLI's whole request/response path
 * (headers, bodies, errors, downloads) is the same as over HTTP, without a server process.
 */
export function inProcessFetch(configDir: string): FetchLike {
  let emulator: Emulator | undefined
  return async (input, init) => {
    emulator ??= openEmulator(configDir, IN_PROCESS_ORIGIN)
    return emulator.handle(new Request(input, init))
  }
}
