import type { StoredDoc } from '../../kernel/store.js'

/** A person: a global document (`user`), whatever workspaces they belong to (a `member` each). */
export interface UserDoc extends StoredDoc {
  email: string
  firstName: string | null
  lastName: string | null
  updatedAt: string
}
