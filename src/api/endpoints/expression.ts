/**
 * The expression endpoints: evaluating (and generating) the expressions of node configs, and recipes,
 * versioned reusable expressions with placeholders.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { jsonObject, uuid } from '../schemas/common.js'
import { opt, req } from '../schemas/fields.js'
import { evaluation, expressionKind, expressionValue, instructTo, recipe, recipeCategory, recipePlaceholder, recipeTab, recipeUiType } from '../schemas/expression.js'

const recipeNotFound = 'No recipe matches this UUID; run `expression recipe list`.'
const recipeResult = z.looseObject({ recipe })
const uuidOrShortId = req(z.string().min(1), 'UUID or shortId of the recipe')
const variables = req(jsonObject, 'Variables the expression sees, as a JSON object, e.g. {"nodes":{"start":{"domain":"acme.com"}}}')

/** The fields of a recipe version. */
const recipeFields = {
  name: req(z.string().min(1), 'Name of the recipe'),
  description: req(z.string(), 'What the recipe computes'),
  category: req(recipeCategory, 'Category'),
  placeholders: req(
    z.array(recipePlaceholder),
    'Placeholders as a JSON array of {name, slug, description?, kind: string|number|boolean|enum|array, enum?, items?}',
  ),
  isPublic: opt(z.boolean(), 'Share the recipe publicly (false when absent)'),
}

export const evaluateExpression = defineEndpoint({
  name: 'expression.evaluateExpression',
  method: 'POST',
  path: '/expression/expressions/evaluate',
  payloadIn: 'body',
  payload: z.object({
    expression: req(
      expressionValue,
      'The expression as JSON: {kind: jsExpression|templateExpression, expression, instructTo: ai|none, fromRecipe: false}, or {fromRecipe: true, recipe: {uuid, version, variables}}',
    ),
    variables,
  }),
  result: evaluation,
  reasons: {},
  idempotent: true,
})

export const generateExpression = defineEndpoint({
  name: 'expression.generateExpression',
  method: 'POST',
  path: '/expression/expressions/generate',
  payloadIn: 'body',
  payload: z.object({ prompt: req(z.string().min(1), 'What the expression should compute, in words'), variables }),
  result: evaluation,
  reasons: {},
})

export const listRecipes = defineEndpoint({
  name: 'expression.listRecipes',
  method: 'GET',
  path: '/expression/recipes/list',
  payloadIn: 'query',
  payload: z.object({
    tab: opt(recipeTab, 'Which recipes: all, your own, the workspace ones, or your favorites'),
    uiTypes: opt(z.array(recipeUiType), 'Only recipes of these UI types'),
    categories: opt(z.array(recipeCategory), 'Only recipes of these categories'),
    name: opt(z.string().min(1), 'Only recipes whose name contains this text'),
    limit: opt(z.number().int().min(1), 'Page size'),
    offset: opt(z.number().int().min(0), 'Recipes to skip'),
  }),
  result: z.looseObject({ recipes: z.array(recipe) }),
  reasons: {},
})

export const getRecipe = defineEndpoint({
  name: 'expression.getRecipe',
  method: 'GET',
  path: '/expression/recipes/{uuidOrShortId}/{version}',
  payloadIn: 'none',
  payload: z.object({ uuidOrShortId, version: req(z.string().regex(/^[1-9]\d*$/, 'expected a version number (1, 2, ...)'), 'Version number') }),
  result: recipeResult,
  reasons: { recipeNotFound },
})

export const getLastRecipeVersion = defineEndpoint({
  name: 'expression.getLastRecipeVersion',
  method: 'GET',
  path: '/expression/recipes/{uuidOrShortId}/last',
  payloadIn: 'none',
  payload: z.object({ uuidOrShortId }),
  result: recipeResult,
  reasons: { recipeNotFound },
})

export const createRecipe = defineEndpoint({
  name: 'expression.createRecipe',
  method: 'POST',
  path: '/expression/recipes',
  payloadIn: 'body',
  payload: z.object({
    ...recipeFields,
    kind: req(expressionKind, 'Kind of expression'),
    expression: req(z.string().min(1), 'Source text of the expression'),
    instructTo: req(instructTo, 'Whether the result is handed to an AI (ai) or used as is (none)'),
  }),
  result: recipeResult,
  reasons: {},
})

export const createRecipeVersion = defineEndpoint({
  name: 'expression.createRecipeVersion',
  method: 'POST',
  path: '/expression/recipes/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the recipe'),
    ...recipeFields,
    expression: req(z.string().min(1), 'Source text of the new version'),
  }),
  result: recipeResult,
  reasons: { recipeNotFound },
})

export const archiveRecipe = defineEndpoint({
  name: 'expression.archiveRecipe',
  method: 'PUT',
  path: '/expression/recipes/{uuidOrShortId}/archive',
  payloadIn: 'none',
  payload: z.object({ uuidOrShortId }),
  // the client leaves the answer untyped: printed as it comes
  result: z.unknown(),
  reasons: { recipeNotFound },
})

export const favoriteRecipe = defineEndpoint({
  name: 'expression.favoriteRecipe',
  method: 'POST',
  path: '/expression/favoriteRecipes',
  payloadIn: 'body',
  payload: z.object({ recipeUuid: req(uuid, 'UUID of the recipe') }),
  result: z.looseObject({}),
  reasons: { recipeNotFound },
})

export const unfavoriteRecipe = defineEndpoint({
  name: 'expression.unfavoriteRecipe',
  method: 'DELETE',
  // the client's path keeps its trailing slash
  path: '/expression/favoriteRecipes/{recipeUuid}/',
  payloadIn: 'none',
  payload: z.object({ recipeUuid: req(uuid, 'UUID of the recipe') }),
  result: z.looseObject({}),
  reasons: {
    alreadyArchived: 'The recipe is already archived.',
    recipeDoesNotBelongsToWorkspace: 'The recipe belongs to another workspace.',
    recipeNotFound,
  },
})
