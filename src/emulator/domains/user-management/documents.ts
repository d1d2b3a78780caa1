import type { BaseUser } from '../../../api/schemas/user-management.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** A person: a global document (`user`), whatever workspaces they belong to (a `member` each); the API's BaseUser, nulls kept, always with its updatedAt. */
export type UserDoc = StoredDoc & Pick<WithNulls<BaseUser>, 'email' | 'firstName' | 'lastName'> & { updatedAt: string }
