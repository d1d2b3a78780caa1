import type { Handler } from '../context.js'

/** Emulated billing endpoints (to be filled). */
export const billingHandlers: Array<[string, Handler]> = []
