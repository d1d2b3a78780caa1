import * as Flags from '@oclif/core/flags'
import { actionKinds, type ActionKind } from '../../../api/action-search.js'
import { ActionSearchCommand, keywordsArg, searchLimitFlag } from '../../../cli/action-search-command.js'
import { UsageError } from '../../../cli/cli-error.js'

export default class ActionList extends ActionSearchCommand {
  static summary = 'Find runnable actions by keyword: connector actions, native actions, tools and agents. Runs nothing.'
  static description = [
    'Every keyword must match. A match on the action (slug or name) ranks above one on its integration, which ranks',
    'above one on the description. Each result carries `action`, the object `action execute --action` takes (with the',
    "workspace's default connector filled in), and the credits it bills. Graph nodes (start, branch, filter, …) are left out.",
    "Cargo's search call is not public: this searches the integration catalogue, the native actions, and the workspace's",
    'tools and agents through their list calls.',
  ].join('\n')
  static examples = [
    '<%= config.bin %> orchestration action list enrich company',
    '<%= config.bin %> orchestration action list --kind tool',
    '<%= config.bin %> orchestration action list email --kind connector --integration-slug hunter',
    "<%= config.bin %> orchestration action list enrich company --query 'results[0].action'",
  ]
  static strict = false
  static args = { keywords: keywordsArg(false) }
  static flags = {
    kind: Flags.string({ summary: 'Only actions of this kind.', options: [...actionKinds] }),
    'integration-slug': Flags.string({ summary: 'Only the actions of this integration (connector actions).' }),
    limit: searchLimitFlag,
  }

  async run(): Promise<void> {
    const { flags, argv } = await this.parseArgv(ActionList)
    const keywords = argv as string[]
    if (keywords.length === 0 && !flags.kind && !flags['integration-slug']) {
      throw new UsageError('Give keywords to search for, or narrow the list with --kind or --integration-slug')
    }
    const kinds = flags.kind ? [flags.kind as ActionKind] : undefined
    await this.search(keywords, flags.limit, { kinds, integrationSlug: flags['integration-slug'] }, flags.profile)
  }
}
