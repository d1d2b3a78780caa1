import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import { type ActionSearch, searchActions } from '../api/action-search.js'
import { BaseCommand } from './base-command.js'
import { UsageError } from './cli-error.js'
import { parseInteger } from './flag-values.js'

export const MAX_SEARCH_RESULTS = 50

/** Declared so help and the manifest show it; the command reads every word (strict = false), not only the first. */
export const keywordsArg = (required: boolean) => Args.string({ description: 'Words to search for; every one must match.', required })

export const searchLimitFlag = Flags.string({ summary: `Maximum results (default 20, at most ${MAX_SEARCH_RESULTS}).` })

/** Shared by `orchestration action list` and `connection action search`: keywords are the words after the command. */
export abstract class ActionSearchCommand extends BaseCommand {
  protected async search(keywords: string[], limitText: string | undefined, filters: Omit<ActionSearch, 'keywords' | 'limit'>, profile?: string): Promise<void> {
    const limit = limitText === undefined ? 20 : parseInteger('limit', limitText)
    if (limit < 1 || limit > MAX_SEARCH_RESULTS) throw new UsageError(`--limit: between 1 and ${MAX_SEARCH_RESULTS}, got ${limit}`)
    const unknownFlag = keywords.find((word) => word.startsWith('-'))
    if (unknownFlag) throw new UsageError(`Nonexistent flag: ${unknownFlag}`)
    const client = await this.client(profile)
    await this.print(await searchActions(client, { keywords, limit, ...filters }))
  }
}
