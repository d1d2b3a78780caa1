import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace } from '../api/endpoints/workspace-management.js'
import { BaseCommand } from '../cli/base-command.js'

export default class Whoami extends BaseCommand {
  static summary = 'Show the signed-in user and workspace, and where the credentials come from.'
  static examples = ['<%= config.bin %> whoami', '<%= config.bin %> whoami --query workspace.uuid']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Whoami)
    const client = await this.client(flags.profile)
    const session = await this.session(flags.profile)
    const [{ user }, { workspace }] = await Promise.all([client.call(getCurrentUser, {}), client.call(getCurrentWorkspace, {})])
    await this.print({ user, workspace, profile: session.profileName, baseUrl: session.baseUrl, credentials: session.tokenSource })
  }
}
