import * as api from '../../../api/endpoints/user-management.js'
import { mustGet, on } from '../../kernel/context.js'
import { publicView, sent } from '../../kernel/doc-fields.js'
import { notFound } from '../../kernel/http.js'
import type { StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import type { UserDoc } from './documents.js'

/** The signed-in person: what sign-in and `whoami` read, and the changes they make to themselves. */
export const userManagementHandlers = [
  on(api.getCurrentUser, (ctx) => ({ user: publicView(mustGet<StoredDoc>(ctx, 'user', ctx.userUuid, 'user')) })),
  on(api.updateCurrentUser, (ctx, payload) => {
    const user = ctx.store.get<UserDoc>('user', ctx.userUuid)
    if (!user) throw notFound('user')
    ctx.store.put('user', { ...user, ...sent(payload, ['firstName', 'lastName', 'webExtensionData']), updatedAt: iso(ctx.now) }, null)
  }),
]
