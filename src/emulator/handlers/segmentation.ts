import type { Handler } from '../context.js'

/** Emulated segmentation endpoints (to be filled). */
export const segmentationHandlers: Array<[string, Handler]> = []
