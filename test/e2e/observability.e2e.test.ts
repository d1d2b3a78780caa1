import { describe, expect, it } from 'vitest'
import { cli, useSignedInEmulator } from './cli-process.js'

/** The observability topic (alerts), from the real CLI process to a served emulator: preview, create paused, enable. */

const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

async function ok(args: string[]) {
  const result = await cli(args, env)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return result.json()
}

describe('alerts', () => {
  it('previews over the runs of a workflow, creates the alert paused, then enables it', async () => {
    await ok(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"acme.com"}', '--wait-until-finished'])
    await ok(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"nope.invalid"}', '--wait-until-finished'])
    const scope = JSON.stringify({ kind: 'runs', workflowUuid: TOOL_WORKFLOW })
    const threshold = JSON.stringify({ metric: 'errorRate', operator: 'gte', value: 10 })
    expect(await ok(['observability', 'alert', 'preview', '--scope', scope, '--threshold', threshold])).toEqual({ outcome: 'computed', value: 50, total: 2, failed: 1, isBreached: true })

    const { alert } = await ok(['observability', 'alert', 'create', '--name', 'Enrichment errors', '--cron', '@every 30m', '--scope', scope, '--threshold', threshold, '--disabled'])
    expect(alert.isEnabled).toBe(false)
    expect((await ok(['observability', 'alert', 'update', '--uuid', alert.uuid, '--enabled', 'true'])).alert.isEnabled).toBe(true)
    expect(await ok(['observability', 'event', 'count', alert.uuid])).toEqual({ count: 0 })

    const mismatched = await cli(['observability', 'alert', 'create', '--name', 'x', '--cron', '@every 1h', '--scope', scope, '--threshold', '{"metric":"freshness","operator":"gte","value":1}'], env)
    expect(mismatched.code).toBe(1)
    expect(mismatched.json()).toMatchObject({ reason: 'mismatchedThreshold', status: 400 })
  })
})
