import * as Flags from '@oclif/core/flags'
import { createDeployment, deploymentParent } from '../../../api/endpoints/hosting.js'
import type { PayloadOf } from '../../../api/endpoint.js'
import { defineCommand } from '../../../cli/define-command.js'
import { DEFAULT_IGNORED, readSourceTree } from '../../../cli/source-tree.js'
import { waitForDeployment } from '../../../cli/waiters/hosting.js'

/** What the flags give (the parent); the files are read from --source before the request. */
const fromFlags = { ...createDeployment, payload: deploymentParent }

export default defineCommand({
  endpoint: fromFlags,
  summary: 'Upload the source directory of an app or worker and start its build on the server; promote it afterwards to go live.',
  description: `Reads every file under --source (the package root, not a build output), leaving out the names given
with --ignore, and sends them as text in one request. Files that are not UTF-8 text are refused: leave them out
with --ignore. Symbolic links are not followed. The build goes pending -> building -> success | error | cancelled;
--wait-until-finished waits for it, and 'hosting deployment promote --uuid <uuid>' puts a successful one live.`,
  examples: [
    '<%= config.bin %> hosting deployment create --app-uuid 00000000-0000-4000-8000-000000071101 --source . --wait-until-finished',
    '<%= config.bin %> hosting deployment create --worker-uuid 00000000-0000-4000-8000-000000071201 --source ./my-worker',
    '<%= config.bin %> hosting deployment create --app-uuid 00000000-0000-4000-8000-000000071101 --source ./my-app --ignore "node_modules,dist,.git,coverage"',
  ],
  extraFlags: {
    source: Flags.string({ summary: 'Package root directory to upload (the build runs on the server).', required: true, helpGroup: 'REQUIRED' }),
    ignore: Flags.string({
      summary: 'Comma-separated file or folder names to leave out, at any depth; an empty value leaves out nothing.',
      default: DEFAULT_IGNORED.join(','),
    }),
  },
  wait: waitForDeployment,
  prepare: async (parent, { flags }) => {
    const ignored = String(flags.ignore).split(',').map((name) => name.trim()).filter(Boolean)
    const files = await readSourceTree(String(flags.source), ignored)
    const kind = parent.appUuid === undefined ? 'worker' : 'app'
    const body: PayloadOf<typeof createDeployment> = { kind, ...parent, files }
    return body as typeof parent
  },
})
