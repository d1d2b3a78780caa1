import * as Flags from '@oclif/core/flags'
import type { CargoClient } from '../../../api/client.js'
import { getIntegration } from '../../../api/endpoints/connection.js'
import { getDeployedRelease, getDraftRelease, getRelease, getRun } from '../../../api/endpoints/orchestration.js'
import { BaseCommand } from '../../../cli/base-command.js'
import { CliError, UsageError } from '../../../cli/cli-error.js'
import { type FieldFlag, readJsonValue, splitCsv } from '../../../cli/flag-values.js'
import { write } from '../../../cli/output.js'
import { checkPayload } from '../../../cli/payload-check.js'
import { connectorIntegrations, type DiagramNode, readDiagramNodes } from '../../../diagram/diagram-nodes.js'
import type { Direction } from '../../../diagram/mermaid.js'
import type { IntegrationNames } from '../../../diagram/node-graph.js'
import { type DiagramFormat, rawDiagram, renderDiagram } from '../../../diagram/render-diagram.js'

const sourceFlags = ['nodes', 'file', 'workflow-uuid', 'release-uuid', 'run-uuid'] as const
type SourceFlag = (typeof sourceFlags)[number]

export default class NodeDiagram extends BaseCommand {
  static summary = 'Draw a node graph as a Mermaid flowchart or as text for a terminal (free: runs nothing).'
  static description = `Give exactly one source: --nodes (inline JSON, @file, or - for standard input; the output of release get or release get-draft is read as it is), --file, --workflow-uuid (its deployed release, or its draft with --draft), --release-uuid, or --run-uuid (the nodes the run carries, else its release). With --nodes or --file nothing is sent and no sign-in is needed.

Nodes are keyed by uuid, never by slug. Each edge is labelled by what its node does with that childrenUuids index: branch yes/no, filter "if true", switch the route names, split "A <pct>%" and "B <100-pct>%", group "for each item" into its sub-graph and "then" after it. A fallbackChildUuid to another node is a dashed "on failure" edge; to the node's own next step, a ↷ on its label.

Unconnected outputs (null in childrenUuids), children that point at no node and nodes unreachable from start are listed in "warnings" and shown in the drawing (comments in Mermaid, a "warnings:" section in ascii). Cycles and merges are drawn once (ascii names a node met again with ↩).

In ascii, a graph read from the API names its connector steps as people know them ("Clearbit / Enrich company"), from one integration get per integration (one that fails leaves the slugs).

Prints {"format", "diagram", "warnings"}; --raw prints the diagram alone (Mermaid in a fenced block). This command's --format (mermaid|ascii) takes the place of the global json|table one.`
  static examples = [
    '<%= config.bin %> orchestration node diagram --workflow-uuid 00000000-0000-4000-8000-000000000102 --format ascii --raw',
    '<%= config.bin %> orchestration node diagram --workflow-uuid 00000000-0000-4000-8000-000000000102 --draft --paid enrich --highlight is_large --raw',
    '<%= config.bin %> orchestration node diagram --workflow-uuid 00000000-0000-4000-8000-000000000102 --query warnings',
    `<%= config.bin %> orchestration node diagram --nodes '[{"uuid":"a","slug":"start","kind":"native","actionSlug":"start","config":{},"childrenUuids":["b"]},{"uuid":"b","slug":"end","kind":"native","actionSlug":"end","config":{},"childrenUuids":[]}]' --title "Smallest graph" --direction LR --raw`,
    '<%= config.bin %> orchestration release get-draft --workflow-uuid 00000000-0000-4000-8000-000000000102 | <%= config.bin %> orchestration node diagram --nodes - --format ascii --raw',
    '<%= config.bin %> orchestration node diagram --run-uuid <run-uuid> --highlight <node-slug> --raw',
  ]
  static flags = {
    nodes: Flags.string({ summary: 'Node array as inline JSON, @file, or - for standard input.', helpGroup: 'SOURCE (exactly one)' }),
    file: Flags.string({ summary: 'Read the node array from this JSON file.', helpGroup: 'SOURCE (exactly one)' }),
    'workflow-uuid': Flags.string({ summary: "Draw this workflow's deployed release (--draft: its draft).", helpGroup: 'SOURCE (exactly one)' }),
    draft: Flags.boolean({ summary: 'With --workflow-uuid: draw the draft release instead of the deployed one.', helpGroup: 'SOURCE (exactly one)' }),
    'release-uuid': Flags.string({ summary: 'Draw this release.', helpGroup: 'SOURCE (exactly one)' }),
    'run-uuid': Flags.string({ summary: "Draw the graph a run executed (its own nodes, else its release's).", helpGroup: 'SOURCE (exactly one)' }),
    format: Flags.string({ summary: 'mermaid to paste where it renders (GitHub, docs), ascii for a terminal.', options: ['ascii', 'mermaid'], default: 'mermaid' }),
    title: Flags.string({ summary: 'Title drawn above the diagram.' }),
    direction: Flags.string({ summary: 'Mermaid flow direction (top-down or left-right); ascii ignores it.', options: ['TD', 'LR'], default: 'TD' }),
    paid: Flags.string({ summary: 'Comma-separated slugs or uuids of nodes that bill credits: marked 💳.' }),
    highlight: Flags.string({ summary: 'Comma-separated slugs or uuids of nodes to mark: red in Mermaid, ◀── in ascii.' }),
    raw: Flags.boolean({ summary: 'Print the diagram itself instead of JSON (Mermaid in a fenced block).' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(NodeDiagram)
    const given = sourceFlags.filter((name) => flags[name] !== undefined)
    if (given.length !== 1) {
      const which = given.length === 0 ? 'none was given' : `got ${given.map((name) => `--${name}`).join(' and ')}`
      throw new UsageError(`Give exactly one source: --nodes, --file, --workflow-uuid, --release-uuid or --run-uuid (${which})`)
    }
    if (flags.raw && flags.query !== undefined) throw new UsageError('--raw prints the diagram itself and --query selects from the JSON answer: give one of them')
    if (flags.draft && given[0] !== 'workflow-uuid') throw new UsageError('--draft goes with --workflow-uuid (it picks the draft release of a workflow)')

    const source = given[0]
    const nodes = await this.nodesFrom(source, flags[source]!, flags.draft, flags.profile)
    const offline = source === 'nodes' || source === 'file'
    const diagram = renderDiagram(nodes, {
      format: flags.format as DiagramFormat,
      integrations: flags.format === 'ascii' && !offline ? await integrationNames(await this.client(flags.profile), nodes) : undefined,
      title: flags.title,
      direction: flags.direction as Direction,
      paid: flags.paid === undefined ? undefined : splitCsv(flags.paid),
      highlight: flags.highlight === undefined ? undefined : splitCsv(flags.highlight),
    })
    if (flags.raw) await write(this.factory.io.stdout, rawDiagram(diagram))
    else await this.print(diagram)
  }

  private async nodesFrom(source: SourceFlag, value: string, draft: boolean, profile: string | undefined): Promise<DiagramNode[]> {
    if (source === 'nodes' || source === 'file') {
      // offline: no session is asked for, so no sign-in is needed
      const json = await readJsonValue(source, source === 'file' ? `@${value}` : value, this.factory.io.stdin as never)
      return nodesOrUsageError(`--${source}`, json)
    }
    // the client drops null fields from results but keeps null array items: childrenUuids nulls reach the warnings
    if (source === 'run-uuid') {
      const client = await this.checkedClient(getRun, { uuid: value }, 'uuid', source, profile)
      const { run } = await client.call(getRun, { uuid: value })
      if (Array.isArray(run.nodes) && run.nodes.length > 0) return nodesOrApiError(`run ${value}`, run.nodes)
      if (!run.releaseUuid) throw new CliError(`Run ${value} carries neither nodes nor a releaseUuid: there is no graph to draw`)
      return nodesOrApiError(`release ${run.releaseUuid}`, (await client.call(getRelease, { uuid: run.releaseUuid })).release?.nodes)
    }
    if (source === 'release-uuid') {
      const client = await this.checkedClient(getRelease, { uuid: value }, 'uuid', source, profile)
      return nodesOrApiError(`release ${value}`, (await client.call(getRelease, { uuid: value })).release?.nodes)
    }
    const endpoint = draft ? getDraftRelease : getDeployedRelease
    const client = await this.checkedClient(endpoint, { workflowUuid: value }, 'workflowUuid', source, profile)
    const { release } = await client.call(endpoint, { workflowUuid: value })
    return nodesOrApiError(`the ${draft ? 'draft' : 'deployed'} release of workflow ${value}`, release?.nodes)
  }

  /** Refuses a malformed value as the endpoint's own payload check does (exit 2, nothing sent), then signs in. */
  private async checkedClient(endpoint: { payload: Parameters<typeof checkPayload>[0] }, payload: Record<string, string>, field: string, flag: SourceFlag, profile?: string): Promise<CargoClient> {
    const fields: FieldFlag[] = [{ field, flag, name: flag, kind: 'string', required: true, nullable: false }]
    checkPayload(endpoint.payload, payload, fields, [])
    return this.client(profile)
  }
}

/**
 * The names a person knows connector steps by ("Clearbit / Enrich company"), for the ascii drawing of a graph
 * read from the API. One call per integration; one that fails leaves its slugs in the drawing.
 */
async function integrationNames(client: CargoClient, nodes: DiagramNode[]): Promise<IntegrationNames> {
  const answers = await Promise.allSettled(connectorIntegrations(nodes).map((slug) => client.call(getIntegration, { slug })))
  const names: IntegrationNames = {}
  for (const answer of answers) {
    const integration = answer.status === 'fulfilled' ? answer.value?.integration : undefined
    if (typeof integration?.slug !== 'string' || typeof integration.name !== 'string') continue
    const actions = Object.entries(integration.actions ?? {}).filter(([, about]) => typeof about?.name === 'string')
    names[integration.slug] = { name: integration.name, actions: Object.fromEntries(actions.map(([action, about]) => [action, about.name])) }
  }
  return names
}

function nodesOrUsageError(what: string, value: unknown): DiagramNode[] {
  const reading = readDiagramNodes(value)
  if (!reading.ok) throw new UsageError(`${what}: cannot draw these nodes: ${reading.problems.join('; ')}`)
  return reading.nodes
}

function nodesOrApiError(what: string, value: unknown): DiagramNode[] {
  const reading = readDiagramNodes(value ?? [])
  if (!reading.ok) throw new CliError(`The nodes of ${what} cannot be drawn: ${reading.problems.join('; ')}`)
  return reading.nodes
}
