import type { Handler } from '../context.js'

/** Emulated ai endpoints (to be filled). */
export const aiHandlers: Array<[string, Handler]> = []
