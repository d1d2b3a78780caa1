import type { Recipe } from '../../../api/schemas/expression.js'
import type { StoredDoc } from '../../kernel/store.js'

/**
 * The stored documents of the expression domain: one per recipe version (keyed `<recipe uuid>@<version>`, the
 * recipe's uuid in `recipeUuid`), and one per favorite (keyed `<user uuid>:<recipe uuid>`).
 */

export const KINDS = { version: 'recipeVersion', favorite: 'recipeFavorite' } as const

export interface RecipeVersionDoc extends StoredDoc {
  recipeUuid: string
  shortId: string
  version: number
  workspaceUuid: string | null
  name: string
  description: string
  category: Recipe['category']
  isPublic: boolean
  isBlacklisted: boolean
  archivedAt: string | null
  placeholders: Recipe['placeholders']
  expression: string
  instructTo: Recipe['instructTo']
  kind: Recipe['kind']
  userUuid: string
  createdAt: string
}

export interface FavoriteDoc extends StoredDoc {
  workspaceUuid: string
  userUuid: string
  recipeUuid: string
}

export const versionKey = (recipeUuid: string, version: number) => `${recipeUuid}@${version}`
export const favoriteKey = (userUuid: string, recipeUuid: string) => `${userUuid}:${recipeUuid}`
