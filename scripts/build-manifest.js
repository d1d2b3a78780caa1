// Writes .oclif.manifest.json: oclif reads it at start-up so that only the invoked command is loaded.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateManifest, serializeManifest } from './manifest.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = await generateManifest(root)
writeFileSync(join(root, '.oclif.manifest.json'), serializeManifest(manifest))
console.error(`wrote .oclif.manifest.json (${Object.keys(manifest.commands).length} commands)`)
