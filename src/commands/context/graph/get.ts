import { getGraph } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getGraph,
  summary: "The knowledge graph of the context repository's markdown files: nodes, links, and broken links.",
  examples: ['<%= config.bin %> context graph get', "<%= config.bin %> context graph get --query 'graph.broken'"],
})
