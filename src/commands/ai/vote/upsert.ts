import { upsertVote } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: upsertVote,
  summary: 'Give (or change) a thumbs-up or thumbs-down on an assistant message.',
  examples: [
    '<%= config.bin %> ai vote upsert --chat-uuid <chat-uuid> --message-uuid <assistant-message-uuid> --is-upvoted',
    '<%= config.bin %> ai vote upsert --chat-uuid <chat-uuid> --message-uuid <assistant-message-uuid>',
  ],
  // the API requires isUpvoted: no flag means a thumbs-down
  prepare: async (payload) => ({ ...payload, isUpvoted: payload.isUpvoted ?? false }),
})
