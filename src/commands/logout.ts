import { existsSync } from 'node:fs'
import { configPath, updateConfig } from '../auth/config-file.js'
import { forgetCredentials } from '../auth/credential-store.js'
import { environmentTokenNotice } from '../auth/session.js'
import { BaseCommand } from '../cli/base-command.js'

export default class Logout extends BaseCommand {
  static summary = 'Forget the stored credentials of the current profile (keyring and credentials file).'
  static description = 'Nothing is revoked on the server: to revoke an API token, remove it in the Cargo app (workspaceManagement token remove).'
  static examples = ['<%= config.bin %> logout', '<%= config.bin %> logout --profile staging']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Logout)
    const session = await this.session(flags.profile)
    const removed = await forgetCredentials(session.configDir, session.profileName, this.factory.env)
    // without a config file there is nothing to change, and nothing is created to say so
    if (existsSync(configPath(session.configDir))) {
      await updateConfig(session.configDir, (config) => {
        const profile = config.profiles[session.profileName]
        if (!profile?.credentialStore) return false
        delete profile.credentialStore
      })
    }
    if (!removed) this.note(`Nothing to forget: no credentials are stored for profile ${session.profileName}.`)
    const shadowing = environmentTokenNotice(this.factory.env)
    if (shadowing) this.note(shadowing)
    await this.print({ profile: session.profileName, loggedOut: true, removedCredentials: removed })
  }
}
