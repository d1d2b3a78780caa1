import { Config } from '@oclif/core'
import { normalizeArgv } from '@oclif/core/help'
import { describe, expect, it } from 'vitest'
import ListRuns from '../../../src/commands/orchestration/run/list.js'
import ValidateNodes from '../../../src/commands/orchestration/node/validate.js'
import UploadFile from '../../../src/commands/content/file/upload.js'
import hook from '../../../src/cli/hooks/command-words.js'
import { reportError } from '../../../src/cli/output.js'
import { CommandTree, editDistance, nearest } from '../../../src/cli/suggestions.js'
import { requests } from '../../support/api-stub.js'
import { oclifConfig, runCommand } from '../../support/run-command.js'

describe('nearest names', () => {
  it.each([
    ['lst', 'list', 1],
    ['status', 'statuses', 2],
    ['lsit', 'list', 1],
    ['workspacemanagement', 'workspaceManagement', 0],
    ['abc', 'xyz', 3],
  ])('%s → %s: %i edits', (typed, candidate, distance) => {
    expect(editDistance(typed, candidate)).toBe(distance)
  })

  it('a third of the letters may be wrong; a longer name that starts with the word counts', () => {
    expect(nearest('lst', ['list', 'get', 'cancel'])).toEqual(['list'])
    expect(nearest('status', ['statuses', 'limit', 'offset'])).toEqual(['statuses'])
    expect(nearest('frobnicate', ['list', 'get', 'cancel'])).toEqual([])
    expect(nearest('get', ['get-draft', 'get-metrics', 'set'])).toEqual(['get-draft', 'get-metrics', 'set'])
  })
})

describe('a mistyped flag', () => {
  it('names the nearest flag (reason unknownFlag, exit 2, nothing sent)', async () => {
    const result = await runCommand(ListRuns, ['--status', 'error'])
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe(
      `${JSON.stringify({ errorMessage: 'Unknown flag --status. Did you mean --statuses?', reason: 'unknownFlag', suggestions: ['--statuses'] }, null, 2)}\n`,
    )
    expect(requests).toEqual([])
  })

  it('names each of several, and global flags count', async () => {
    const result = await runCommand(ListRuns, ['--status', 'error', '--formt', 'table'])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({
      errorMessage: 'Unknown flags --status, --formt. --status: did you mean --statuses? --formt: did you mean --format?',
      reason: 'unknownFlag',
      suggestions: ['--statuses', '--format'],
    })
  })

  it('with nothing near, points to --help', async () => {
    const result = await runCommand(ListRuns, ['--colour', 'red'])
    expect(result.exitCode).toBe(2)
    // the command's id is oclif's when it loads the class (test/e2e/command-words.e2e.test.ts); here the class runs alone
    expect(result.json()).toEqual({ errorMessage: expect.stringMatching(/^Unknown flag --colour\. Run `cargo-ai .+ --help` to list its flags\.$/), reason: 'unknownFlag' })
  })

  it('a boolean flag is suggested as typed: --exit-statu → --exit-status', async () => {
    const result = await runCommand(ValidateNodes, ['--nodes', '[]', '--exit-statu'])
    expect(result.json()).toMatchObject({ reason: 'unknownFlag', suggestions: ['--exit-status'] })
  })

  it('an older hidden spelling is not suggested: its current name is', async () => {
    // content file upload: --file-path is the hidden older name of --file
    const result = await runCommand(UploadFile, ['--file-pth', 'a.txt'])
    expect(result.exitCode).toBe(2)
    expect(result.json().suggestions).toEqual(['--file'])
  })
})

/** What the init hook makes of a command line, as bin/run.js would print it: the JSON body and exit code, or undefined to let oclif go on. */
async function commandLine(argv: string[]) {
  const config: Config = await oclifConfig()
  const [id, ...rest] = normalizeArgv(config, [...argv])
  try {
    await hook.call({} as never, { argv: rest, id, config, context: {} as never })
    return undefined
  } catch (error) {
    return reportError(error)
  }
}

