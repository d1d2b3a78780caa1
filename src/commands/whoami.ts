import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace } from '../api/endpoints/workspace-management.js'
import { BaseCommand } from '../cli/base-command.js'

export default class Whoami extends BaseCommand {
  static summary = 'Show the signed-in user and workspace, and where the credentials come from.'
  static description =
    "tokenSource names what supplied the token: CARGO_AI_TOKEN, CARGO_API_TOKEN or CARGO_API_KEY (first set wins), else the profile's store (keyring or file). baseUrlSource and workspaceSource name CARGO_AI_BASE_URL or CARGO_BASE_URL, CARGO_AI_WORKSPACE_UUID or CARGO_WORKSPACE_UUID, else profile (or default, or token: the token's own workspace). With --profile on the command line the profile's stored token and workspace are used whatever the environment holds."
  static examples = ['<%= config.bin %> whoami', '<%= config.bin %> whoami --query workspace.uuid --raw', '<%= config.bin %> whoami --query tokenSource --raw']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Whoami)
    const client = await this.client(flags.profile)
    const session = await this.session(flags.profile)
    const [{ user }, { workspace }] = await Promise.all([client.call(getCurrentUser, {}), client.call(getCurrentWorkspace, {})])
    const { sources } = session
    await this.print({
      user,
      workspace,
      profile: session.profileName,
      baseUrl: session.baseUrl,
      credentials: session.tokenSource,
      tokenSource: sources.token,
      baseUrlSource: sources.baseUrl,
      workspaceSource: sources.workspaceUuid ?? 'token',
    })
  }
}
