import type { Hook } from '@oclif/core'
import { getHelpFlagAdditions } from '@oclif/core/help'

/**
 * oclif's init hook: refuses, before help or a command runs, a command line whose words name no command
 * (exit 2, with the nearest names). Left alone, oclif would answer `orchestration run frobnicate --help`
 * with a bare "not found", and a group followed by a flag with the group's help and exit 0.
 * Runs on every command line oclif handles, so the common case (a known command) costs one lookup.
 */
const hook: Hook<'init'> = async function ({ argv, config, id }) {
  if (id === undefined || config.findCommand(id)) return
  const helpFlags = getHelpFlagAdditions(config)
  const beforeSeparator = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  const helpRequested = helpFlags.includes(id) || beforeSeparator.some((word) => helpFlags.includes(word))
  const { CliError, ExitCode } = await import('../cli-error.js')
  let problem
  if (id.startsWith('-')) {
    if (helpRequested || id === '--version') return
    problem = new CliError(`No command before ${id}: the command comes first (\`cargo-ai <command> ${id} …\`). Run \`cargo-ai --help\` to list the commands.`, ExitCode.usage, {
      reason: 'missingCommand',
    })
  } else {
    const { CommandTree, commandLineError } = await import('../suggestions.js')
    const tree = new CommandTree(config.commands)
    problem = commandLineError(id.split(':'), argv, tree, { helpRequested, helpAvailable: (words) => config.findTopic(words.join(':')) !== undefined })
  }
  // oclif rethrows a hook's error only when it carries a non-zero oclif exit code; it then reaches bin/run.js (exitWithError)
  if (problem) throw Object.assign(problem, { oclif: { exit: problem.exitCode } })
}

export default hook
