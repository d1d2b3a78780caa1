import { autocompleteConnector } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: autocompleteConnector,
  summary: 'List the values an autocomplete config field accepts, fetched live through a connector.',
  description: `A field needs this when its uiSchema has "ui:widget": "IntegrationAutocompleteWidget"; --slug and --params come from its "ui:options". Put each result's value (not its label) in the node config.`,
  examples: [
    `<%= config.bin %> connection connector autocomplete --connector-uuid <connector-uuid> --slug listObjects --params '{}'`,
    `<%= config.bin %> connection connector autocomplete --connector-uuid <connector-uuid> --slug listObjectProperties --params '{"objectType": "contacts"}' --value email`,
    `<%= config.bin %> connection connector autocomplete --connector-uuid <connector-uuid> --slug listObjects --params '{}' --refresh`,
  ],
})
