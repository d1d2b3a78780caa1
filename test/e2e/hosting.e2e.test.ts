import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, tempDir, useSignedInEmulator } from './cli-process.js'

/** The hosting topic, from the real CLI process to a served emulator (builds at its normal speed: about 1.2 s). */

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

async function ok(args: string[]) {
  const result = await cli(args, env)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return result.json()
}

describe('a worker from creation to live', () => {
  it('creates a worker, deploys a directory and waits for the build, promotes it, and sees it live', async () => {
    const source = tempDir()
    mkdirSync(join(source, 'src'))
    mkdirSync(join(source, 'node_modules'))
    writeFileSync(join(source, 'package.json'), '{"name":"router"}\n')
    writeFileSync(join(source, 'src/index.ts'), 'export default {}\n')
    writeFileSync(join(source, 'node_modules/big.bin'), Buffer.from([0xff, 0xfe]))

    const { worker } = await ok(['hosting', 'worker', 'create', '--name', 'Router', '--slug', 'router'])
    expect(worker).toMatchObject({ slug: 'router', triggers: [] })
    const { deployment } = await ok(['hosting', 'deployment', 'create', '--worker-uuid', worker.uuid, '--source', source, '--wait-until-finished', '--polling-interval', '300'])
    expect(deployment).toMatchObject({ kind: 'worker', workerUuid: worker.uuid, status: 'success' })

    const none = await cli(['hosting', 'deployment', 'get-promoted', '--worker-uuid', worker.uuid], env)
    expect(none.code).toBe(1)
    expect(none.json()).toMatchObject({ reason: 'deploymentNotFound', status: 404 })
    expect((await ok(['hosting', 'deployment', 'promote', '--uuid', deployment.uuid])).deployment.promotedAt).toEqual(expect.any(String))
    expect((await ok(['hosting', 'worker', 'get', worker.uuid])).worker.promotedDeployment.uuid).toBe(deployment.uuid)
    expect(await ok(['hosting', 'deployment', 'count', '--worker-uuid', worker.uuid, '--statuses', 'success'])).toEqual({ count: 1 })
  })

  it('a failed build ends a wait with --exit-status in exit 5, and cannot be promoted', async () => {
    const source = tempDir()
    writeFileSync(join(source, 'README.md'), 'no package.json here\n')
    const { app } = await ok(['hosting', 'app', 'create', '--name', 'Broken', '--slug', 'broken'])
    const waited = await cli(['hosting', 'deployment', 'create', '--app-uuid', app.uuid, '--source', source, '--wait-until-finished', '--exit-status', '--polling-interval', '300'], env)
    expect(waited.code).toBe(5)
    const { deployment } = waited.json()
    expect(deployment).toMatchObject({ status: 'error', errorMessage: expect.stringContaining('No package.json') })
    const refused = await cli(['hosting', 'deployment', 'promote', '--uuid', deployment.uuid], env)
    expect(refused.code).toBe(1)
    expect(refused.json()).toMatchObject({ reason: 'deploymentNotSuccessful', status: 400 })
  })
})

describe('projects scaffolded by init deploy as they are', () => {
  it.each([
    ['worker', 'custom-integration'],
    ['app', 'territories-overview'],
  ] as const)('hosting %s init (--template %s), then deployment create --source <dir> --wait-until-finished builds', async (kind, template) => {
    const directory = join(tempDir(), 'project')
    const scaffolded = await ok(['hosting', kind, 'init', directory, '--template', template, '--name', `Scaffolded ${kind}`])
    expect(scaffolded).toMatchObject({ directory, kind, template, name: `Scaffolded ${kind}` })
    expect(scaffolded.files).toContain('package.json')

    const slug = `scaffolded-${kind}`
    const created = await ok(['hosting', kind, 'create', '--name', `Scaffolded ${kind}`, '--slug', slug])
    const parent = created[kind]
    const { deployment } = await ok(['hosting', 'deployment', 'create', `--${kind}-uuid`, parent.uuid, '--source', directory, '--wait-until-finished', '--polling-interval', '300'])
    expect(deployment).toMatchObject({ kind, [`${kind}Uuid`]: parent.uuid, status: 'success' })
  })
})
