import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/run-command.js'
import { cleanEnv, tempDir } from './cli-process.js'

const run = promisify(execFile)

/** The first code block under `## Quick start` in the README. */
function quickStart(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const section = readme.split('\n## Quick start\n')[1]
  const block = /```sh\n([\s\S]*?)```/.exec(section ?? '')?.[1] ?? ''
  return block.trim().split('\n')
}

describe('README quick start', () => {
  it('has exactly two commands: install + build + a documented flow, then install + the tests', () => {
    const [flow, tests, ...rest] = quickStart()
    expect(rest).toEqual([])
    expect(flow.startsWith('npm ci && npm run build && ')).toBe(true)
    expect(flow).toMatch(/orchestration run create .* --wait-until-finished$/)
    expect(tests).toBe('npm ci && npm test')
  })

  it('its flow (after install and build) prints a finished, successful run', async () => {
    const flow = quickStart()[0].replace('npm ci && npm run build && ', '')
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: join(tempDir(), 'config') })
    const { stdout } = await run('sh', ['-c', flow], { cwd: projectRoot, env })
    // Two JSON documents precede the run: the sign-in and the tool list.
    const finished = JSON.parse(stdout.slice(stdout.lastIndexOf('\n{\n  "run"') + 1))
    expect(finished.run.status).toBe('success')
    expect(finished.runContext.start.domain).toBe('acme.com')
  })
})
