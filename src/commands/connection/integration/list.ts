import * as Flags from '@oclif/core/flags'
import { listIntegrations } from '../../../api/endpoints/connection.js'
import { UsageError } from '../../../cli/cli-error.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listIntegrations,
  summary: 'List the integrations Cargo offers, with their actions, extractors and config schemas.',
  description: `Every item is a whole integration, so the output is long: --query "integrations[].slug" keeps only the slugs.
--slugs takes a comma-separated list (the older --slug still works). The boolean filters take an optional value:
--has-actions, --has-actions true, --has-actions false (or --no-has-actions).`,
  examples: [
    '<%= config.bin %> connection integration list',
    '<%= config.bin %> connection integration list --search hubspot',
    '<%= config.bin %> connection integration list --category enrichment',
    '<%= config.bin %> connection integration list --slugs clearbit,hubspot --query "integrations[].name" --raw',
    '<%= config.bin %> connection integration list --has-actions true',
    '<%= config.bin %> connection integration list --has-extractors true --query "integrations[].slug" --raw',
  ],
  extraFlags: {
    // the older spelling, one slug; kept so that scripts written for it still work
    slug: Flags.string({ hidden: true, exclusive: ['slugs'], summary: 'Only the integration with this slug (older spelling of --slugs).' }),
  },
  prepare: async (payload, { flags }) => {
    if (typeof flags.slug !== 'string') return payload
    if (flags.slug === '') throw new UsageError('--slug: must not be empty')
    return { ...payload, slugs: [flags.slug] }
  },
})
