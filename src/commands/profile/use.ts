import * as Args from '@oclif/core/args'
import { readConfig, updateConfig } from '../../auth/config-file.js'
import { configDir } from '../../auth/config-dir.js'
import { BaseCommand } from '../../cli/base-command.js'
import { UsageError } from '../../cli/cli-error.js'

export default class ProfileUse extends BaseCommand {
  static summary = 'Make a profile the current one.'
  static examples = ['<%= config.bin %> profile use staging']
  static args = { name: Args.string({ description: 'Profile name', required: true }) }

  async run(): Promise<void> {
    const { args } = await this.parseArgv(ProfileUse)
    const dir = configDir(this.factory.env)
    const unknown = (profiles: object) =>
      new UsageError(`No profile ${args.name}; profiles: ${Object.keys(profiles).join(', ') || 'none (sign in with cargo-ai login)'}`)
    // refused before the lock: on a fresh machine, taking it would create the config directory for nothing
    const { profiles } = await readConfig(dir, (message) => this.note(message))
    if (!profiles[args.name]) throw unknown(profiles)
    await updateConfig(
      dir,
      (config) => {
        if (!config.profiles[args.name]) throw unknown(config.profiles)
        config.currentProfile = args.name
      },
      (message) => this.note(message),
    )
    if (this.factory.env.CARGO_AI_PROFILE) this.note(`CARGO_AI_PROFILE=${this.factory.env.CARGO_AI_PROFILE} is set and still wins in this environment.`)
    await this.print({ currentProfile: args.name })
  }
}
