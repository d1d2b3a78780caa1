import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderCommandDocs } from './command-docs.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, '.oclif.manifest.json'), 'utf8'))
mkdirSync(join(root, 'docs'), { recursive: true })
writeFileSync(join(root, 'docs', 'commands.md'), renderCommandDocs(manifest))
console.error('wrote docs/commands.md')
