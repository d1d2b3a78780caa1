/**
 * `hosting app init` and `hosting worker init`: local scaffolds from the templates under templates/hosting/,
 * no API call and no sign-in. Refusals write nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_TEMPLATES, packageNameOf } from '../../../src/cli/scaffold.js'
import { runCommand } from '../../support/run-command.js'
import { loadCommand } from '../../support/spec-table.js'

let root: string
/** No token, no profile: a command that asked the API would exit 3 here. */
const signedOut = () => ({ CARGO_AI_CONFIG_DIR: join(root, 'config'), CARGO_AI_KEYRING: 'off', HOME: root })
const init = async (kind: 'app' | 'worker', argv: string[]) => runCommand(await loadCommand(`hosting ${kind} init`), argv, { env: signedOut() })
const read = (path: string) => readFileSync(path, 'utf8')

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cargo-ai-init-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('--list-templates', () => {
  it.each([
    ['app', ['blank', 'territories-overview', 'public-site']],
    ['worker', ['blank', 'custom-integration']],
  ] as const)('%s: prints [{slug, description}] in the documented order, creates nothing, needs no sign-in', async (kind, slugs) => {
    const target = join(root, `listed-${kind}`)
    const result = await init(kind, [target, '--list-templates'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual(PROJECT_TEMPLATES[kind].map(({ slug, description }) => ({ slug, description })))
    expect(result.json().map((template: { slug: string }) => template.slug)).toEqual(slugs)
    expect(existsSync(target)).toBe(false)
  })

  it('still needs the directory argument (exit 2)', async () => {
    const result = await init('app', ['--list-templates'])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: 'Missing required argument: <directory>' })
  })
})

describe('scaffolding', () => {
  it('a worker (default template blank): missing parents created, name and package name filled in, JSON result', async () => {
    const target = join(root, 'deep', 'er', 'lead-router')
    const result = await init('worker', [target, '--name', 'Lead "Router" <EU>'])
    expect(result.exitCode).toBe(0)
    const files = ['.gitignore', 'README.md', 'dev.ts', 'package.json', 'src/index.ts', 'tsconfig.json']
    expect(result.json()).toEqual({ directory: target, kind: 'worker', template: 'blank', name: 'Lead "Router" <EU>', files })
    const manifest = JSON.parse(read(join(target, 'package.json')))
    expect(manifest).toMatchObject({ name: 'lead-router-eu', private: true, description: 'Lead "Router" <EU>: a Cargo worker', scripts: { dev: 'tsx dev.ts' } })
    expect(read(join(target, 'src/index.ts'))).toContain('info: { title: "Lead \\"Router\\" <EU>", version: "0.1.0" }')
    expect(read(join(target, 'src/index.ts'))).toContain('"GET /openapi.json"')
    expect(read(join(target, 'README.md'))).toMatch(/^# Lead "Router" <EU>\n/)
    expect(read(join(target, '.gitignore'))).toBe('node_modules\ndist\n.env*\n')
  })

  it('an app from territories-overview into an existing empty directory, named after the directory', async () => {
    const target = join(root, 'Territory Board')
    mkdirSync(target)
    const result = await init('app', [target, '--template', 'territories-overview'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ directory: target, kind: 'app', template: 'territories-overview', name: 'Territory Board' })
    expect(result.json().files).toEqual(['.gitignore', 'README.md', 'index.html', 'package.json', 'src/main.ts', 'src/territories.ts', 'tsconfig.json'])
    expect(JSON.parse(read(join(target, 'package.json')))).toMatchObject({ name: 'territory-board', scripts: { build: 'tsc && vite build' } })
    expect(read(join(target, 'index.html'))).toContain('<title>Territory Board</title>')
    expect(read(join(target, 'src/territories.ts'))).toContain('/v1/revenueOrganization/territories/list')
  })

  it('escapes the name in HTML', async () => {
    const target = join(root, 'site')
    expect((await init('app', [target, '--template', 'public-site', '--name', 'A & B <site>'])).exitCode).toBe(0)
    expect(read(join(target, 'index.html'))).toContain('<title>A &amp; B &lt;site&gt;</title>')
    expect(readdirSync(join(target, 'src')).sort()).toEqual(['main.ts', 'style.css'])
  })

  it('every template of both kinds writes a package.json and no stored-only names (_gitignore, .tmpl)', async () => {
    for (const kind of ['app', 'worker'] as const) {
      for (const { slug } of PROJECT_TEMPLATES[kind]) {
        const result = await init(kind, [join(root, 'all', kind, slug), '--template', slug])
        expect(result.exitCode, `${kind} ${slug}`).toBe(0)
        const files: string[] = result.json().files
        expect(files).toContain('package.json')
        expect(files.filter((file) => file.endsWith('.tmpl') || file.split('/').some((part) => part.startsWith('_')))).toEqual([])
        expect(files).toContain(kind === 'worker' ? 'src/index.ts' : 'index.html')
        for (const file of files) expect(read(join(root, 'all', kind, slug, file)), `${kind} ${slug} ${file}`).not.toMatch(/\{\{\w+\}\}/)
      }
    }
  })
})

describe('refusals write nothing', () => {
  it('a non-empty directory: exit 2, reason directoryNotEmpty, its files untouched', async () => {
    const target = join(root, 'taken')
    mkdirSync(target)
    writeFileSync(join(target, 'package.json'), 'mine\n')
    const result = await init('worker', [target])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: `${target} is not empty (package.json); give a new or empty directory, nothing was written`, reason: 'directoryNotEmpty' })
    expect(readdirSync(target)).toEqual(['package.json'])
    expect(read(join(target, 'package.json'))).toBe('mine\n')
  })

  it('a path that is a file: exit 2, reason notADirectory', async () => {
    const target = join(root, 'a-file')
    writeFileSync(target, 'x')
    const result = await init('app', [target])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: `${target} exists and is not a directory`, reason: 'notADirectory' })
  })

  it('an unknown template: exit 2 naming the choices, nothing created', async () => {
    const target = join(root, 'unknown-template')
    const result = await init('worker', [target, '--template', 'territories-overview'])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(/blank, custom-integration/)
    expect(existsSync(target)).toBe(false)
  })
})

describe('packageNameOf', () => {
  it.each([
    ['My App', 'my-app'],
    ['  Ünïcode & Co. ', 'unicode-co'],
    ['___', 'cargo-project'],
    ['already-fine_1.2', 'already-fine_1.2'],
  ])('%j → %s', (name, expected) => {
    expect(packageNameOf(name)).toBe(expected)
  })
})
