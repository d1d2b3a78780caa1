// Writes dist/fast/<command id>.json: the table the fast path (src/cli/fast-path.ts) runs declared commands
// from without loading oclif or zod. Read from the compiled oclif classes, so it cannot say anything they
// do not; a command it cannot describe exactly gets no row and is run by oclif.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const out = join(dist, 'fast')

/** flag properties whose meaning the fast parser reproduces; any other one sends the command to oclif */
const understood = new Set(['parse', 'summary', 'description', 'options', 'default', 'helpGroup', 'input', 'multiple', 'type', 'char', 'allowNo', 'required', 'exclusive', 'hidden'])

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  )
}

async function endpointLocations() {
  const locations = new Map()
  for (const file of files(join(dist, 'api', 'endpoints'))) {
    const module = await import(pathToFileURL(file).href)
    for (const [name, value] of Object.entries(module)) locations.set(value, { module: relative(dist, file).split('\\').join('/'), export: name })
  }
  return locations
}

function fastFlag(flag) {
  if (Object.keys(flag).some((key) => !understood.has(key)) || flag.multiple || typeof flag.default === 'function') return undefined
  const row = { type: flag.type }
  for (const key of ['char', 'allowNo', 'options', 'required', 'default', 'exclusive']) if (flag[key] !== undefined && flag[key] !== false) row[key] = flag[key]
  return row
}

function describe(id, command, locations, declaredCommands) {
  const { declaration, fields } = declaredCommands.get(command) ?? {}
  if (!declaration || declaration.prepare || declaration.filterResult || declaration.extraFlags || declaration.waitAlways || command.strict === false) return undefined
  const schema = locations.get(declaration.endpoint)
  if (!schema) return undefined
  const flags = {}
  for (const [name, flag] of Object.entries({ ...command.baseFlags, ...command.flags })) {
    const row = fastFlag(flag)
    if (!row) return undefined
    flags[name] = row
  }
  const { payload, result, ...endpoint } = declaration.endpoint
  return {
    id,
    endpoint,
    schema,
    plainPayload: (payload.def.checks ?? []).length === 0,
    fields,
    args: Object.keys(command.args ?? {}),
    flags,
    ownFormat: Object.hasOwn(command.flags ?? {}, 'format'),
    ownQuery: Object.hasOwn(command.flags ?? {}, 'query'),
    download: Boolean(declaration.download),
  }
}

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const locations = await endpointLocations()
const { declaredCommands } = await import(pathToFileURL(join(dist, 'cli', 'define-command.js')).href)
const commandsDir = join(dist, 'commands')
let written = 0
let total = 0
for (const file of files(commandsDir)) {
  const id = relative(commandsDir, file).replace(/\.js$/, '').split(/[\\/]/).join(':')
  const { default: command } = await import(pathToFileURL(file).href)
  total++
  const row = describe(id, command, locations, declaredCommands)
  if (!row) continue
  writeFileSync(join(out, `${id.split(":").join(".")}.json`), JSON.stringify(row))
  written++
}
console.error(`wrote dist/fast: ${written} of ${total} commands run without oclif`)
