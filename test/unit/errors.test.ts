import { describe, expect, it } from 'vitest'
import { errorFromResponse } from '../../src/api/errors.js'
import { reportError } from '../../src/cli/output.js'

const reasons = {
  workflowNotFound: 'No workflow matches this UUID.',
  dataError: 'The batch data was rejected.',
  'dataError.segmentLinkedToPlay': 'This segment belongs to a play.',
}

describe('errorFromResponse', () => {
  it('prefers the server errorMessage', () => {
    const error = errorFromResponse(400, { errorMessage: 'Bad things', reason: 'workflowNotFound' }, reasons)
    expect([error.kind, error.message, error.reason, error.status]).toEqual(['request', 'Bad things', 'workflowNotFound', 400])
  })

  it('falls back to the reason table for 4xx', () => {
    expect(errorFromResponse(404, { reason: 'workflowNotFound' }, reasons).message).toBe('No workflow matches this UUID.')
  })

  it('reads the nested dataError reason', () => {
    const error = errorFromResponse(400, { reason: 'dataError', dataError: { reason: 'segmentLinkedToPlay' } }, reasons)
    expect(error.message).toBe('This segment belongs to a play.')
  })

  it('does not use the reason table for 401 and 5xx', () => {
    expect(errorFromResponse(401, { reason: 'workflowNotFound' }, reasons)).toMatchObject({ kind: 'authorization', message: 'Not authorized (HTTP 401)' })
    expect(errorFromResponse(503, { reason: 'workflowNotFound' }, reasons)).toMatchObject({ kind: 'server', message: 'Server error (HTTP 503)' })
  })

  it('says when the body was not JSON', () => {
    expect(errorFromResponse(502, '<html>Bad gateway</html>', reasons).message).toBe('Server error (HTTP 502, the body is not JSON)')
  })
})

describe('reportError exit codes', () => {
  it.each([
    [400, 1],
    [404, 1],
    [429, 1],
    [401, 3],
    [403, 3],
    [500, 4],
    [503, 4],
  ])('HTTP %i exits %i', (status, exitCode) => {
    expect(reportError(errorFromResponse(status, {}, {})).exitCode).toBe(exitCode)
  })
})
