/** The ai domain of the emulator: agents and their releases, chats and messages answered on simulated time, memories, MCP servers, documents, votes and templates. */
export { aiHandlers } from './handlers.js'
export { AI_SEED, aiDocs } from './seed.js'
