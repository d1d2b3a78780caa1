import { readConfig, writeConfig } from '../auth/config-file.js'
import { FileStore, KeyringStore, keyringDisabled } from '../auth/credential-store.js'
import { BaseCommand } from '../cli/base-command.js'

export default class Logout extends BaseCommand {
  static summary = 'Forget the stored token of the current profile (from the keyring and the credentials file).'
  static description = 'Nothing is revoked on the server: to revoke an API token, remove it in the Cargo app.'
  static examples = ['<%= config.bin %> logout', '<%= config.bin %> logout --profile staging']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Logout)
    const session = await this.session(flags.profile)
    const dir = session.configDir
    let removed = await new FileStore(dir).delete(session.profileName)
    if (session.profile.credentialStore === 'keyring' && !keyringDisabled(this.factory.env)) {
      removed = (await new KeyringStore().delete(session.profileName).catch(() => false)) || removed
    }
    const config = await readConfig(dir)
    const profile = config.profiles[session.profileName]
    if (profile) {
      delete profile.credentialStore
      await writeConfig(dir, config)
    }
    if (this.factory.env.CARGO_AI_TOKEN) this.note('CARGO_AI_TOKEN is still set in this environment and will keep being used.')
    await this.print({ profile: session.profileName, loggedOut: true, removedCredentials: removed })
  }
}
