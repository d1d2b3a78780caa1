import { describe, expect, it } from 'vitest'
import { cleanEnv, cli, tempDir } from './cli-process.js'

/**
 * Mistyped command lines through the real entry point: the fast path leaves them to oclif, whose init hook
 * (src/cli/hooks/command-words.ts) and the commands' parser answer with one JSON object and exit 2.
 */
describe('mistyped command lines, as a process', () => {
  const env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_TOKEN: 'unused', CARGO_AI_BASE_URL: 'http://127.0.0.1:9' })

  it('are usage errors (exit 2, one JSON object, nothing on stderr) with the nearest name', async () => {
    const cases: Array<[string[], Record<string, unknown>]> = [
      [['orchestration', 'run', 'list', '--status', 'error'], { errorMessage: 'Unknown flag --status. Did you mean --statuses?', reason: 'unknownFlag', suggestions: ['--statuses'] }],
      [['orchestration', 'run', 'list', '--colour', 'red'], { errorMessage: 'Unknown flag --colour. Run `cargo-ai orchestration run list --help` to list its flags.', reason: 'unknownFlag' }],
      [['orchestration', 'run', 'lst'], { reason: 'unknownCommand', suggestions: ['orchestration run list'] }],
      [['orchestration', 'run', 'frobnicate'], { reason: 'unknownCommand' }],
      [['orchestration', 'frob'], { reason: 'unknownCommand' }],
      [['frobnicate'], { errorMessage: 'Unknown command frobnicate. Run `cargo-ai --help` to list the commands.', reason: 'unknownCommand' }],
      [['orchestration', 'run', 'lst', '--help'], { reason: 'unknownCommand', suggestions: ['orchestration run list'] }],
      [['orchestration', 'run', '--limit', '3'], { reason: 'missingCommand' }],
    ]
    const results = await Promise.all(cases.map(([argv]) => cli(argv, env)))
    for (const [index, [argv, expected]] of cases.entries()) {
      const result = results[index]
      expect([argv, result.code, result.stderr]).toEqual([argv, 2, ''])
      expect(result.json()).toMatchObject(expected)
      expect(result.stdout).not.toMatch(/orchestration:run/)
    }
  })

  it('-h is --help, on a command, a group and the root; a bare group prints its help (exit 0)', async () => {
    const pairs = [['orchestration', 'run', 'list'], ['orchestration', 'run'], []]
    const results = await Promise.all(pairs.flatMap((words) => [cli([...words, '-h'], env), cli([...words, '--help'], env)]))
    for (const [index, words] of pairs.entries()) {
      const [short, long] = [results[2 * index], results[2 * index + 1]]
      expect([words, short.code, short.stdout]).toEqual([words, 0, long.stdout])
      expect(short.stdout).toMatch(/USAGE/)
    }
    const bare = await cli(['orchestration', 'run'], env)
    expect([bare.code, bare.stdout]).toEqual([0, results[3].stdout])
  })
})
