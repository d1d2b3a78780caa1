import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/expression.js'
import { EXPRESSION_SEED } from '../../src/emulator/domains/expression/index.js'
import { Harness } from './harness.js'

/** The emulated expression domain: evaluation by the runtime's engine, recipes and their versions, favorites. */

let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const written = (kind: 'templateExpression' | 'jsExpression', expression: string) => ({ kind, expression, instructTo: 'none' as const, fromRecipe: false as const })
const variables = { nodes: { start: { domain: 'acme.com', email: 'Jane@Acme.COM' }, enrich: { employees: 250 } } }

describe('expression evaluate and generate', () => {
  it('evaluates templates (one placeholder keeps its type) and JS', async () => {
    expect(await h.ok(api.evaluateExpression, { expression: written('templateExpression', '{{nodes.start.domain}}'), variables })).toEqual({ data: 'acme.com' })
    expect(await h.ok(api.evaluateExpression, { expression: written('templateExpression', '{{nodes.enrich.employees}}'), variables })).toEqual({ data: 250 })
    expect(await h.ok(api.evaluateExpression, { expression: written('templateExpression', 'Hi {{nodes.start.domain}} ({{nodes.enrich.employees}})'), variables })).toEqual({ data: 'Hi acme.com (250)' })
    expect(await h.ok(api.evaluateExpression, { expression: written('jsExpression', 'nodes.enrich.employees > 100'), variables })).toEqual({ data: true })
  })

  it("answers an expression's failure as errorMessage with HTTP 200", async () => {
    const answer = await h.ok(api.evaluateExpression, { expression: written('jsExpression', 'nodes.start.domain.('), variables })
    expect(answer).toEqual({ errorMessage: expect.stringContaining('nodes.start.domain.(') })
  })

  it('evaluates a recipe version with its variables', async () => {
    const expression = { fromRecipe: true as const, recipe: { uuid: EXPRESSION_SEED.recipeUuid, version: 2, variables: { email: 'Jane@Acme.COM' } } }
    expect(await h.ok(api.evaluateExpression, { expression, variables: {} })).toEqual({ data: 'acme.com' })
    expect(await h.ok(api.evaluateExpression, { expression: { ...expression, recipe: { ...expression.recipe, version: 1 } }, variables: {} })).toEqual({ data: 'Acme.COM' })
  })

  it('generates an expression that picks the variable the prompt names', async () => {
    expect(await h.ok(api.generateExpression, { prompt: 'the email of the lead', variables })).toEqual({
      data: written('templateExpression', '{{nodes.start.email}}'),
    })
    expect((await h.ok(api.generateExpression, { prompt: 'something else', variables })).errorMessage).toEqual(expect.any(String))
  })
})

describe('recipes', () => {
  it('gets a version by shortId, the last version, and 404s an unknown one', async () => {
    expect((await h.ok(api.getRecipe, { uuidOrShortId: EXPRESSION_SEED.shortId, version: '1' })).recipe).toMatchObject({ uuid: EXPRESSION_SEED.recipeUuid, version: 1 })
    expect((await h.ok(api.getLastRecipeVersion, { uuidOrShortId: EXPRESSION_SEED.recipeUuid })).recipe).toMatchObject({ version: 2, userFirstName: 'Ada', isFavorite: false })
    expect((await h.call(api.getRecipe, { uuidOrShortId: EXPRESSION_SEED.shortId, version: '9' })).body).toMatchObject({ reason: 'recipeNotFound' })
  })

  it('creates, versions, favors, lists by tab and archives', async () => {
    const placeholders = [{ name: 'Domain', slug: 'domain', kind: 'string' as const }]
    const { recipe } = await h.ok(api.createRecipe, {
      name: 'Company from domain',
      description: 'The name part of a domain',
      category: 'cleaning',
      placeholders,
      isPublic: false,
      kind: 'jsExpression',
      expression: "{{domain}}.split('.')[0]",
      instructTo: 'none',
    })
    expect(recipe).toMatchObject({ version: 1, shortId: expect.stringMatching(/^company-from-domain-/), archivedAt: null })
    const { recipe: second } = await h.ok(api.createRecipeVersion, { uuid: recipe.uuid, name: 'Company from domain', description: 'd', category: 'sales', placeholders, expression: "{{domain}}.split('.')[0].toUpperCase()" })
    expect(second).toMatchObject({ uuid: recipe.uuid, version: 2, kind: 'jsExpression', category: 'sales' })
    await h.ok(api.favoriteRecipe, { recipeUuid: recipe.uuid })
    expect((await h.ok(api.listRecipes, { tab: 'favorites' })).recipes.map((found: { uuid: string }) => found.uuid)).toEqual([recipe.uuid])
    expect((await h.ok(api.listRecipes, { categories: ['cleaning'] })).recipes.map((found: { uuid: string }) => found.uuid)).toEqual([EXPRESSION_SEED.recipeUuid])
    await h.ok(api.unfavoriteRecipe, { recipeUuid: recipe.uuid })
    expect((await h.ok(api.listRecipes, { tab: 'favorites' })).recipes).toEqual([])
    expect((await h.ok(api.archiveRecipe, { uuidOrShortId: recipe.uuid })).recipe.archivedAt).toEqual(expect.any(String))
    expect((await h.call(api.archiveRecipe, { uuidOrShortId: recipe.uuid })).body).toMatchObject({ reason: 'alreadyArchived' })
    expect((await h.ok(api.listRecipes, {})).recipes.map((found: { uuid: string }) => found.uuid)).toEqual([EXPRESSION_SEED.recipeUuid])
  })
})