describe('command words (the init hook)', () => {
  it('known commands, their older names, bare groups and help go on to oclif', async () => {
    for (const argv of [
      ['orchestration', 'run', 'list', '--limit', '3'],
      ['orchestration', 'run', 'get', 'some-uuid'],
      ['workspace', 'token', 'list'],
      ['workspaceManagement', 'token', 'list'],
      ['orchestration', 'run'],
      ['orchestration', 'run', '--help'],
      ['orchestration', 'run', '-h'],
      ['orchestration'],
      ['-h'],
      ['--help'],
      [],
    ]) {
      expect(await commandLine(argv), argv.join(' ')).toBeUndefined()
    }
  })

  it('a mistyped subcommand names the nearest, with spaces, and lists the group', async () => {
    const answer = await commandLine(['orchestration', 'run', 'lst', '--limit', '3'])
    expect(answer?.exitCode).toBe(2)
    const commands = ['cancel', 'count', 'create', 'download', 'download-outputs', 'get', 'get-metrics', 'list', 'wait'].map((verb) => `orchestration run ${verb}`)
    expect(answer?.body).toEqual({
      errorMessage: `Unknown command orchestration run lst. Did you mean orchestration run list? The commands of orchestration run are: ${commands.join(', ')}.`,
      reason: 'unknownCommand',
      suggestions: ['orchestration run list'],
      commands,
    })
  })

  it('an unknown subcommand is exit 2 with the group listed, with --help too', async () => {
    for (const argv of [
      ['orchestration', 'run', 'frobnicate'],
      ['orchestration', 'run', 'frobnicate', '--help'],
    ]) {
      const answer = await commandLine(argv)
      expect(answer?.exitCode).toBe(2)
      expect(answer?.body.reason).toBe('unknownCommand')
      expect(answer?.body.suggestions).toBeUndefined()
      expect(answer?.body.commands).toContain('orchestration run list')
      expect(answer?.body.errorMessage).toMatch(/^Unknown command orchestration run frobnicate\. The commands of orchestration run are: orchestration run cancel, /)
    }
    const group = await commandLine(['orchestration', 'frob'])
    expect(group?.body.commands).toContain('orchestration run')
    expect(group?.body.commands).toContain('orchestration workflow')
    expect(group?.body.commands).not.toContain('orchestration draft-release')
  })

  it('a group followed by a flag instead of a command is exit 2 (missingCommand), not its help', async () => {
    const answer = await commandLine(['orchestration', 'run', '--limit', '3'])
    expect(answer?.exitCode).toBe(2)
    expect(answer?.body).toMatchObject({ reason: 'missingCommand', errorMessage: expect.stringMatching(/^orchestration run needs a command after it: orchestration run cancel, /) })
    const empty = await commandLine(['orchestration', 'run', ''])
    expect(empty?.body.reason).toBe('missingCommand')
  })

  it('an unknown top-level word suggests the nearest, or a command that ends with the words typed', async () => {
    expect((await commandLine(['frobnicate']))?.body).toEqual({
      errorMessage: 'Unknown command frobnicate. Run `cargo-ai --help` to list the commands.',
      reason: 'unknownCommand',
    })
    expect((await commandLine(['orchestraton', 'run', 'list']))?.body).toMatchObject({
      errorMessage: 'Unknown command orchestraton. Did you mean orchestration run list? Run `cargo-ai --help` to list the commands.',
      suggestions: ['orchestration run list'],
    })
    expect((await commandLine(['token', 'create']))?.body.suggestions).toEqual(['workspaceManagement token create'])
    expect((await commandLine(['workspacemanagement', 'token', 'list']))?.body.suggestions).toEqual(['workspaceManagement token list'])
  })

  it('words after a command that takes no argument are refused as an argument, not as a command', async () => {
    expect((await commandLine(['orchestration', 'run', 'list', 'extra']))?.body).toEqual({
      errorMessage: 'Unexpected argument: extra (orchestration run list takes no arguments).',
    })
  })

  it('a flag before any command says the command comes first', async () => {
    const answer = await commandLine(['--format', 'json', 'orchestration', 'run', 'list'])
    expect(answer?.exitCode).toBe(2)
    expect(answer?.body.reason).toBe('missingCommand')
  })

  it('the tree lists current ids, and older ones only where no current one exists', () => {
    const tree = new CommandTree([
      { id: 'content:file:list', aliases: ['ai:file:list'] },
      { id: 'ai:file:list', aliases: ['ai:file:list'] },
      { id: 'ai:agent:list' },
      { id: 'secret:thing', hidden: true },
    ])
    expect(tree.children([])).toEqual(['ai', 'content'])
    expect(tree.children(['ai'])).toEqual(['ai agent'])
    expect(tree.children(['ai'], true)).toEqual(['ai agent', 'ai file'])
    expect(tree.isCommand(['ai', 'file', 'list'])).toBe(true)
    expect(tree.isGroup(['secret'])).toBe(false)
  })
})

describe('fatal errors oclif raises itself', () => {
  it('a command oclif did not find is one JSON object with spaces, exit 2', () => {
    expect(reportError(new Error('command orchestration:run:lst not found'))).toEqual({
      body: { errorMessage: 'Unknown command orchestration run lst. Run `cargo-ai --help` to list the commands.', reason: 'unknownCommand' },
      exitCode: 2,
    })
  })
})
