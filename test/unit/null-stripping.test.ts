import { describe, expect, it } from 'vitest'
import { stripNulls } from '../../src/api/null-stripping.js'

describe('stripNulls', () => {
  it('drops null properties at every depth but keeps null array elements', () => {
    expect(stripNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({ b: { d: 1 }, e: [null, {}] })
  })

  it('keeps the raw value at kept paths', () => {
    const raw = { run: { errorMessage: null, uuid: 'r' }, runContext: { start: { x: null } }, runComputedConfigs: { n: null } }
    expect(stripNulls(raw, ['runContext', 'runComputedConfigs'])).toEqual({
      run: { uuid: 'r' },
      runContext: { start: { x: null } },
      runComputedConfigs: { n: null },
    })
  })

  it('follows list and wildcard segments', () => {
    const raw = {
      releases: [{ description: null, testRecords: [{ kind: 'data', data: { a: null } }] }],
      groupItems: [{ item: { z: null }, error: null, executions: { n1: { outcome: 'executed', data: { y: null }, childIndex: null } } }],
    }
    expect(stripNulls(raw, ['releases[].testRecords', 'groupItems[].item', 'groupItems[].executions.*.data'])).toEqual({
      releases: [{ testRecords: [{ kind: 'data', data: { a: null } }] }],
      groupItems: [{ item: { z: null }, executions: { n1: { outcome: 'executed', data: { y: null } } } }],
    })
  })

  it('leaves scalars alone', () => {
    expect(stripNulls('text')).toBe('text')
    expect(stripNulls(null)).toBe(null)
  })
})
