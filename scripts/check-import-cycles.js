// Finds import circles among the TypeScript files under the given folders (default: src/emulator).
// Usage: node scripts/check-import-cycles.js [folder ...]   Prints each circle; exits 1 if there is any.
// Only relative specifiers count (packages cannot close a circle through our files); type-only imports count
// too, because a type circle still ties the modules' layout together.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// `import … from '…'`, `export … from '…'` (across lines), bare `import '…'`, and `import('…')`.
const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** Every .ts file under a folder (declaration files left out), as absolute paths. */
export function typescriptFiles(folder) {
  const found = []
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) found.push(...typescriptFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path)
  }
  return found.sort()
}

/** Comments removed, so that an import shown in a doc comment is not read as one. */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

/** The relative specifiers a source imports, in order of appearance. */
export function relativeSpecifiers(source) {
  const text = withoutComments(source)
  const hits = []
  for (const pattern of SPECIFIERS) {
    for (const match of text.matchAll(pattern)) if (match[1].startsWith('.')) hits.push({ at: match.index, specifier: match[1] })
  }
  return [...new Set(hits.sort((a, b) => a.at - b.at).map((hit) => hit.specifier))]
}

/** The file a relative specifier names: `x.js` is the source `x.ts`, a folder its `index.ts`. */
function resolveSpecifier(fromFile, specifier) {
  const target = resolve(dirname(fromFile), specifier)
  const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')]
  return candidates.find((path) => path.endsWith('.ts') && exists(path))
}

function exists(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** File → the files it imports (absolute paths), for every .ts file under the folders. */
export function importGraph(folders) {
  const graph = new Map()
  for (const folder of folders) {
    for (const file of typescriptFiles(resolve(root, folder))) {
      const targets = relativeSpecifiers(readFileSync(file, 'utf8'))
        .map((specifier) => resolveSpecifier(file, specifier))
        .filter((target) => target !== undefined)
      graph.set(file, [...new Set(targets)])
    }
  }
  return graph
}

/**
 * The circles of a graph, each as the list of files around it (first file repeated at the end), found with a
 * depth-first search: an edge back to a file still on the path closes a circle. Each circle is reported once,
 * rotated to start at its smallest file.
 */
export function findCycles(graph) {
  const state = new Map() // file → 'open' while on the path, 'done' after
  const path = []
  const cycles = new Map()
  const visit = (file) => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = path.slice(path.indexOf(next))
        const start = loop.indexOf([...loop].sort()[0])
        const rotated = [...loop.slice(start), ...loop.slice(0, start)]
        cycles.set(rotated.join('\n'), [...rotated, rotated[0]])
      } else if (!state.has(next) && graph.has(next)) {
        visit(next)
      }
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)
  return [...cycles.values()]
}

/** A circle as one line of paths relative to the project. */
export function describeCycle(cycle) {
  return cycle.map((file) => relative(root, file)).join(' → ')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : ['src/emulator']
  const cycles = findCycles(importGraph(folders))
  for (const cycle of cycles) console.log(describeCycle(cycle))
  console.error(`${cycles.length} import circle(s) under ${folders.join(', ')}`)
  process.exitCode = cycles.length > 0 ? 1 : 0
}
