import { createColumn } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createColumn,
  summary: 'Add a custom, computed, metric or lookup column to a model.',
  examples: [
    `<%= config.bin %> storage column create --model-uuid <uuid> --column '{"slug":"my_column","type":"string","label":"My Column","kind":"custom"}'`,
    `<%= config.bin %> storage column create --model-uuid <uuid> --column '{"slug":"arr","type":"number","label":"Annual Recurring Revenue","kind":"custom"}'`,
    `<%= config.bin %> storage column create --model-uuid <uuid> --column '{"slug":"full_name","type":"string","label":"Full Name","kind":"computed","expression":{"kind":"jsExpression","expression":"{{record.first_name}} {{record.last_name}}","instructTo":"none","fromRecipe":false},"columnsUsed":["first_name","last_name"]}'`,
    `<%= config.bin %> storage column create --model-uuid <uuid> --column '{"slug":"total_deals","type":"number","label":"Total Deals","kind":"metric","relationshipUuid":"<relationship-uuid>","aggregation":{"function":"count","columnSlug":"uuid"}}'`,
    `<%= config.bin %> storage column create --model-uuid <uuid> --column '{"slug":"company_name","type":"string","label":"Company Name","kind":"lookup","join":{"toModelUuid":"<company-model-uuid>","fromColumnSlug":"company_uuid","toColumnSlug":"uuid"},"extractColumnSlug":"name"}'`,
  ],
})
