import * as Flags from '@oclif/core/flags'
import { validateNodes } from '../../../api/endpoints/orchestration.js'
import { ExitCode } from '../../../cli/cli-error.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: validateNodes,
  summary: 'Check a node graph for structural errors before running or deploying it.',
  description:
    'An invalid graph is an answer, not a failure: it prints {"outcome":"notValid","invalidNodes":[…]} and exits 0. With --exit-status it exits 5 instead, so that a script or CI step stops on it.',
  examples: ["<%= config.bin %> orchestration node validate --nodes '[...]'"],
  extraFlags: {
    'exit-status': Flags.boolean({ summary: 'Exit 5 when the graph is notValid (the answer is printed all the same).' }),
  },
  // not a filter: the answer prints unchanged, and --exit-status decides the exit code from it
  filterResult: (result, flags) => {
    if (flags['exit-status'] && result.outcome === 'notValid') process.exitCode = ExitCode.waitedFailed
    return result
  },
})
