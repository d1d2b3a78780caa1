import * as Args from '@oclif/core/args'
import { readConfig, updateConfig } from '../../auth/config-file.js'
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
    const note = (message: string) => this.note(message)
    if (!(await readConfig(dir, note)).profiles[args.name]) throw new UsageError(`No profile ${args.name}`)
    const removedCredentials = await forgetCredentials(dir, args.name, this.factory.env)
    const config = await updateConfig(
      dir,
      (current) => {
        delete current.profiles[args.name]
        if (current.currentProfile === args.name) current.currentProfile = Object.keys(current.profiles).sort()[0] ?? 'default'
      },
      note,
    )
    await this.print({ removed: args.name, removedCredentials, currentProfile: config.currentProfile })
  }
}
