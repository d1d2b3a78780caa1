import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderCommandDocs } from './command-docs.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(root, '.oclif.manifest.json'), 'utf8'))
mkdirSync(join(root, 'docs'), { recursive: true })
writeFileSync(join(root, 'docs', 'commands.md'), renderCommandDocs(manifest))
console.error('wrote docs/commands.md')

// The README's MCP tool table, from the compiled tool definitions
const { platformTools } = await import('../dist/mcp/platform-tools.js')
const { withMcpToolTable } = await import('./mcp-tool-docs.js')
const readmePath = join(root, 'README.md')
writeFileSync(readmePath, withMcpToolTable(readFileSync(readmePath, 'utf8'), platformTools))
console.error('wrote the MCP tool table of README.md')
