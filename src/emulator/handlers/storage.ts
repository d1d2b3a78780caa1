import type { Handler } from '../context.js'

/** Emulated storage endpoints (to be filled). */
export const storageHandlers: Array<[string, Handler]> = []
