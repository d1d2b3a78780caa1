import type { Handler } from '../context.js'

/** Emulated system-of-record endpoints (to be filled). */
export const systemOfRecordHandlers: Array<[string, Handler]> = []
