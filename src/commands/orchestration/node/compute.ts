import { computeNode } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: computeNode,
  summary: "Resolve a node's config expressions against a context, with no side effects.",
  examples: ["<%= config.bin %> orchestration node compute --node '{\"uuid\":\"55555555-5555-4555-a555-555555555555\",\"slug\":\"enrich_company\",\"kind\":\"connector\",\"integrationSlug\":\"clearbit\",\"actionSlug\":\"enrichCompanyFromDomain\",\"connectorUuid\":\"abc-123\",\"config\":{\"domain\":{\"kind\":\"templateExpression\",\"expression\":\"{{nodes.start.domain}}\",\"instructTo\":\"none\",\"fromRecipe\":false}},\"childrenUuids\":[\"66666666-6666-4666-a666-666666666666\"],\"fallbackOnFailure\":false,\"position\":{\"x\":0,\"y\":166}}' --context '{\"nodes\":{\"start\":{\"domain\":\"acme.com\"}}}'", "<%= config.bin %> orchestration node compute --node @node.json --context '{\"nodes\":{\"start\":{\"domain\":\"acme.com\"}}}'"],
})
