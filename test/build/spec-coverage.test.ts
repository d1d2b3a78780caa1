import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/run-command.js'

interface SpecCommand {
  id: string
  args?: Array<{ name: string }>
  flags: Array<{ name: string; type: string }>
}
type ManifestCommand = { args: Record<string, { name: string }>; flags: Record<string, { type: string }>; examples?: string[] }

const manifest = JSON.parse(readFileSync(join(projectRoot, '.oclif.manifest.json'), 'utf8')) as { commands: Record<string, ManifestCommand> }
const specDir = join(projectRoot, 'spec', 'commands')
const spec = readdirSync(specDir)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => (JSON.parse(readFileSync(join(specDir, file), 'utf8')) as { commands: SpecCommand[] }).commands)

describe('every command of spec/commands/*.json exists as specified', () => {
  it('the manifest has all of them', () => {
    const missing = spec.map((command) => command.id).filter((id) => !manifest.commands[id.replaceAll(' ', ':')])
    expect(missing).toEqual([])
    expect(spec.filter((command) => !['login', 'logout', 'whoami'].includes(command.id) && !command.id.startsWith('emulator '))).toHaveLength(219)
  })

  it.each(spec.map((command) => [command.id, command] as const))('%s: flags, args, an example', (id, command) => {
    const found = manifest.commands[id.replaceAll(' ', ':')]
    expect(found.examples?.length ?? 0).toBeGreaterThan(0)
    expect(Object.values(found.args).map((arg) => arg.name)).toEqual((command.args ?? []).map((arg) => arg.name))
    for (const flag of command.flags) {
      expect(found.flags[flag.name], `--${flag.name}`).toBeDefined()
      expect(found.flags[flag.name].type === 'boolean', `--${flag.name} is boolean`).toBe(flag.type === 'boolean')
    }
  })
})
