import { describe, expect, it } from 'vitest'
import { ExpressionScope } from '../../src/emulator/expressions.js'

/**
 * Plain paths (`nodes.start["domain"]`) are read without a V8 context; wrapped in parentheses the same
 * expression no longer looks like a path and goes through the script, so each pair must agree.
 */
describe('path expressions read without a script', () => {
  const data = { nodes: { start: { domain: 'acme.com', 'odd key': 1, list: [{ id: 'a' }, { id: 'b' }], nested: { n: null, deep: { x: 2 } } } } }
  const scope = new ExpressionScope(data)
  const viaScript = (code: string) => scope.evaluate(`(${code})`)

  it.each([
    ['nodes.start["domain"]', 'acme.com'],
    ['nodes.start.domain', 'acme.com'],
    ['nodes . start [ "odd key" ]', 1],
    ['nodes.start.list[1].id', 'b'],
    ['nodes.start.list.length', 2],
    ['nodes.start.nested.n', null],
    ['nodes.start.nested', { n: null, deep: { x: 2 } }],
    ['parentNodes', {}],
    ['nodes.start.missing', undefined],
    ['nodes.start.domain.length', 8],
    ['nodes.start.__proto__', {}],
    ["nodes.start['domain']", 'acme.com'],
  ])('%s is %j, as the script says', (code, expected) => {
    expect(scope.evaluate(code)).toEqual(expected)
    expect(viaScript(code)).toEqual(expected)
  })

  it('fails as the script does when a step has nothing to read', () => {
    expect(() => scope.evaluate('nodes.absent.domain')).toThrow(/^nodes\.absent\.domain: Cannot read properties of undefined \(reading 'domain'\)/)
    expect(() => scope.evaluate('nodes.start.nested.n.x')).toThrow(/Cannot read properties of null \(reading 'x'\)/)
  })

  it('answers a copy: changing it leaves the scope as it was', () => {
    const read = scope.evaluate('nodes.start.nested') as { deep: { x: number } }
    read.deep.x = 99
    expect(scope.evaluate('nodes.start.nested.deep.x')).toBe(2)
  })
})
