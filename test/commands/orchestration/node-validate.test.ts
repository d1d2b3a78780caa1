import { describe, expect, it } from 'vitest'
import ValidateNodes from '../../../src/commands/orchestration/node/validate.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, TEST_WORKSPACE } from '../../support/run-command.js'

const nodes = [
  { uuid: 'start', slug: 'start', kind: 'native', actionSlug: 'start', config: {}, childrenUuids: ['end'] },
  { uuid: 'end', slug: 'end', kind: 'native', actionSlug: 'end', config: {}, childrenUuids: [] },
]
const valid = { outcome: 'valid' }
const notValid = { outcome: 'notValid', invalidNodes: [{ node: { uuid: 'start', slug: 'start' }, reason: 'startNodeNotFound' }] }

describe('orchestration node validate', () => {
  it.each([
    ['a valid graph', valid, [], 0],
    ['a valid graph, --exit-status', valid, ['--exit-status'], 0],
    ['an invalid graph: an answer, exit 0', notValid, [], 0],
    ['an invalid graph, --exit-status: exit 5', notValid, ['--exit-status'], 5],
  ])('%s', async (_label, answer, extra, exitCode) => {
    stubApi('POST', '/v1/orchestration/nodes/validate', answer)
    const result = await runCommand(ValidateNodes, ['--nodes', JSON.stringify(nodes), ...extra])
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/v1/orchestration/nodes/validate', query: '', body: { nodes } })
    expect(requests[0].headers['selected-workspace-uuid']).toBe(TEST_WORKSPACE)
    expect(result.stdout).toBe(`${JSON.stringify(answer, null, 2)}\n`)
    expect(result.exitCode).toBe(exitCode)
  })

  it('--exit-status does not turn an API refusal into 5', async () => {
    stubApi('POST', '/v1/orchestration/nodes/validate', { errorMessage: 'nodes: expected an array' }, 400)
    const result = await runCommand(ValidateNodes, ['--nodes', '[]', '--exit-status'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: 'nodes: expected an array', status: 400 })
  })

  it('--exit-status takes no value: a word after it is refused before any request', async () => {
    const result = await runCommand(ValidateNodes, ['--nodes', '[]', '--exit-status=maybe'])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(/^--exit-status takes no value/)
    expect(requests).toHaveLength(0)
  })
})
