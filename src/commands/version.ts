import { BaseCommand } from '../cli/base-command.js'

export default class Version extends BaseCommand {
  static summary = 'Print the CLI version, with the Node.js version and platform, as JSON.'
  static description = '`cargo-ai --version` prints the version alone, as text.'
  static examples = ['<%= config.bin %> version', '<%= config.bin %> version --query version --raw']

  async run(): Promise<void> {
    await this.parseArgv(Version)
    await this.print({ version: this.config.version, node: process.versions.node, platform: process.platform, arch: process.arch })
  }
}
