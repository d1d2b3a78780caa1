import * as Args from '@oclif/core/args'
import { readConfig, writeConfig } from '../../auth/config-file.js'
import { configDir } from '../../auth/config-dir.js'
import { forgetCredentials } from '../../auth/credential-store.js'
import { BaseCommand } from '../../cli/base-command.js'
import { UsageError } from '../../cli/cli-error.js'

export default class ProfileRemove extends BaseCommand {
  static summary = 'Remove a profile and its stored credentials.'
  static examples = ['<%= config.bin %> profile remove staging']
  static args = { name: Args.string({ description: 'Profile name', required: true }) }

  async run(): Promise<void> {
    const { args } = await this.parseArgv(ProfileRemove)
    const dir = configDir(this.factory.env)
    const config = await readConfig(dir, (message) => this.note(message))
    if (!config.profiles[args.name]) throw new UsageError(`No profile ${args.name}`)
    const removedCredentials = await forgetCredentials(dir, args.name, this.factory.env)
    delete config.profiles[args.name]
    if (config.currentProfile === args.name) config.currentProfile = Object.keys(config.profiles).sort()[0] ?? 'default'
    await writeConfig(dir, config)
    await this.print({ removed: args.name, removedCredentials, currentProfile: config.currentProfile })
  }
}
