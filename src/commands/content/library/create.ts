import { createLibrary } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createLibrary,
  summary: "Create a library that syncs documents through one of a connector's extractors.",
  description: 'Only connector libraries can be created; the native library, where uploads go, exists in every workspace.',
  examples: [
    `<%= config.bin %> content library create --name "CRM contacts" --connector-uuid 00000000-0000-4000-8000-000000003001 --extractor-slug contacts --config '{}'`,
  ],
})
