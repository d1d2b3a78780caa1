import { getConnectorLanguageModels } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getConnectorLanguageModels,
  summary: 'List the language models an AI integration offers through a connector.',
  examples: [
    '<%= config.bin %> connection connector get-language-models --connector-uuid <connector-uuid>',
  ],
})
