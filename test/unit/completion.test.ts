import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { completionScript } from '../../src/cli/completion.js'
import { oclifConfig, tempConfigDir } from '../support/run-command.js'

async function script(shell: 'bash' | 'zsh' | 'fish'): Promise<string> {
  const config = await oclifConfig()
  const path = join(tempConfigDir(), `completion.${shell}`)
  writeFileSync(path, completionScript(shell, 'cargo-ai', config.commands as never))
  return path
}

const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0

/** What bash offers for the words typed so far (the last one being completed). */
function bashComplete(path: string, words: string[]): string[] {
  const command = `source ${path}; COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cargo_ai_complete; printf '%s\\n' "\${COMPREPLY[@]}"`
  return execFileSync('bash', ['-c', command], { encoding: 'utf8' }).split('\n').filter(Boolean)
}

describe('shell completion', () => {
  it('bash: topics, commands, then the flags of the command reached', async () => {
    const path = await script('bash')
    const top = bashComplete(path, ['cargo-ai', ''])
    expect(top).toEqual(expect.arrayContaining(['orchestration', 'ai', 'storage', 'workspaceManagement', 'user-management', 'content', 'login', 'whoami']))
    // older ids (aliases) keep working but are not offered
    expect(top).not.toContain('workspace')
    expect(bashComplete(path, ['cargo-ai', 'orchestration', 'release', ''])).toEqual(['deploy-draft', 'get', 'get-deployed', 'get-draft', 'list', 'update-draft'])
    expect(bashComplete(path, ['cargo-ai', 'orchestration', 'ru'])).toEqual(['run'])
    expect(bashComplete(path, ['cargo-ai', 'orchestration', 'run', 'cre'])).toEqual(['create'])
    expect(bashComplete(path, ['cargo-ai', 'orchestration', 'run', 'create', '--data', '{}', '--wa'])).toEqual(['--wait-until-finished', '--wait-timeout'])
    expect(bashComplete(path, ['cargo-ai', 'segmentation', 'segment', 'fetch', '--model'])).toEqual(['--model-uuid'])
  })

  it('zsh: the script loads and defines the completion', async () => {
    if (!has('zsh')) return expect(completionScript('zsh', 'cargo-ai', [])).toContain('bashcompinit')
    const path = await script('zsh')
    const out = execFileSync('zsh', ['-c', `source ${path} && whence -w _cargo_ai_complete`], { encoding: 'utf8', env: { ...process.env, HOME: tempConfigDir() } })
    expect(out.trim()).toBe('_cargo_ai_complete: function')
  })

  it('fish: commands and flags with their help', async () => {
    if (!has('fish')) return expect(completionScript('fish', 'cargo-ai', [])).toContain('function __cargo_ai_at')
    const path = await script('fish')
    const complete = (line: string) => execFileSync('fish', ['-c', `source ${path}; complete -C '${line}'`], { encoding: 'utf8' }).split('\n').filter(Boolean)
    expect(complete('cargo-ai orchestration ru')).toEqual(['run'])
    expect(complete('cargo-ai orchestration run create --workflow')).toEqual(['--workflow-uuid\tTool workflow to run (tool.workflowUuid); leave out to run only the nodes'])
  })
})
