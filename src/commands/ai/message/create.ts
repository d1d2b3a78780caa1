import { createMessage } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForMessage } from '../../../cli/waiters/ai.js'

export default defineCommand({
  endpoint: createMessage,
  summary: 'Send a message to an agent chat; the agent answers asynchronously in an assistant message.',
  description: `Without --wait-until-finished this prints {userMessage, assistantMessage} at once, the assistant message
still pending. With it, the assistant message is polled every 2 s (ai message get) until it is success, error
or cancelled, and its final {message} is printed.`,
  examples: [
    "<%= config.bin %> ai message create --chat-uuid <uuid> --parts '[{\"type\":\"text\",\"text\":\"...\"}]'",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Find the VP of Sales at Acme Corp\"}]'",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Enrich this lead and add to Salesforce\"}]' --actions '[{\"slug\":\"clearbit\",\"kind\":\"tool\",\"toolUuid\": \"<tool-uuid>\",\"config\":{}},{\"slug\":\"salesforce\",\"kind\":\"tool\",\"config\":{}}]'",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Find all companies in France with more than 100 employees\"}]' --resources '[{\"slug\":\"companies\",\"kind\":\"model\",\"integrationSlug\":\"salesforce\",\"modelUuid\":\"<model-uuid>\"}]'",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Write a creative subject line for this campaign\"}]' --language-model-slug gpt-4o --temperature 0.9",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Research Acme Corp, enrich their data, and update our CRM\"}]' --actions '[{\"slug\":\"clearbit\",\"kind\":\"tool\",\"config\":{}},{\"slug\":\"salesforce\",\"kind\":\"tool\",\"config\":{}}]' --resources '[{\"slug\":\"companies\",\"kind\":\"model\",\"integrationSlug\":\"salesforce\",\"modelUuid\":\"<model-uuid>\"}]' --language-model-slug gpt-4o --temperature 0.3 --max-steps 10",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Research the VP of Sales at acme.com.\"}]' --actions '[{\"slug\":\"find_email\",\"kind\":\"tool\",\"toolUuid\":\"<email-finder-tool-uuid>\",\"config\":{}}]' --max-steps 10",
    "<%= config.bin %> ai message create --chat-uuid <chat-uuid> --parts '[{\"type\":\"text\",\"text\":\"Find the VP of Sales at Acme Corp\"}]' --wait-until-finished",
  ],
  wait: waitForMessage,
})
