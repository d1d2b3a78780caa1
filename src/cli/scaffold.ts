import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CliError, ExitCode } from './cli-error.js'

/**
 * `hosting app init` and `hosting worker init`: a new local project copied from a template that ships with
 * the CLI (templates/hosting/<kind>/<slug>/, laid over templates/hosting/<kind>/_common/). No API call.
 *
 * Stored names are not always the written names: npm drops `.gitignore` from packages and the package
 * check refuses `.ts` files, so `_gitignore` is written as `.gitignore` and a `.tmpl` suffix is dropped.
 * `{{name}}` and `{{packageName}}` in a file are replaced by the display name and an npm-valid package name.
 */

export type HostedProjectKind = 'app' | 'worker'

export interface ProjectTemplate {
  slug: string
  description: string
}

/** The templates the docs name, described in our words; the first is the default. */
export const PROJECT_TEMPLATES: Record<HostedProjectKind, readonly ProjectTemplate[]> = {
  app: [
    { slug: 'blank', description: 'A Vite single-page app with one page, ready to build and deploy' },
    { slug: 'territories-overview', description: 'A Vite app that lists the territories of the workspace in a table' },
    { slug: 'public-site', description: 'A static site built with Vite: a landing page and its stylesheet' },
  ],
  worker: [
    { slug: 'blank', description: 'An HTTP worker with a JSON route, its OpenAPI 3.1 description at /openapi.json and a docs page at /docs' },
    { slug: 'custom-integration', description: 'A worker that serves actions for a custom integration: a catalogue route and one route per action' },
  ],
}

export const templateSlugs = (kind: HostedProjectKind): string[] => PROJECT_TEMPLATES[kind].map((template) => template.slug)

const templatesRoot = fileURLToPath(new URL('../../templates/hosting/', import.meta.url))

export interface ScaffoldResult {
  directory: string
  kind: HostedProjectKind
  template: string
  name: string
  files: string[]
}

/** An npm package name from a display name: accents dropped, lower case, runs of other characters as one hyphen. */
export function packageNameOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[-._]+|[-.]+$/g, '')
  return slug.slice(0, 214) || 'cargo-project'
}

function writtenName(storedPath: string): string {
  return storedPath
    .split('/')
    .map((part) => (part.startsWith('_') ? `.${part.slice(1)}` : part))
    .join('/')
    .replace(/\.tmpl$/, '')
}

async function filesUnder(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(() => [])
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name
      return entry.isDirectory() ? filesUnder(root, path) : Promise.resolve(entry.isFile() ? [path] : [])
    }),
  )
  return nested.flat()
}

/** The files of a template (common ones first, the template's own replacing them), by written path. */
async function templateFiles(kind: HostedProjectKind, slug: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const folder of [join(templatesRoot, kind, '_common'), join(templatesRoot, kind, slug)]) {
    for (const stored of await filesUnder(folder)) files.set(writtenName(stored), join(folder, stored))
  }
  if (files.size === 0) throw new CliError(`The ${kind} template ${slug} is missing from this installation of the CLI (${join(templatesRoot, kind, slug)})`)
  return files
}

/** The directory must not exist, or be an empty directory: a scaffold never overwrites anything. */
async function checkTarget(directory: string): Promise<void> {
  const found = await stat(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw new CliError(`Cannot use ${directory}: ${error.code ?? error.message}`, ExitCode.usage, { reason: 'directoryUnreadable' })
  })
  if (!found) return
  if (!found.isDirectory()) throw new CliError(`${directory} exists and is not a directory`, ExitCode.usage, { reason: 'notADirectory' })
  const entries = await readdir(directory)
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? ', ...' : '')
    throw new CliError(`${directory} is not empty (${shown}); give a new or empty directory, nothing was written`, ExitCode.usage, { reason: 'directoryNotEmpty' })
  }
}

export async function scaffoldProject(kind: HostedProjectKind, options: { directory: string; template: string; name?: string }): Promise<ScaffoldResult> {
  const directory = resolve(options.directory)
  const name = options.name?.trim() || basename(directory)
  const files = await templateFiles(kind, options.template)
  await checkTarget(directory)
  const values: Record<string, string> = { name, packageName: packageNameOf(name) }
  const written: string[] = []
  for (const [path, source] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = resolve(directory, path)
    const inside = relative(directory, target)
    if (inside.startsWith('..') || isAbsolute(inside)) throw new CliError(`Template file ${path} would be written outside ${directory}`)
    const text = (await readFile(source, 'utf8')).replace(/\{\{(name|packageName)\}\}/g, (_match, key: string) => fillFor(key, values, path))
    await mkdir(dirname(target), { recursive: true })
    // 'wx': never replace a file, even one created since the emptiness check
    await writeFile(target, text, { flag: 'wx' })
    written.push(path)
  }
  return { directory, kind, template: options.template, name, files: written }
}

/**
 * A value goes in as its file type needs it: a JSON string body in JSON and code (the templates quote it with
 * double quotes), escaped in HTML, as is in markdown; so a quote or a `<` in a name cannot break a file.
 */
function fillFor(key: string, values: Record<string, string>, path: string): string {
  const value = values[key]
  if (/\.(json|ts|js)$/.test(path)) return JSON.stringify(value).slice(1, -1)
  if (path.endsWith('.html')) return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  return value
}
