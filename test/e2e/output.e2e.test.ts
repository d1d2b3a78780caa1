/**
 * Output for agents and scripts (issue 11 point 5) from the real bin/run.js against a served emulator:
 * --raw and AWS-style backtick literals on the fast path and through oclif, --format table fitted to
 * COLUMNS, and NO_COLOR reaching the wait spinner on a pseudo-terminal (util-linux `script`).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../support/run-command.js'
import { cleanEnv, cli, freshConfigDir, type ServedEmulator, startEmulatorProcess, tempDir } from './cli-process.js'

const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'
const FIND_TEMPLATE = 'templates[?name==`Company enrichment`].slug | [0]'

let served: ServedEmulator
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  served = await startEmulatorProcess(tempDir())
  env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), CARGO_AI_BASE_URL: served.baseUrl, CARGO_AI_TOKEN: served.token })
})
afterAll(async () => {
  expect(await served.stop()).toBe(0)
})

describe('--raw and backtick literals', () => {
  it('on the fast path (DEBUG=cargo-ai:fast says so): the bare slug', async () => {
    const result = await cli(['orchestration', 'template', 'list', '--query', FIND_TEMPLATE, '--raw'], { ...env, DEBUG: 'cargo-ai:fast' })
    expect([result.code, result.stdout]).toEqual([0, 'company-enrichment\n'])
    expect(result.stderr).toBe('cargo-ai:fast orchestration:template:list: fast path\n')
  })

  it('commands the fast path leaves to oclif: one value per line', async () => {
    const result = await cli(['orchestration', 'tool', 'list', '--query', 'tools[].[name, workflowUuid][]', '--raw'], { ...env, DEBUG: 'cargo-ai:fast' })
    expect([result.code, result.stdout, result.stderr]).toEqual([0, `Company enrichment\n${TOOL_WORKFLOW}\n`, ''])
    const whoami = await cli(['whoami', '--query', 'workspace.uuid', '--raw'], env)
    expect([whoami.code, whoami.stdout]).toEqual([0, `${served.workspaceUuid}\n`])
  })
})

describe('--format table', () => {
  it('fits COLUMNS=60: every line exactly that wide, the rest named below', async () => {
    const result = await cli(['orchestration', 'template', 'list', '--format', 'table'], { ...env, COLUMNS: '60' })
    const lines = result.stdout.trimEnd().split('\n')
    expect(result.code).toBe(0)
    expect(lines.slice(0, -1).every((line) => [...line].length === 60)).toBe(true)
    expect(lines[1]).toMatch(/^│ slug /)
    expect(lines.at(-1)).toMatch(/^\d+ more columns not shown: /)
  })
})

/** util-linux `script`: runs a command on a pseudo-terminal, as a person's terminal would. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') ?? false

describe.skipIf(!hasScript)('the wait spinner on a terminal', () => {
  const bin = join(projectRoot, 'bin', 'run.js')
  const waitCommand = `node ${bin} orchestration run create --workflow-uuid ${TOOL_WORKFLOW} --data '{"domain":"acme.com"}' --wait-until-finished --polling-interval 100 --query run.status`
  /** The command on a pty of `columns` columns; what the terminal received (stdout and stderr together). */
  const onTerminal = (columns: number, extra: NodeJS.ProcessEnv) => {
    const child = spawnSync('script', ['-qec', `stty cols ${columns} rows 24; ${waitCommand}`, '/dev/null'], {
      env: { ...env, TERM: 'xterm-256color', SHELL: '/bin/sh', ...extra },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    return { code: child.status, text: child.stdout }
  }
  // eslint-disable-next-line no-control-regex
  const SGR = /\u001b\[[\d;]*m/

  it('is coloured without NO_COLOR (the control)', () => {
    // an undefined value leaves the variable out of the child's environment
    const { code, text } = onTerminal(100, { NO_COLOR: undefined })
    expect(code).toBe(0)
    expect(text).toContain('Waiting for run')
    expect(text).toMatch(SGR)
  })

  it('with NO_COLOR: the spinner runs and writes no colour code', () => {
    const { code, text } = onTerminal(100, { NO_COLOR: '1' })
    expect(code).toBe(0)
    expect(text).toContain('Waiting for run')
    expect(text).toContain('"success"')
    expect(text).not.toMatch(SGR)
  })

  it('a terminal of 0 columns gets one plain line and the command ends (ora alone loops there)', () => {
    const { code, text } = onTerminal(0, { NO_COLOR: '1' })
    expect(code).toBe(0)
    expect(text).toMatch(/^- Waiting for run [0-9a-f-]{36}\r\n"success"\r\n$/)
  })
})
