import type { Handler } from '../context.js'

/** Emulated connection endpoints (to be filled). */
export const connectionHandlers: Array<[string, Handler]> = []
