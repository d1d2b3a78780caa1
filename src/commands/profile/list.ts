import { readConfig } from '../../auth/config-file.js'
import { configDir } from '../../auth/config-dir.js'
import { BaseCommand } from '../../cli/base-command.js'

export default class ProfileList extends BaseCommand {
  static summary = 'List the sign-in profiles, marking the current one.'
  static examples = ['<%= config.bin %> profile list', '<%= config.bin %> profile list --format table']

  async run(): Promise<void> {
    await this.parseArgv(ProfileList)
    const env = this.factory.env
    const config = await readConfig(configDir(env), (message) => this.note(message))
    const current = env.CARGO_AI_PROFILE || config.currentProfile
    const profiles = Object.entries(config.profiles)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, profile]) => ({
        name,
        current: name === current,
        baseUrl: profile.baseUrl ?? (profile.emulator ? undefined : 'https://api.getcargo.io'),
        emulator: profile.emulator || undefined,
        workspaceUuid: profile.workspaceUuid,
        userEmail: profile.userEmail,
        credentials: profile.credentialStore ?? 'none',
      }))
    await this.print({ profiles })
  }
}
