// Writes .oclif.manifest.json from the compiled commands, as `oclif manifest` does, without its
// publishing toolchain. oclif reads it at start-up so that only the invoked command is loaded.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Plugin } from '@oclif/core/config'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true })
await plugin.load()
const manifest = plugin.manifest
if (!manifest || Object.keys(manifest.commands).length === 0) throw new Error('no commands found under dist/commands')
// Sorted, so that the committed file only changes when the commands do.
const commands = Object.fromEntries(Object.keys(manifest.commands).sort().map((id) => [id, manifest.commands[id]]))
writeFileSync(join(root, '.oclif.manifest.json'), `${JSON.stringify({ commands, version: manifest.version }, null, 2)}\n`)
console.error(`wrote .oclif.manifest.json (${Object.keys(commands).length} commands)`)
