import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { describeCycle, findCycles, importGraph, relativeSpecifiers } from '../../scripts/check-import-cycles.js'

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-import-cycles.js')
const emulator = join(import.meta.dirname, '..', '..', 'src', 'emulator')

/** The emulator's files that `file` imports, relative to src/emulator. */
function importsOf(graph: Map<string, string[]>, file: string): string[] {
  return (graph.get(file) ?? []).map((target) => relative(emulator, target).split(sep).join('/'))
}

describe('import circles', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'import-cycles-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('finds none under src/emulator, and says so with exit 0', () => {
    const run = spawnSync(process.execPath, [script, 'src/emulator'], { encoding: 'utf8' })
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('0 import circle(s) under src/emulator\n')
    expect(run.status).toBe(0)
  })

  it('prints each circle of a folder that has some and exits 1', () => {
    const folder = join(scratch, 'circles')
    mkdirSync(join(folder, 'lib'), { recursive: true })
    // a → b → a through `import … from`; c → lib (a folder's index.ts) → c through `export … from` and import()
    writeFileSync(join(folder, 'a.ts'), "import { b } from './b.js'\nexport const a = () => b\n")
    writeFileSync(join(folder, 'b.ts'), "import type {\n  A,\n} from './a.js'\nexport const b = 1\nexport type B = A\n")
    writeFileSync(join(folder, 'c.ts'), "export { index } from './lib'\n")
    writeFileSync(join(folder, 'lib', 'index.ts'), "export const index = () => import('../c.js')\n")
    // a leaf that names a.ts only in a comment and a string: no edge
    writeFileSync(join(folder, 'd.ts'), "// import { a } from './a.js'\nexport const d = \"from './a.js'\"\n")
    const run = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' })
    const lines = run.stdout.trim().split('\n').map((line) => line.split(' → ').map((path) => path.split(sep).pop()))
    expect(lines).toEqual([
      ['a.ts', 'b.ts', 'a.ts'],
      ['c.ts', 'index.ts', 'c.ts'],
    ])
    expect(run.stderr).toMatch(/^2 import circle\(s\) under /)
    expect(run.status).toBe(1)
  })

  it('reads static, re-export, side-effect and dynamic specifiers, not comments or packages', () => {
    const source = [
      "import { x } from './x.js'",
      "import type {\n  Y,\n} from '../y.js'",
      "export * from './z.js'",
      "import './side-effect.js'",
      "const later = await import('./later.js')",
      "import { z } from 'zod'",
      "/* import { w } from './w.js' */",
    ].join('\n')
    expect(relativeSpecifiers(source)).toEqual(['./x.js', '../y.js', './z.js', './side-effect.js', './later.js'])
  })

  it('reports a circle once, from its smallest file, whatever file the search starts from', () => {
    const graph = new Map([
      ['/c', ['/a']],
      ['/a', ['/b']],
      ['/b', ['/c']],
      ['/d', ['/a']],
    ])
    expect(findCycles(graph)).toEqual([['/a', '/b', '/c', '/a']])
    expect(findCycles(new Map([['/a', ['/b']], ['/b', []]]))).toEqual([])
  })

  it('the script runs on the whole of src/ (circles outside the emulator are listed, not failed on here)', () => {
    const cycles = findCycles(importGraph(['src'])).map(describeCycle)
    expect(cycles.filter((cycle) => cycle.includes('src/emulator/'))).toEqual([])
  })
})

describe('emulator layout', () => {
  const graph = importGraph(['src/emulator'])
  const files = [...graph.keys()].map((file) => relative(emulator, file).split(sep).join('/'))

  it('the kernel imports no domain and nothing outside the kernel but shared modules', () => {
    const kernel = files.filter((file) => file.startsWith('kernel/'))
    expect(kernel).toContain('kernel/store.ts')
    for (const file of kernel) {
      const imports = importsOf(graph, join(emulator, file))
      expect(imports.filter((target) => target.startsWith('domains/')), file).toEqual([])
      // shared modules it may use: the SQL sandbox (a type of the request context) and what that loads
      expect(imports.filter((target) => !target.startsWith('kernel/') && !target.startsWith('../')), file).toEqual(
        file === 'kernel/context.ts' ? ['sql-sandbox.ts'] : [],
      )
    }
  })

  it('the shared modules at the top of src/emulator import no domain', () => {
    const composition = ['emulator.ts', 'in-process.ts', 'server.ts', 'index.ts', 'seed.ts', 'email-sign-in.ts', 'oauth.ts', 'mcp-endpoint.ts']
    const shared = files.filter((file) => !file.includes('/') && !composition.includes(file))
    expect(shared).toContain('engine.ts')
    for (const file of shared) expect(importsOf(graph, join(emulator, file)).filter((target) => target.startsWith('domains/')), file).toEqual([])
  })

  it('every domain folder has the files a newcomer copies', () => {
    const domains = [...new Set(files.filter((file) => file.startsWith('domains/') && file.split('/').length === 3).map((file) => file.split('/')[1]))]
    expect(domains.length).toBeGreaterThanOrEqual(15)
    for (const domain of domains) {
      const own = files.filter((file) => file.startsWith(`domains/${domain}/`))
      expect(own, domain).toEqual(expect.arrayContaining([`domains/${domain}/handlers.ts`, `domains/${domain}/index.ts`, `domains/${domain}/documents.ts`]))
    }
  })
})
