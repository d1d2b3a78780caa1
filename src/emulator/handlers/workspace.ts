import type { Handler } from '../context.js'

/** Emulated workspaceManagement endpoints beyond sign-in (to be filled). */
export const workspaceHandlers: Array<[string, Handler]> = []
