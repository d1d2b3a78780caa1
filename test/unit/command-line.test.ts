/**
 * The one command-line parser (src/cli/command-line.ts): what it takes, what it refuses and in which words,
 * and that no command declares a rule it would ignore.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/cli-error.js'
import { type CommandLineSpec, parseCommandLine, unsupportedRules } from '../../src/cli/command-line.js'
import { oclifConfig } from '../support/run-command.js'

const spec: CommandLineSpec = {
  id: 'thing create',
  flags: {
    format: { type: 'option', options: ['json', 'table'], default: 'json' },
    name: { type: 'option', char: 'n' },
    limit: { type: 'option' },
    verbose: { type: 'boolean' },
    raw: { type: 'boolean', allowNo: true },
    'no-browser': { type: 'boolean' },
    port: { type: 'option' },
    host: { type: 'option', dependsOn: ['port'] },
    token: { type: 'option', exclusive: ['email'] },
    email: { type: 'option', exclusive: ['token'] },
    file: { type: 'option', aliases: ['file-path'] },
  },
  args: { uuid: { required: true } },
  strict: true,
}

const parse = (words: string[], over: Partial<CommandLineSpec> = {}) => parseCommandLine({ ...spec, ...over }, words)

async function refusal(words: string[], over: Partial<CommandLineSpec> = {}): Promise<{ message: string; exitCode: number; reason?: unknown }> {
  try {
    await parse(words, over)
  } catch (error) {
    expect(error).toBeInstanceOf(CliError)
    const cli = error as CliError
    return { message: cli.message, exitCode: cli.exitCode, reason: cli.fields?.reason }
  }
  throw new Error(`accepted: ${JSON.stringify(words)}`)
}

describe('parseCommandLine: what it takes', () => {
  it('long, inline, short and glued short values, booleans, defaults and the argument', async () => {
    expect(await parse(['u1', '--name', 'a b', '--limit=5', '--verbose'])).toEqual({
      flags: { format: 'json', name: 'a b', limit: '5', verbose: true },
      args: { uuid: 'u1' },
      argv: ['u1'],
    })
    expect((await parse(['-n', 'x', 'u'])).flags.name).toBe('x')
    expect((await parse(['-nx', 'u'])).flags.name).toBe('x')
    expect((await parse(['--name=', 'u'])).flags.name).toBe('')
  })

  it('booleans written with a value, --no-x where allowed, and a flag whose own name starts with no-', async () => {
    expect((await parse(['u', '--verbose', 'true'])).flags.verbose).toBe(true)
    expect((await parse(['u', '--raw=false'])).flags.raw).toBe(false)
    expect((await parse(['u', '--no-raw'])).flags.raw).toBe(false)
    expect((await parse(['u', '--no-browser'])).flags['no-browser']).toBe(true)
  })

  it('an older name of a flag (alias) fills the flag', async () => {
    expect((await parse(['u', '--file-path', 'a.csv'])).flags.file).toBe('a.csv')
    expect((await refusal(['u', '--file-path', 'a', '--file', 'b'])).message).toBe('Flag --file can only be specified once')
  })

  it('a value that starts with a dash but is no flag of the command (a negative number)', async () => {
    expect((await parse(['u', '--limit', '-5'])).flags.limit).toBe('-5')
  })

  it('words after -- are arguments, even when they look like flags', async () => {
    expect((await parse(['--', '--verbose'])).args).toEqual({ uuid: '--verbose' })
  })

  it('a default function, a flag parse function, and extra words where the command is not strict', async () => {
    const flags = { when: { type: 'option' as const, default: async () => 'now' }, size: { type: 'option' as const, parse: async (text: string) => Number(text) } }
    expect(await parse(['a', 'b', '--size', '3'], { flags, args: { first: {} }, strict: false })).toEqual({ flags: { when: 'now', size: 3 }, args: { first: 'a' }, argv: ['a', 'b'] })
  })
})

describe('parseCommandLine: what it refuses (exit 2, before anything is sent)', () => {
  it.each([
    [['u', '--format', 'xml'], 'Expected --format=xml to be one of: json, table'],
    [['u', '--name'], 'Flag --name (-n) expects a value'],
    [['u', '--limit', '--verbose'], 'Flag --limit expects a value'],
    [['u', '--name', 'a', '--name', 'b'], 'Flag --name can only be specified once'],
    [['u', '--verbose=yes'], '--verbose takes no value, or true/false; got "yes"'],
    [['u', '--host', 'h'], 'All of the following must be provided when using --host: --port'],
    [['u', '--email', 'e', '--token', 't'], '--email cannot also be provided when using --token'],
    [['u', 'v'], 'Unexpected argument: v'],
    [[], 'Missing required argument: <uuid>'],
  ])('%j: %s', async (words, message) => {
    expect(await refusal(words)).toEqual({ message, exitCode: 2, reason: undefined })
  })

  it('a missing required flag, named', async () => {
    const flags = { ...spec.flags, 'workflow-uuid': { type: 'option' as const, required: true } }
    expect((await refusal(['u'], { flags })).message).toBe('Missing required flag --workflow-uuid')
  })

  it('an argument outside its allowed values', async () => {
    expect((await refusal(['tcsh'], { args: { shell: { options: ['bash', 'zsh', 'fish'] } } })).message).toBe('Expected tcsh to be one of: bash, zsh, fish')
  })

  it('unknown flags, with the nearest real one; --no-x where x cannot be negated; a short flag the command lacks', async () => {
    expect(await refusal(['u', '--nme', 'x'])).toMatchObject({ message: 'Unknown flag --nme. Did you mean --name?', exitCode: 2, reason: 'unknownFlag' })
    expect((await refusal(['u', '--no-verbose'])).message).toMatch(/^Unknown flag --no-verbose\./)
    expect((await refusal(['u', '-z'])).message).toMatch(/^Unknown flag -z\./)
  })

  it("a flag's own parse that throws: its message, as a usage error", async () => {
    const flags = { size: { type: 'option' as const, parse: async () => { throw new Error('--size: expected a size') } } }
    expect(await refusal(['--size', 'big'], { flags, args: {} })).toEqual({ message: '--size: expected a size', exitCode: 2, reason: undefined })
  })

  it('any command line either parses or is refused as a usage error: never another failure', async () => {
    const word = fc.oneof(fc.constantFrom('--name', '--format', '--no-raw', '--raw', '-n', '-nx', '--', '-', '--verbose=true', '--host', '--port', 'u', 'true', '--email', '--token', '--x=1', '-5'), fc.string())
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (words) => {
        try {
          await parse(words)
        } catch (error) {
          expect(error).toBeInstanceOf(CliError)
          expect((error as CliError).exitCode).toBe(2)
        }
      }),
      { numRuns: 300 },
    )
  })
})

it('no command declares a flag rule the parser does not implement', async () => {
  const config = await oclifConfig()
  const offending: string[] = []
  for (const entry of config.commands) {
    const command = await entry.load()
    for (const rule of unsupportedRules({ ...command.baseFlags, ...command.flags })) offending.push(`${entry.id} ${rule}`)
  }
  expect(offending).toEqual([])
})
