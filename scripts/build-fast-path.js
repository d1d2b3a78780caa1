// Writes dist/fast/<command id with dots>.json: the table the fast path (src/cli/fast-path.ts) runs declared
// commands from without loading oclif or zod. Rows come from the compiled oclif classes (dist/cli/fast-table.js);
// a command that cannot be described exactly gets no row and is run by oclif.
// Also dist/fast/<id>.help.txt: oclif's own help for each command, rendered as it renders it for a pipe
// (80 columns, no colour), which the fast path prints for `<command> --help` when stdout is not a terminal.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const out = join(dist, 'fast')
const { endpointLocations, fastRowFor } = await import(pathToFileURL(join(dist, 'cli', 'fast-table.js')).href)

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  )
}

const modules = {}
for (const file of files(join(dist, 'api', 'endpoints'))) modules[relative(dist, file).split('\\').join('/')] = await import(pathToFileURL(file).href)
const locations = endpointLocations(modules)

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const commandsDir = join(dist, 'commands')
const commandFiles = files(commandsDir)
let written = 0
for (const file of commandFiles) {
  const id = relative(commandsDir, file).replace(/\.js$/, '').split(/[\\/]/).join(':')
  const { default: command } = await import(pathToFileURL(file).href)
  const row = fastRowFor(id, command, locations)
  if (!row) continue
  // an older id (alias) of a renamed command runs the same row
  for (const name of [id, ...(command.aliases ?? [])]) writeFileSync(join(out, `${name.split(':').join('.')}.json`), JSON.stringify(row))
  written++
}

const { Config } = await import('@oclif/core')
const { default: Help } = await import(pathToFileURL(join(dist, 'cli', 'help.js')).href)
const { format } = await import('node:util')
const config = await Config.load(join(dist, '..'))
class RenderedHelp extends Help {
  text = ''
  log(...args) {
    this.text += `${format(...args)}\n`
  }
}
// oclif lists an alias as a command of its own (id = the alias); its help is the renamed command's, under both names
for (const command of config.commands.filter((entry) => !(entry.aliases ?? []).includes(entry.id))) {
  const help = new RenderedHelp(config, { ...(config.pjson.oclif.helpOptions ?? {}), maxWidth: 80, stripAnsi: true })
  await help.showCommandHelp(command)
  for (const name of [command.id, ...(command.aliases ?? [])]) writeFileSync(join(out, `${name.split(/[: ]/).join('.')}.help.txt`), help.text)
}
console.error(`wrote dist/fast: ${written} of ${commandFiles.length} commands run without oclif, help for ${config.commands.length}`)
