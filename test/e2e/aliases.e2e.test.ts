import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NOT_BUILT, specEntries } from '../support/not-built.js'
import { oclifConfig } from '../support/run-command.js'
import { cli, tempDir, useSignedInEmulator } from './cli-process.js'

/**
 * Renamed commands keep their older ids (spec `aliases`): the same command class, flags and output under both
 * names, through the real process on both start-up paths (the build-time table and oclif).
 */

const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'
const topics = ['workspaceManagement', 'content', 'orchestration', 'user-management']
const renamed = topics.flatMap((topic) => specEntries(topic)).filter((entry) => entry.aliases && !(entry.id in NOT_BUILT))

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

describe('every alias of the spec', () => {
  it('34 renamed commands: each older id is an oclif alias of the new one, with the same flags and arguments', async () => {
    expect(renamed).toHaveLength(34)
    const config = await oclifConfig()
    for (const entry of renamed) {
      const current = config.findCommand(entry.id.replaceAll(' ', ':'))
      expect(current?.aliases, entry.id).toEqual(entry.aliases!.map((alias) => alias.replaceAll(' ', ':')))
      for (const alias of entry.aliases!) {
        const older = config.findCommand(alias.replaceAll(' ', ':'))
        expect(older, alias).toBeDefined()
        expect(Object.keys(older!.flags).sort(), alias).toEqual(Object.keys(current!.flags).sort())
        expect(Object.keys(older!.args), alias).toEqual(Object.keys(current!.args))
      }
    }
  })
})

describe('older and newer ids print the same', () => {
  const same = async (older: string[], newer: string[]) => {
    const [before, after] = [await cli(older, env), await cli(newer, env)]
    expect(before.stderr, older.join(' ')).toBe('')
    expect([before.code, after.code]).toEqual([0, 0])
    expect(before.stdout).toBe(after.stdout)
    return after.json()
  }

  it('workspace … and workspaceManagement …', async () => {
    const { roles } = await same(['workspace', 'role', 'list'], ['workspaceManagement', 'role', 'list'])
    expect(roles.length).toBeGreaterThan(0)
    await same(['workspace', 'workspace', 'get-current', '--query', 'workspace.uuid'], ['workspaceManagement', 'workspace', 'get-current', '--query', 'workspace.uuid'])
  })

  it('workspace current-user get and user-management user get-current', async () => {
    const { user } = await same(['workspace', 'current-user', 'get'], ['user-management', 'user', 'get-current'])
    expect(user.email).toContain('@')
  })

  it('orchestration draft-release get and orchestration release get-draft', async () => {
    const { release } = await same(['orchestration', 'draft-release', 'get', '--workflow-uuid', TOOL_WORKFLOW], ['orchestration', 'release', 'get-draft', '--workflow-uuid', TOOL_WORKFLOW])
    expect(release.workflowUuid).toBe(TOOL_WORKFLOW)
  })

  it('ai file upload --file-path and content file upload --file, then ai file list and content file list', async () => {
    const path = join(tempDir(), 'notes.txt')
    writeFileSync(path, 'ICP: B2B SaaS\n')
    const older = await cli(['ai', 'file', 'upload', '--file-path', path, '--query', 'name'], env)
    const newer = await cli(['content', 'file', 'upload', '--file', path, '--query', 'name'], env)
    expect([older.code, older.stdout, newer.code, newer.stdout]).toEqual([0, '"notes.txt"\n', 0, '"notes.txt"\n'])
    const { files } = await same(['ai', 'file', 'list'], ['content', 'file', 'list'])
    expect(files.filter((file: { name: string }) => file.name === 'notes.txt').length).toBeGreaterThanOrEqual(2)
  })
})

describe('help under an older id', () => {
  it('shows the new id in the usage and lists the older one as an alias', async () => {
    const result = await cli(['workspace', 'token', 'create', '--help'], env)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('$ cargo-ai workspaceManagement token create --name <value>')
    expect(result.stdout).toMatch(/ALIASES\n\s+\$ cargo-ai workspace token create/)
    // the older --from-user is accepted but not listed as a flag of its own
    expect(result.stdout).not.toMatch(/^\s+--from-user/m)
  })
})
