import type { Handler } from '../context.js'

/** Emulated content endpoints (to be filled). */
export const contentHandlers: Array<[string, Handler]> = []
