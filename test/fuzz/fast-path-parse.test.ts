/**
 * The fast path's argv parser against oclif's: for random command lines, whenever the fast path accepts
 * one, oclif (after the same true/false rewriting BaseCommand does) must parse it to exactly the same
 * flags and arguments. What the fast path declines goes to oclif anyway, so declining is always safe.
 */
import { parse } from '@oclif/core/parser'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import * as storage from '../../src/api/endpoints/storage.js'
import * as connection from '../../src/api/endpoints/connection.js'
import { type FastCommand, parseFastArgv } from '../../src/cli/fast-path.js'
import { endpointLocations, fastRowFor } from '../../src/cli/fast-table.js'
import { normalizeBooleanValues } from '../../src/cli/flag-values.js'
import ListRuns from '../../src/commands/orchestration/run/list.js'
import CreateRun from '../../src/commands/orchestration/run/create.js'
import DownloadRuns from '../../src/commands/orchestration/run/download.js'
import GetRun from '../../src/commands/orchestration/run/get.js'
import UpdatePlay from '../../src/commands/orchestration/play/update.js'
import ListRecords from '../../src/commands/storage/record/list.js'

type OclifClass = { flags: Record<string, any>; baseFlags: Record<string, any>; args: Record<string, any> }

const locations = endpointLocations({ 'api/endpoints/orchestration.js': orchestration, 'api/endpoints/storage.js': storage, 'api/endpoints/connection.js': connection })
const cases = [CreateRun, GetRun, DownloadRuns, UpdatePlay, ListRuns, ListRecords].map((command) => {
  const row = fastRowFor('test', command as never, locations)
  if (!row) throw new Error(`${command.name} has no fast-path row`)
  return { command: command as unknown as OclifClass, row }
})

async function oclifParse(command: OclifClass, argv: string[]) {
  const flags = { ...command.baseFlags, ...command.flags }
  const parsed = await parse(normalizeBooleanValues(argv, flags), { flags, args: command.args, strict: true })
  return { flags: parsed.flags, args: parsed.args }
}

/** Command lines that are mostly right: some flags with plausible values, the required ones, the arguments. */
function likelyArgv(row: FastCommand) {
  const names = Object.keys(row.flags)
  const flagTokens = (name: string) => {
    const flag = row.flags[name]
    if (flag.type === 'boolean') {
      const forms = [[`--${name}`], [`--${name}=true`], [`--${name}`, 'true'], [`--${name}`, 'false'], ...(flag.allowNo ? [[`--no-${name}`]] : [])]
      return fc.constantFrom(...forms)
    }
    const value = flag.options ? fc.constantFrom(...flag.options, 'bogus') : fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('null', '{}', '-1', '-', 'a b'))
    return fc.tuple(value, fc.boolean(), fc.boolean()).map(([text, inline, useChar]) =>
      inline ? [`--${name}=${text}`] : [useChar && flag.char ? `-${flag.char}` : `--${name}`, text],
    )
  }
  return fc
    .tuple(
      fc.subarray(names),
      fc.array(fc.uuid(), { minLength: row.args.length, maxLength: row.args.length + 1 }),
    )
    .chain(([chosen, args]) => {
      const required = names.filter((name) => row.flags[name].required)
      const all = [...new Set([...chosen, ...required])]
      return fc.tuple(all.length ? fc.tuple(...all.map(flagTokens)) : fc.constant([] as string[][]), fc.constant(args)).chain(([groups, positional]) =>
        fc.shuffledSubarray([...groups, ...positional.map((arg) => [arg])], { minLength: groups.length + positional.length }).map((parts) => parts.flat()),
      )
    })
}

function tokensFor(row: FastCommand) {
  const names = Object.keys(row.flags)
  const values = row.fields.flatMap((field) => field.options ?? [])
  return fc.oneof(
    fc.constantFrom(...names.map((name) => `--${name}`)),
    fc.constantFrom(...names.map((name) => `--no-${name}`)),
    fc.tuple(fc.constantFrom(...names), fc.oneof(fc.string(), fc.constantFrom('true', 'false', 'null', ''))).map(([name, value]) => `--${name}=${value}`),
    fc.constantFrom('-o', '-x', '--', '-', '--unknown', 'true', 'false', 'json', 'table', ...values),
    fc.string(),
    fc.uuid(),
  )
}

describe('fast-path argv parsing agrees with oclif', () => {
  for (const { command, row } of cases) {
    it(`${row.endpoint.name}: what the fast path accepts, oclif parses the same`, async () => {
      let accepted = 0
      await fc.assert(
        fc.asyncProperty(fc.oneof(likelyArgv(row), fc.array(tokensFor(row), { maxLength: 8 })), async (argv) => {
          const fast = parseFastArgv(row, argv)
          if (!fast) return
          accepted++
          const expected = await oclifParse(command, argv)
          expect(fast.flags).toEqual(expected.flags)
          expect(fast.args).toEqual(expected.args)
        }),
        { numRuns: 400 },
      )
      // the property says nothing unless a fair share of command lines is accepted
      expect(accepted).toBeGreaterThan(10)
    })
  }

  it('declines what it leaves to oclif: help, unknown flags, missing values and arguments, repeats, exclusive pairs, waiting', () => {
    const run = cases[0].row
    const get = cases[1].row
    expect(parseFastArgv(get, ['--help', 'u'])).toBeUndefined()
    expect(parseFastArgv(get, ['-h', 'u'])).toBeUndefined()
    expect(parseFastArgv(get, [])).toBeUndefined()
    expect(parseFastArgv(get, ['a', 'b'])).toBeUndefined()
    expect(parseFastArgv(get, ['u', '--bogus'])).toBeUndefined()
    expect(parseFastArgv(get, ['u', '--format'])).toBeUndefined()
    expect(parseFastArgv(get, ['u', '--format', 'xml'])).toBeUndefined()
    expect(parseFastArgv(get, ['u', '--query', 'a', '--query', 'b'])).toBeUndefined()
    expect(parseFastArgv(get, ['u', '--', '--x'])).toBeUndefined()
    expect(parseFastArgv(run, ['--workflow-uuid', 'w', '--data', '{}', '--wait-until-finished'])).toBeUndefined()
    expect(parseFastArgv(get, ['u'])).toEqual({ flags: { format: 'json' }, args: { uuid: 'u' } })
  })
})
