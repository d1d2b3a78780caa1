import * as users from '../../api/endpoints/user-management.js'
import * as workspaces from '../../api/endpoints/workspace-management.js'
import { type Ctx, mustGet, on } from '../kernel/context.js'
import { publicView } from '../kernel/doc-fields.js'
import type { StoredDoc } from '../kernel/store.js'

/** What sign-in and `whoami` read: the token's user and workspace. */

function currentWorkspace(ctx: Ctx) {
  return publicView(mustGet<StoredDoc>(ctx, 'workspace', ctx.workspaceUuid, 'workspace'))
}

export const identityHandlers = [
  on(users.getCurrentUser, (ctx) => ({ user: publicView(mustGet<StoredDoc>(ctx, 'user', ctx.userUuid, 'user')) })),
  on(workspaces.getCurrentWorkspace, (ctx) => ({ workspace: currentWorkspace(ctx) })),
  // workspaces list: handlers/workspace.ts (the caller's memberships)
]
