import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, tempDir, useSignedInEmulator } from './cli-process.js'

/** The content topic, from the real CLI process to a served emulator: a file uploaded, found in its library, read back byte for byte. */

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

async function ok(args: string[]) {
  const result = await cli(args, env)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return result
}

describe('content libraries and files', () => {
  it('uploads a file into the native library and reads its bytes back; a library with files cannot be removed', async () => {
    const dir = tempDir()
    const path = join(dir, 'playbook.md')
    writeFileSync(path, '# Playbook\n\nCall within 5 minutes.\n')
    const { uuid } = (await ok(['content', 'file', 'upload', '--file', path])).json()
    const { libraries } = (await ok(['content', 'library', 'list', '--kind', 'native'])).json()
    expect(libraries).toHaveLength(1)
    const { files } = (await ok(['content', 'file', 'list', '--library-uuid', libraries[0].uuid])).json()
    expect(files.map((file: { uuid: string }) => file.uuid)).toContain(uuid)
    expect((await ok(['content', 'file', 'read-bytes', uuid])).stdout).toBe('# Playbook\n\nCall within 5 minutes.\n')

    const refused = await cli(['content', 'library', 'remove', libraries[0].uuid], env)
    expect(refused.code).toBe(1)
    expect(refused.json()).toMatchObject({ reason: 'libraryHasFiles', status: 400 })
  })
})
