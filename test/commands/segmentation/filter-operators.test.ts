/**
 * A segmentation filter's operators are checked before anything is sent: an unknown one is a usage error
 * (exit 2) naming it and the valid ones, on the oclif path and the fast path alike; the valid operators are
 * listed in the --help of every segment command that takes --filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONDITION_OPERATORS, describeFilterOperators } from '../../../src/api/schemas/filter-operators.js'
import { cleanEnv, cli, freshConfigDir } from '../../e2e/cli-process.js'
import { modelUuid, segmentUuid } from '../../fixtures/segmentation.js'
import { fastPathMode } from '../../support/fast-path-mode.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, useFastPath } from '../../support/run-command.js'
import { loadCommand } from '../../support/spec-table.js'

const conditionFilter = (condition: Record<string, unknown>) =>
  JSON.stringify({ conjonction: 'and', groups: [{ conjonction: 'and', conditions: [condition] }] })

/** Each segment command that takes --filter, with the rest of what it needs. */
const commands: Array<[string, string, string, string[]]> = [
  ['segment fetch', 'POST', '/v1/segmentation/segments/fetch', ['--model-uuid', modelUuid]],
  ['segment download', 'POST', '/v1/segmentation/segments/download', ['--model-uuid', modelUuid, '--url-only']],
  ['segment create', 'POST', '/v1/segmentation/segments', ['--model-uuid', modelUuid, '--name', 'US']],
  ['segment update', 'PUT', `/v1/segmentation/segments/${segmentUuid}`, ['--uuid', segmentUuid]],
]

const stringOperators = CONDITION_OPERATORS.string.join(', ')

describe.each([
  ['oclif', false],
  ['fast path', true],
])('unknown filter operators are refused before any request (%s)', (_path, fast) => {
  beforeAll(() => useFastPath(fast ? fastPathMode() : undefined))
  afterAll(() => useFastPath(undefined))
  const run = async (id: string, argv: string[]) => runCommand(await loadCommand(`segmentation ${id}`), argv)

  it.each(commands)('%s: exit 2, the operator and the valid ones named, nothing sent', async (id, method, path, rest) => {
    stubApi(method, path, {})
    const result = await run(id, [...rest, '--filter', conditionFilter({ kind: 'string', columnSlug: 'country', operator: 'equals', values: ['US'] })])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({
      errorMessage: `Invalid input: --filter.groups[0].conditions[0].operator: unknown operator "equals" for a string condition; valid operators: ${stringOperators}`,
    })
    expect(requests).toEqual([])
  })

  it.each([
    [{ kind: 'number', columnSlug: 'employees', operator: 'greaterThanOrEqual', value: 3 }, 'conditions[0].operator: unknown operator "greaterThanOrEqual" for a number condition; valid operators: is, isNot, greaterThan, lowerThan, between, isNull, isNotNull'],
    [{ kind: 'boolean', columnSlug: 'active' }, 'conditions[0].operator: no operator for a boolean condition; valid operators: isTrue, isFalse, isNull, isNotNull'],
    [{ kind: 'segment', segmentUuid, operator: 'is' }, 'conditions[0].operator: unknown operator "is" for a segment condition; valid operators: in, notIn'],
    [
      { kind: 'object', columnSlug: 'address', operator: 'matchConditions', conjonction: 'and', propertyConditions: [{ kind: 'objectProperty', propertyName: 'city', operator: 'like', value: 'Paris' }] },
      'conditions[0].propertyConditions[0].operator: unknown operator "like" for a property condition',
    ],
    [
      { kind: 'enrollment', workflowUuid: segmentUuid, activityKind: 'workflowEntered', frequency: { operator: 'never' }, period: { operator: 'moreThan', value: 0, unit: 'day' } },
      'conditions[0].frequency.operator: unknown operator "never" for the frequency of an enrollment condition; valid operators: not, moreThan, lessThan, exactly',
    ],
  ])('checks every kind of operator: %j', async (condition, message) => {
    stubApi('POST', '/v1/segmentation/segments/fetch', {})
    const result = await run('segment fetch', ['--model-uuid', modelUuid, '--filter', conditionFilter(condition)])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toContain(`--filter.groups[0].${message}`)
    expect(requests).toEqual([])
  })

  it('known operators, the empty filter and kinds without an operator list (sql) are sent as written', async () => {
    stubApi('POST', '/v1/segmentation/segments/download', { urls: [] })
    const filters = [
      conditionFilter({ kind: 'string', columnSlug: 'email', operator: 'isNotNull' }),
      conditionFilter({ kind: 'number', columnSlug: 'employees', operator: 'between', firstValue: 1, lastValue: 9 }),
      conditionFilter({ kind: 'sql', name: 'recent', clause: 'created_at > now()' }),
      '{"conjonction":"and","groups":[]}',
    ]
    for (const filter of filters) expect((await run('segment download', ['--model-uuid', modelUuid, '--url-only', '--filter', filter])).exitCode).toBe(0)
    expect(requests.map((request) => (request.body as { filter: unknown }).filter)).toEqual(filters.map((filter) => JSON.parse(filter)))
  })
})

describe('--help of the segment commands that take --filter lists the operators', () => {
  it.each(commands)('%s (rendered at build time, and by oclif at 80 columns)', async (id) => {
    const command = (await loadCommand(`segmentation ${id}`)) as { description?: string }
    expect(command.description).toContain(describeFilterOperators())
    const argv = ['segmentation', ...id.split(' '), '--help']
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir() })
    for (const help of await Promise.all([cli(argv, env), cli(argv, { ...env, OCLIF_COLUMNS: '80' })])) {
      expect(help.code).toBe(0)
      const text = help.stdout.replace(/\s+/g, ' ')
      expect(text).toContain('string: is, isNot, contains, doesNotContain, startsWith, endsWith, isNull, isNotNull, isEmpty, isNotEmpty')
      expect(text).toContain('segment: in, notIn')
    }
  })
})
