/**
 * alert create and update read some flags themselves: --disabled sends isEnabled false (absent: no isEnabled);
 * --enabled takes only the words true and false; none (or null) clears --description and --folder; --folder is a
 * UUID. Exact requests, and nothing sent on bad input.
 */
import { describe, expect, it } from 'vitest'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'
import { loadCommand, pick, printed } from '../../support/spec-table.js'
import { actions, alert, alertUuid, scope, threshold } from '../../fixtures/observability.js'

const folderUuid = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d'
const answer = { alert }
const expectedOutput = printed(stripNulls(answer))

describe('observability alert create', () => {
  const base = ['--name', 'CRM sync error rate', '--cron', '*/30 * * * *', '--scope', JSON.stringify(scope), '--threshold', JSON.stringify(threshold)]

  it('sends the flat body with isEnabled false for --disabled and the folder from --folder', async () => {
    stubApi('POST', '/v1/observability/alerts', answer)
    const result = await runCommand(await loadCommand('observability alert create'), [...base, '--disabled', '--folder', folderUuid, '--actions', JSON.stringify(actions)])
    expect(result).toMatchObject({ exitCode: 0, stdout: expectedOutput, stderr: '' })
    expect(requests.map(pick)).toEqual([
      { method: 'POST', path: '/v1/observability/alerts', query: '', body: { name: 'CRM sync error rate', cron: '*/30 * * * *', actions, folderUuid, scope, threshold, isEnabled: false } },
    ])
  })

  it('sends no isEnabled without --disabled', async () => {
    stubApi('POST', '/v1/observability/alerts', answer)
    await runCommand(await loadCommand('observability alert create'), base)
    expect(requests[0].body).toEqual({ name: 'CRM sync error rate', cron: '*/30 * * * *', scope, threshold })
  })

  it('refuses a threshold without its operator and a malformed --folder before any request', async () => {
    const create = await loadCommand('observability alert create')
    expect((await runCommand(create, [...base.slice(0, 6), '--threshold', '{"metric":"errorRate","value":10}'])).exitCode).toBe(2)
    expect((await runCommand(create, [...base, '--folder', 'crm'])).exitCode).toBe(2)
    expect(requests).toEqual([])
  })
})

describe('observability alert update', () => {
  const update = () => loadCommand('observability alert update')
  const path = `/v1/observability/alerts/${alertUuid}`

  it('--enabled false sends isEnabled false; only the given fields are sent', async () => {
    stubApi('PUT', path, answer)
    const result = await runCommand(await update(), ['--uuid', alertUuid, '--enabled', 'false'])
    expect(result).toMatchObject({ exitCode: 0, stdout: expectedOutput })
    expect(requests.map(pick)).toEqual([{ method: 'PUT', path, query: '', body: { isEnabled: false } }])
  })

  it('none clears the description and the folder (null); --enabled true', async () => {
    stubApi('PUT', path, answer)
    await runCommand(await update(), ['--uuid', alertUuid, '--description', 'none', '--folder', 'none', '--enabled', 'true'])
    expect(requests[0].body).toEqual({ description: null, isEnabled: true, folderUuid: null })
  })

  it('refuses --enabled yes and a --folder that is neither a UUID nor none, sending nothing', async () => {
    const yes = await runCommand(await update(), ['--uuid', alertUuid, '--enabled', 'yes'])
    expect(yes.exitCode).toBe(2)
    const folder = await runCommand(await update(), ['--uuid', alertUuid, '--folder', 'crm'])
    expect(folder.exitCode).toBe(2)
    expect(JSON.parse(folder.stdout).errorMessage).toBe('--folder: expected a folder UUID or none, got "crm"')
    expect(requests).toEqual([])
  })
})
