import { executeNode } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: executeNode,
  summary: 'Execute one node for real (a live call that may use credits) and print its outcome; a debugging aid.',
  description: `All five of --workflow-uuid, --release-uuid, --node, --computed-config and --context are required and
checked before anything is sent. node compute gives the computed config; release get-draft the draft release.`,
  examples: [
    `<%= config.bin %> orchestration node execute --workflow-uuid <tool.workflowUuid> --release-uuid <release-uuid> --node @node.json --computed-config '{"domain":"acme.com"}' --context '{"nodes":{"start":{"domain":"acme.com"}}}'`,
  ],
})
