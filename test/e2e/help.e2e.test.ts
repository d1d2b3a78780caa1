import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../support/run-command.js'
import { cleanEnv, cli, tempDir } from './cli-process.js'

/**
 * `<command> --help` into a pipe prints the help oclif rendered at build time (dist/fast/<id>.help.txt);
 * it must be exactly what oclif prints itself at 80 columns (OCLIF_COLUMNS=80 makes oclif render it), for declared and hand-written commands.
 */
describe('help into a pipe', () => {
  const env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir() })
  const commands = [
    ['orchestration', 'run', 'create'],
    ['orchestration', 'workflow', 'list'],
    ['ai', 'message', 'create'],
    ['storage', 'record', 'list'],
    ['workspaceManagement', 'file', 'upload'],
    ['login'],
    ['emulator', 'start'],
  ]

  it('is oclif’s own help (and -h stays what oclif makes of it: an unknown flag)', async () => {
    for (const [index, command] of commands.entries()) {
      const flag = index === 1 ? '-h' : '--help'
      const [rendered, oclif] = await Promise.all([cli([...command, flag], env), cli([...command, flag], { ...env, OCLIF_COLUMNS: '80' })])
      expect(rendered.stdout.length).toBeGreaterThan(flag === '-h' ? 10 : 100)
      expect([command, rendered.code, rendered.stdout, rendered.stderr]).toEqual([command, oclif.code, oclif.stdout, oclif.stderr])
    }
  })

  it('exists for every command', () => {
    const manifest = readFileSync(`${projectRoot}/.oclif.manifest.json`, 'utf8')
    const ids = Object.keys(JSON.parse(manifest).commands).map((id) => id.split(':').join('.'))
    const files = new Set(readdirSync(`${projectRoot}/dist/fast`).filter((name) => name.endsWith('.help.txt')).map((name) => name.replace(/\.help\.txt$/, '')))
    expect(ids.filter((id) => !files.has(id))).toEqual([])
  })
})
