import { describe, expect, it } from 'vitest'
import { serializeQuery } from '../../src/api/query-string.js'

// The examples of spec/wire.md §4, byte for byte.
describe('serializeQuery', () => {
  it.each([
    [{ workflowUuid: 'w1', limit: 20, offset: 0 }, '?workflowUuid=w1&limit=20&offset=0'],
    [
      { workflowUuids: ['a', 'b'], statuses: ['running'], isFinished: false },
      '?workflowUuids%5B%5D=a&workflowUuids%5B%5D=b&statuses%5B%5D=running&isFinished=false',
    ],
    [{ createdAfter: '2025-01-01T00:00:00.000Z' }, '?createdAfter=2025-01-01T00:00:00.000Z'],
    [{ name: 'Q1 campaigns, EU' }, '?name=Q1+campaigns,+EU'],
    [{ search: 'a&b/c+d' }, '?search=a%26b%2Fc%2Bd'],
    [{ filter: { tags: ['x', 'y'], owner: null } }, '?filter%5Btags%5D%5B0%5D=x&filter%5Btags%5D%5B1%5D=y'],
    [{ sort: [{ columnSlug: 'a', kind: 'asc' }] }, '?sort%5B%5D%5BcolumnSlug%5D=a&sort%5B%5D%5Bkind%5D=asc'],
    [{ statuses: [] }, ''],
    [{ a: null, b: undefined }, ''],
    [{ price: '$5' }, '?price=$5'],
  ])('%j → %s', (params, expected) => {
    expect(serializeQuery(params as Record<string, unknown>)).toBe(expected)
  })
})
