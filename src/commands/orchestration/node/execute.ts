import { computeNode, executeNode, getDraftRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: executeNode,
  summary: 'Execute one node for real (a live call that may use credits) and print its outcome.',
  description: `The API needs the node's resolved config and a release. When --computed-config is left out it is
computed first from --context (node compute); when --release-uuid is left out the workflow's draft release is used.`,
  examples: [
    `<%= config.bin %> orchestration node execute --workflow-uuid <tool.workflowUuid> --node @node.json --context '{"nodes":{"start":{"domain":"acme.com"}}}'`,
    `<%= config.bin %> orchestration node execute --workflow-uuid <uuid> --release-uuid <uuid> --node @node.json --computed-config '{"domain":"acme.com"}' --context '{"nodes":{}}'`,
  ],
  async prepare(payload, { client }) {
    const computedConfig =
      payload.computedConfig ??
      (await client.call(computeNode, { node: payload.node, context: payload.context, groupContext: payload.groupContext })).computedConfig
    const releaseUuid = payload.releaseUuid ?? (await client.call(getDraftRelease, { workflowUuid: payload.workflowUuid })).release.uuid
    return { ...payload, computedConfig, releaseUuid }
  },
})
