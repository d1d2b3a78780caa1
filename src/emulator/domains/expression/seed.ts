import type { Kind, StoredDoc } from '../../kernel/store.js'
import { KINDS, type RecipeVersionDoc, versionKey } from './documents.js'
import { seededId as id } from '../../kernel/seeded.js'

/** The recipes catalogue: one workspace recipe in two versions. Its uuid and shortId are part of the emulator's contract. */

export const EXPRESSION_SEED = { recipeUuid: id(0x74001), shortId: 'domain-from-email' } as const

export interface SeedOwner {
  workspaceUuid: string
  userUuid: string
  at: string
}

export function expressionDocs(owner: SeedOwner): Array<[Kind, StoredDoc]> {
  const version = (number: number, expression: string): RecipeVersionDoc => ({
    uuid: versionKey(EXPRESSION_SEED.recipeUuid, number),
    recipeUuid: EXPRESSION_SEED.recipeUuid,
    shortId: EXPRESSION_SEED.shortId,
    version: number,
    workspaceUuid: owner.workspaceUuid,
    name: 'Domain from email',
    description: 'The domain of an email address',
    category: 'cleaning',
    isPublic: false,
    isBlacklisted: false,
    archivedAt: null,
    placeholders: [{ name: 'Email', slug: 'email', kind: 'string' }],
    expression,
    instructTo: 'none',
    kind: 'jsExpression',
    userUuid: owner.userUuid,
    createdAt: owner.at,
  })
  return [
    [KINDS.version, version(1, "{{email}}.split('@')[1]")],
    [KINDS.version, version(2, "{{email}}.split('@')[1].toLowerCase()")],
  ]
}
