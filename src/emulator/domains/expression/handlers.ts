import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/expression.js'
import type { ExpressionValue } from '../../../api/schemas/expression.js'
import { type Ctx, live, lookup, on, save } from '../../kernel/context.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { page } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { evaluateTemplate, ExpressionError, ExpressionScope, type Json } from '../../expressions.js'
import { favoriteKey, type FavoriteDoc, KINDS, type RecipeVersionDoc, versionKey } from './documents.js'

/**
 * Expressions are evaluated by the engine the emulated runs use (expressions.ts): `nodes` and `parentNodes` of
 * the variables are in scope. A recipe's `{{slug}}` placeholders are replaced by its variables first (as JSON in
 * a jsExpression, as text in a template). instructTo ai hands the value on unchanged: no model is called.
 */

type RecipeVariables = Record<string, unknown>

function scopeOf(variables: Record<string, unknown>): ExpressionScope {
  const asObject = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : {})
  return new ExpressionScope({ nodes: asObject(variables.nodes), parentNodes: asObject(variables.parentNodes) })
}

function fillPlaceholders(expression: string, kind: string, values: RecipeVariables): string {
  return expression.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (written, slug: string) => {
    if (!(slug in values)) return written
    const value = values[slug]
    return kind === 'jsExpression' ? JSON.stringify(value ?? null) : typeof value === 'string' ? value : JSON.stringify(value ?? null)
  })
}

/** The latest version of every recipe, or of one. */
function versions(ctx: Ctx, recipeUuid?: string): RecipeVersionDoc[] {
  return live<RecipeVersionDoc>(ctx, KINDS.version, recipeUuid ? { recipeUuid } : {})
}

function latestVersions(ctx: Ctx): RecipeVersionDoc[] {
  const latest = new Map<string, RecipeVersionDoc>()
  for (const doc of versions(ctx)) if ((latest.get(doc.recipeUuid)?.version ?? 0) < doc.version) latest.set(doc.recipeUuid, doc)
  return [...latest.values()]
}

/** A recipe by uuid or shortId: every version of it, oldest first. */
function recipeVersions(ctx: Ctx, uuidOrShortId: string): RecipeVersionDoc[] {
  const found = versions(ctx).filter((doc) => doc.recipeUuid === uuidOrShortId || doc.shortId === uuidOrShortId)
  if (found.length === 0) throw notFound('recipe')
  return found.sort((a, b) => a.version - b.version)
}

function isFavorite(ctx: Ctx, recipeUuid: string): boolean {
  return Boolean(lookup<FavoriteDoc>(ctx, KINDS.favorite, favoriteKey(ctx.userUuid, recipeUuid)))
}

/** A version as the API serves it: the recipe's uuid, the author's names, whether the caller favors it. */
function served(ctx: Ctx, doc: RecipeVersionDoc) {
  const { recipeUuid, ...fields } = doc
  const author = ctx.store.get<{ uuid: string; firstName?: string | null; lastName?: string | null; picture?: string | null }>('user', doc.userUuid)
  return {
    ...fields,
    uuid: recipeUuid,
    userFirstName: author?.firstName ?? null,
    userLastName: author?.lastName ?? null,
    userPicture: author?.picture ?? null,
    isFavorite: isFavorite(ctx, recipeUuid),
  }
}

function evaluate(ctx: Ctx, expression: ExpressionValue, variables: Record<string, unknown>): { data?: unknown; errorMessage?: string } {
  let kind: string
  let source: string
  if (expression.fromRecipe) {
    const doc = lookup<RecipeVersionDoc>(ctx, KINDS.version, versionKey(expression.recipe.uuid, expression.recipe.version))
    if (!doc) return { errorMessage: `No version ${expression.recipe.version} of the recipe ${expression.recipe.uuid}.` }
    kind = doc.kind
    source = fillPlaceholders(doc.expression, doc.kind, expression.recipe.variables)
  } else {
    kind = expression.kind
    source = expression.expression
  }
  try {
    const scope = scopeOf(variables)
    const data = kind === 'jsExpression' ? scope.evaluate(source) : evaluateTemplate(source, scope)
    return { data: data ?? null }
  } catch (error) {
    if (error instanceof ExpressionError) return { errorMessage: error.message }
    throw error
  }
}

