import * as Flags from '@oclif/core/flags'
import { integrationCategory, type IntegrationCategory } from '../../../api/schemas/connection.js'
import { ActionSearchCommand, keywordsArg, searchLimitFlag } from '../../../cli/action-search-command.js'
import { UsageError } from '../../../cli/cli-error.js'

export default class ActionSearch extends ActionSearchCommand {
  static summary = 'Search the connector actions of the integration catalogue by keyword, by category or by credits.'
  static description = [
    'Every keyword must match; ranking as in `orchestration action list`, which also finds native actions, tools and',
    "agents. Cargo's search call is not public: this searches the integration catalogue (connection integration list).",
  ].join('\n')
  static examples = [
    '<%= config.bin %> connection action search enrich company --credits-only',
    '<%= config.bin %> connection action search find email --category enrichment',
    "<%= config.bin %> connection action search email --integration hunter --query 'results[].actionSlug' --raw",
  ]
  static strict = false
  static args = { keywords: keywordsArg(true) }
  static flags = {
    category: Flags.string({ summary: 'Only integrations of this category.', options: [...integrationCategory.options] }),
    integration: Flags.string({ summary: 'Only the actions of this integration slug.' }),
    'credits-only': Flags.boolean({ summary: 'Only actions that bill Cargo credits.' }),
    limit: searchLimitFlag,
  }

  async run(): Promise<void> {
    const { flags, argv } = await this.parseArgv(ActionSearch)
    const keywords = argv as string[]
    if (keywords.length === 0) throw new UsageError('Give at least one keyword to search for')
    const filters = { kinds: ['connector'] as const, integrationSlug: flags.integration, category: flags.category as IntegrationCategory | undefined, creditsOnly: flags['credits-only'] }
    await this.search(keywords, flags.limit, filters, flags.profile)
  }
}
