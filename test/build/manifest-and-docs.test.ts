import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderCommandDocs } from '../../scripts/command-docs.js'
import { generateManifest, serializeManifest } from '../../scripts/manifest.js'
import { renderMcpToolTable } from '../../scripts/mcp-tool-docs.js'
import { platformTools } from '../../src/mcp/platform-tools.js'
import { projectRoot } from '../support/run-command.js'

// `npm test` compiles but does not rewrite these files: a stale committed copy fails here.
const committedManifest = readFileSync(join(projectRoot, '.oclif.manifest.json'), 'utf8')

describe('generated files are up to date (run `npm run build` and commit them)', () => {
  it('.oclif.manifest.json matches the compiled commands', async () => {
    const fresh = serializeManifest(await generateManifest(projectRoot))
    expect(committedManifest).toBe(fresh)
  })

  it('docs/commands.md matches the manifest', () => {
    const docs = readFileSync(join(projectRoot, 'docs', 'commands.md'), 'utf8')
    expect(docs).toBe(renderCommandDocs(JSON.parse(committedManifest)))
  })

  it("the README's MCP tool table lists every platform tool as tools/list describes it", () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
    const table = renderMcpToolTable(platformTools)
    expect(readme).toContain(table)
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(13)
  })

  it('documents every command with a summary and an example', () => {
    const manifest = JSON.parse(committedManifest) as { commands: Record<string, { summary?: string; examples?: string[] }> }
    const missing = Object.entries(manifest.commands)
      .filter(([, command]) => !command.summary || !command.examples?.length)
      .map(([id]) => id)
    expect(missing).toEqual([])
  })
})
