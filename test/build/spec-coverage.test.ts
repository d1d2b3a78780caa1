import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NOT_BUILT, specEntries } from '../support/not-built.js'
import { projectRoot } from '../support/run-command.js'

type ManifestCommand = { aliases?: string[]; args: Record<string, { name: string }>; flags: Record<string, { type: string }>; examples?: string[] }

const manifest = JSON.parse(readFileSync(join(projectRoot, '.oclif.manifest.json'), 'utf8')) as { commands: Record<string, ManifestCommand> }
const spec = readdirSync(join(projectRoot, 'spec', 'commands'))
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => specEntries(file.replace(/\.json$/, '')))
const built = spec.filter((command) => !(command.id in NOT_BUILT))
const manifestEntry = (id: string) => manifest.commands[id.replaceAll(' ', ':')]

describe('every command of spec/commands/*.json exists as specified', () => {
  it('reads all 329 entries; the not-built list names only spec entries, none of them built', () => {
    expect(spec).toHaveLength(329)
    const ids = new Set(spec.map((command) => command.id))
    expect(Object.keys(NOT_BUILT).filter((id) => !ids.has(id))).toEqual([])
    expect(Object.keys(NOT_BUILT).filter((id) => manifestEntry(id))).toEqual([])
  })

  it('the manifest has every other one', () => {
    expect(built.map((command) => command.id).filter((id) => !manifestEntry(id))).toEqual([])
  })

  it.each(built.map((command) => [command.id, command] as const))('%s: aliases, flags, args, an example', (id, command) => {
    const found = manifestEntry(id)
    expect(found.examples?.length ?? 0).toBeGreaterThan(0)
    expect(found.aliases ?? []).toEqual((command.aliases ?? []).map((alias) => alias.replaceAll(' ', ':')))
    // the spec's arguments, in order; an optional one of our own may follow (ask's question)
    const specArgs = (command.args ?? []).map((arg) => arg.name)
    expect(Object.values(found.args).map((arg) => arg.name).slice(0, specArgs.length)).toEqual(specArgs)
    for (const flag of command.flags) {
      // `--no-open` is the negation of a boolean --open (allowNo)
      const name = flag.name.startsWith('no-') && !found.flags[flag.name] ? flag.name.slice(3) : flag.name
      expect(found.flags[name], `--${flag.name}`).toBeDefined()
      expect(found.flags[name].type === 'boolean', `--${flag.name} is boolean`).toBe(flag.type === 'boolean')
    }
  })
})
