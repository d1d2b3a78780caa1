import { describe, expect, it } from 'vitest'
import { cli, useSignedInEmulator } from './cli-process.js'

/** The context topic, from the real CLI process to a served emulator: write, edit and read a file, then its history. */

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

describe('context runtime', () => {
  it('writes, edits (an empty --new-string deletes), reads a line range and shows both commits in git log', async () => {
    const path = 'persona/cfo.md'
    const written = await ok(['context', 'runtime', 'write', '--path', path, '--content', '# CFO\n\nOwns the budget. Signs late.\n', '--commit-message', 'Add the CFO persona'])
    expect(written.commit.message).toBe('Add the CFO persona')
    await ok(['context', 'runtime', 'edit', '--path', path, '--old-string', ' Signs late.', '--new-string', '', '--commit-message', 'Drop a guess'])
    expect(await ok(['context', 'runtime', 'read', '--path', path, '--start-line', '3', '--end-line', '3'])).toEqual({ path, content: 'Owns the budget.', startLine: 3, endLine: 3, totalLines: 3 })
    const log = await ok(['context', 'runtime', 'execute', '--command', 'git', '--args', JSON.stringify(['log', '--oneline', '--', path])])
    expect(log.exitCode).toBe(0)
    expect(log.stdout.split('\n').filter(Boolean).map((line: string) => line.slice(8))).toEqual(['Drop a guess', 'Add the CFO persona'])

    const missing = await cli(['context', 'runtime', 'edit', '--path', path, '--old-string', 'nowhere', '--new-string', 'x'], env)
    expect(missing.code).toBe(1)
    expect(missing.json()).toMatchObject({ reason: 'stringNotFound', errorMessage: 'The text to replace was not found in the file.' })
  })
})
