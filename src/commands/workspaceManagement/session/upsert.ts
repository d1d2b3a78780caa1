import * as Flags from '@oclif/core/flags'
import { upsertSession } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace session upsert'],
  endpoint: upsertSession,
  summary: 'Record an agent session, or update it: one session per id within the workspace.',
  examples: [
    '<%= config.bin %> workspaceManagement session upsert --session-id <id> --title "Enrich Q1 leads" --summary "Uploaded the CSV, ran the tool"',
    '<%= config.bin %> workspaceManagement session upsert --session-id <id> --title "Enrich Q1 leads" --summary "Done" --finished',
  ],
  extraFlags: {
    finished: Flags.boolean({ summary: 'Mark the session finished now (sets finishedAt to the current time).', exclusive: ['finished-at'] }),
  },
  exclusive: [['finished', 'finished-at']],
  prepare: async (payload, { flags }) => (flags.finished ? { ...payload, finishedAt: new Date().toISOString() } : payload),
})
