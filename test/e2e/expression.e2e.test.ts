import { describe, expect, it } from 'vitest'
import { cli, useSignedInEmulator } from './cli-process.js'

/** The expression topic, from the real CLI process to a served emulator. */

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

describe('expression eval evaluate', () => {
  it("evaluates the help example, and reports an expression's failure with exit 0", async () => {
    const expression = { kind: 'templateExpression', expression: '{{nodes.start.domain}}', instructTo: 'none', fromRecipe: false }
    const variables = JSON.stringify({ nodes: { start: { domain: 'acme.com' } } })
    const good = await cli(['expression', 'eval', 'evaluate', '--expression', JSON.stringify(expression), '--variables', variables], env)
    expect(good).toMatchObject({ code: 0, stderr: '' })
    expect(good.json()).toEqual({ data: 'acme.com' })
    const bad = await cli(['expression', 'eval', 'evaluate', '--expression', JSON.stringify({ ...expression, kind: 'jsExpression', expression: 'nodes.(' }), '--variables', variables], env)
    expect(bad.code).toBe(0)
    expect(bad.json()).toEqual({ errorMessage: expect.any(String) })
  })

  it('reads the seeded recipe by its shortId', async () => {
    const result = await cli(['expression', 'recipe', 'get-last-version', 'domain-from-email'], env)
    expect(result.code).toBe(0)
    expect(result.json().recipe).toMatchObject({ uuid: '00000000-0000-4000-8000-000000074001', version: 2 })
  })
})
