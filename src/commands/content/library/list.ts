import { listLibraries } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listLibraries,
  summary: 'List the knowledge libraries: the native one that holds uploads, and those synced by connectors.',
  examples: [
    '<%= config.bin %> content library list',
    '<%= config.bin %> content library list --kind native',
    '<%= config.bin %> content library list --kind connector --connector-uuid 00000000-0000-4000-8000-000000003001',
  ],
})
