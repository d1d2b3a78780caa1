/** The content domain of the emulator: knowledge libraries and their files, whose bytes are kept. */
export { contentHandlers } from './handlers.js'
export { CONTENT_SEED, contentDocs } from './seed.js'