/** Paths to the leaves of the variables, for generate: `nodes.start.email`. */
function leafPaths(value: unknown, prefix: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : []
  return Object.entries(value).flatMap(([key, sub]) => leafPaths(sub, prefix ? `${prefix}.${key}` : key))
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'recipe'

export const expressionHandlers = [
  on(api.evaluateExpression, (ctx, payload) => evaluate(ctx, payload.expression, payload.variables)),
  on(api.generateExpression, (_ctx, payload) => {
    // no model: the variable whose name the prompt mentions, as a template expression
    const words = new Set(payload.prompt.toLowerCase().split(/\W+/))
    const path = leafPaths(payload.variables, '').find((candidate) => words.has(candidate.split('.').pop()?.toLowerCase() ?? ''))
    if (!path) return { errorMessage: 'The prompt names none of the variables; the emulator only writes expressions that pick a variable.' }
    return { data: { kind: 'templateExpression', expression: `{{${path}}}`, instructTo: 'none', fromRecipe: false } }
  }),
  on(api.listRecipes, (ctx, payload) => {
    const uiKinds = payload.uiTypes?.map((type) => (type === 'ai' ? 'ai' : 'js'))
    const recipes = latestVersions(ctx).filter(
      (doc) =>
        doc.archivedAt === null &&
        (payload.tab !== 'user' || doc.userUuid === ctx.userUuid) &&
        (payload.tab !== 'workspace' || doc.workspaceUuid === ctx.workspaceUuid) &&
        (payload.tab !== 'favorites' || isFavorite(ctx, doc.recipeUuid)) &&
        (!uiKinds || uiKinds.includes(doc.instructTo === 'ai' ? 'ai' : 'js')) &&
        (!payload.categories || payload.categories.includes(doc.category)) &&
        (!payload.name || doc.name.toLowerCase().includes(payload.name.toLowerCase())),
    )
    return { recipes: page(recipes, payload).map((doc) => served(ctx, doc)) }
  }),
  on(api.getRecipe, (ctx, payload) => {
    const doc = recipeVersions(ctx, payload.uuidOrShortId).find((candidate) => candidate.version === Number(payload.version))
    if (!doc) throw notFound('recipe')
    return { recipe: served(ctx, doc) }
  }),
  on(api.getLastRecipeVersion, (ctx, payload) => ({ recipe: served(ctx, recipeVersions(ctx, payload.uuidOrShortId).pop() as RecipeVersionDoc) })),
  on(api.createRecipe, (ctx, payload) => {
    const recipeUuid = randomUUID()
    const doc: RecipeVersionDoc = {
      uuid: versionKey(recipeUuid, 1),
      recipeUuid,
      shortId: `${slugOf(payload.name)}-${recipeUuid.slice(0, 4)}`,
      version: 1,
      workspaceUuid: ctx.workspaceUuid,
      name: payload.name,
      description: payload.description,
      category: payload.category,
      isPublic: payload.isPublic ?? false,
      isBlacklisted: false,
      archivedAt: null,
      placeholders: payload.placeholders,
      expression: payload.expression,
      instructTo: payload.instructTo,
      kind: payload.kind,
      userUuid: ctx.userUuid,
      createdAt: iso(ctx.now),
    }
    save(ctx, KINDS.version, doc)
    return { recipe: served(ctx, doc) }
  }),
  on(api.createRecipeVersion, (ctx, payload) => {
    const latest = recipeVersions(ctx, payload.uuid).pop() as RecipeVersionDoc
    if (latest.archivedAt) throw badRequest('alreadyArchived')
    const version = latest.version + 1
    const doc: RecipeVersionDoc = {
      ...latest,
      uuid: versionKey(latest.recipeUuid, version),
      version,
      name: payload.name,
      description: payload.description,
      category: payload.category,
      placeholders: payload.placeholders,
      isPublic: payload.isPublic ?? false,
      expression: payload.expression,
      userUuid: ctx.userUuid,
      createdAt: iso(ctx.now),
    }
    save(ctx, KINDS.version, doc)
    return { recipe: served(ctx, doc) }
  }),
  on(api.archiveRecipe, (ctx, payload) => {
    const all = recipeVersions(ctx, payload.uuidOrShortId)
    if (all.some((doc) => doc.workspaceUuid !== ctx.workspaceUuid)) throw badRequest('recipeDoesNotBelongsToWorkspace')
    if (all[0].archivedAt) throw badRequest('alreadyArchived')
    for (const doc of all) save(ctx, KINDS.version, { ...doc, archivedAt: iso(ctx.now) })
    return { recipe: served(ctx, { ...(all.pop() as RecipeVersionDoc), archivedAt: iso(ctx.now) }) }
  }),
  on(api.favoriteRecipe, (ctx, payload) => {
    recipeVersions(ctx, payload.recipeUuid)
    const doc: FavoriteDoc = { uuid: favoriteKey(ctx.userUuid, payload.recipeUuid), workspaceUuid: ctx.workspaceUuid, userUuid: ctx.userUuid, recipeUuid: payload.recipeUuid }
    save(ctx, KINDS.favorite, doc)
    return {}
  }),
  on(api.unfavoriteRecipe, (ctx, payload) => {
    recipeVersions(ctx, payload.recipeUuid)
    const favorite = lookup<FavoriteDoc>(ctx, KINDS.favorite, favoriteKey(ctx.userUuid, payload.recipeUuid))
    if (favorite) save(ctx, KINDS.favorite, { ...favorite, deletedAt: iso(ctx.now) })
    return {}
  }),
]
