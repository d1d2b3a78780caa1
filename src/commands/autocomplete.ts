import * as Args from '@oclif/core/args'
import { BaseCommand } from '../cli/base-command.js'
import { completionScript, type Shell } from '../cli/completion.js'

export default class Autocomplete extends BaseCommand {
  static summary = 'Print the shell completion script for bash, zsh or fish.'
  static description = `Completes topics, commands and flags from a static table, so pressing TAB never starts the CLI.
Install it once (then open a new shell):
  bash:  cargo-ai autocomplete bash > ~/.local/share/bash-completion/completions/cargo-ai
  zsh:   cargo-ai autocomplete zsh > "\${fpath[1]}/_cargo-ai"
  fish:  cargo-ai autocomplete fish > ~/.config/fish/completions/cargo-ai.fish`
  static examples = ['<%= config.bin %> autocomplete bash > ~/.local/share/bash-completion/completions/cargo-ai', 'source <(<%= config.bin %> autocomplete bash)']
  static args = { shell: Args.string({ description: 'Shell', options: ['bash', 'zsh', 'fish'], required: true }) }

  async run(): Promise<void> {
    const { args } = await this.parseArgv(Autocomplete)
    const commands = this.config.commands.filter((command) => !command.hidden)
    this.factory.io.stdout.write(completionScript(args.shell as Shell, this.config.bin, commands as never))
  }
}
