/**
 * Expression domain (entities.md, "expression"): the expression value of node configs, evaluated on demand,
 * and reusable recipes (versioned expressions with placeholders).
 */
import { z } from 'zod'
import { entity } from './common.js'

export const expressionKind = z.enum(['jsExpression', 'templateExpression'])
export const instructTo = z.enum(['ai', 'none'])
export const recipeCategory = z.enum(['other', 'classification', 'cleaning', 'marketing', 'sales', 'event', 'copywriting'])
export const recipeTab = z.enum(['all', 'user', 'workspace', 'favorites'])
export const recipeUiType = z.enum(['js', 'ai'])

/** An expression as node configs hold it: written in place, or a recipe version with its variables. */
export const expressionValue = z.discriminatedUnion('fromRecipe', [
  z.looseObject({ fromRecipe: z.literal(false), kind: expressionKind, expression: z.string(), instructTo }),
  z.looseObject({
    fromRecipe: z.literal(true),
    kind: expressionKind.optional(),
    instructTo: instructTo.optional(),
    recipe: z.looseObject({ uuid: z.string().min(1), version: z.number().int().positive(), variables: z.record(z.string(), z.unknown()) }),
  }),
])
export type ExpressionValue = z.infer<typeof expressionValue>

export const recipePlaceholder = z.looseObject({
  name: z.string().min(1),
  slug: z.string().min(1),
  description: z.string().optional(),
  kind: z.enum(['string', 'number', 'boolean', 'enum', 'array']),
  enum: z.array(z.string()).optional(),
  items: z.unknown().optional(),
})
export type RecipePlaceholder = z.infer<typeof recipePlaceholder>

export const recipe = entity({
  uuid: z.string(),
  shortId: z.string(),
  version: z.number(),
  workspaceUuid: z.string().optional(),
  name: z.string(),
  description: z.string(),
  category: recipeCategory,
  isPublic: z.boolean(),
  isBlacklisted: z.boolean(),
  archivedAt: z.string().optional(),
  placeholders: z.array(recipePlaceholder),
  expression: z.string(),
  instructTo,
  kind: expressionKind,
  userUuid: z.string(),
  userFirstName: z.string().optional(),
  userLastName: z.string().optional(),
  userPicture: z.string().optional(),
  isFavorite: z.boolean(),
})
export type Recipe = z.infer<typeof recipe>

/** evaluate and generate: a value, or the expression's own failure (a successful HTTP answer either way). */
export const evaluation = z.looseObject({ data: z.unknown().optional(), errorMessage: z.string().optional() })
