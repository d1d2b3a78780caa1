/**
 * `hosting deployment create --source`: the directory read locally (ignored names left out at any depth, POSIX
 * paths, text only), one POST {kind, appUuid|workerUuid, files}, and --wait-until-finished polling the deployment.
 * Every refusal happens before any request.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { requests, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand } from '../../support/run-command.js'
import { loadCommand, printed, SAMPLE_UUID } from '../../support/spec-table.js'
import { resultFixtures } from '../../fixtures/hosting.js'
import { stripNulls } from '../../../src/api/null-stripping.js'

let app: string
let empty: string
let binary: string
const created = resultFixtures['hosting.createDeployment'] as { deployment: Record<string, unknown> }
const finished = resultFixtures['hosting.getDeployment'] as { deployment: Record<string, unknown> }

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-deploy-'))
  app = join(dir, 'app')
  for (const folder of ['src/components', 'node_modules/react', 'src/dist', '.git']) mkdirSync(join(app, folder), { recursive: true })
  writeFileSync(join(app, 'package.json'), '{"name":"board"}\n')
  writeFileSync(join(app, 'src/main.tsx'), 'export const été = 1\n')
  writeFileSync(join(app, 'src/components/Board.tsx'), 'export {}\n')
  writeFileSync(join(app, 'node_modules/react/index.js'), 'module.exports = {}\n')
  writeFileSync(join(app, 'src/dist/out.js'), 'built\n')
  writeFileSync(join(app, '.git/HEAD'), 'ref: refs/heads/main\n')
  empty = join(dir, 'empty')
  mkdirSync(join(empty, 'node_modules'), { recursive: true })
  writeFileSync(join(empty, 'node_modules/x.js'), 'x\n')
  binary = join(dir, 'binary')
  mkdirSync(binary)
  writeFileSync(join(binary, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]))
})

const create = async (argv: string[], clock?: FakeClock) => runCommand(await loadCommand('hosting deployment create'), argv, { clock })
const appFiles = [
  { path: 'package.json', content: '{"name":"board"}\n' },
  { path: 'src/components/Board.tsx', content: 'export {}\n' },
  { path: 'src/main.tsx', content: 'export const été = 1\n' },
]

describe('hosting deployment create', () => {
  it('sends the source files of an app, leaving out the default names at any depth, and prints the pending deployment', async () => {
    stubApi('POST', '/v1/hosting/deployments', created)
    const result = await create(['--app-uuid', SAMPLE_UUID, '--source', app])
    expect(result).toMatchObject({ exitCode: 0, stderr: '', stdout: printed(stripNulls(created)) })
    expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([['POST', '/v1/hosting/deployments', { kind: 'app', appUuid: SAMPLE_UUID, files: appFiles }]])
  })

  it('takes the ignore list as given for a worker', async () => {
    stubApi('POST', '/v1/hosting/deployments', created)
    const result = await create(['--worker-uuid', SAMPLE_UUID, '--source', app, '--ignore', 'node_modules,.git,components'])
    expect(result.exitCode).toBe(0)
    expect(requests[0].body).toEqual({
      kind: 'worker',
      workerUuid: SAMPLE_UUID,
      files: [appFiles[0], { path: 'src/dist/out.js', content: 'built\n' }, appFiles[2]],
    })
  })

  it('with --wait-until-finished polls the deployment every 2 s until its build ends, then prints it', async () => {
    stubApi('POST', '/v1/hosting/deployments', created)
    const uuid = String(created.deployment.uuid)
    stubApi('GET', `/v1/hosting/deployments/${uuid}`, (_request: unknown, index: number) => (index === 0 ? { deployment: { ...finished.deployment, status: 'building' } } : finished))
    const clock = new FakeClock()
    const result = await create(['--app-uuid', SAMPLE_UUID, '--source', app, '--wait-until-finished'], clock)
    expect(result).toMatchObject({ exitCode: 0, stdout: printed(stripNulls(finished)) })
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1/hosting/deployments', `GET /v1/hosting/deployments/${uuid}`, `GET /v1/hosting/deployments/${uuid}`])
    expect(clock.sleeps).toEqual([2000])
  })

  it.each([
    [['--source', 'x'], 'exactly one of an app uuid (--app-uuid) or a worker uuid (--worker-uuid)'],
    [['--app-uuid', SAMPLE_UUID, '--worker-uuid', SAMPLE_UUID, '--source', 'x'], 'exactly one of'],
    [['--app-uuid', 'not-a-uuid', '--source', 'x'], 'expected a UUID'],
    [['--app-uuid', SAMPLE_UUID], 'Missing required flag --source'],
    [['--app-uuid', SAMPLE_UUID, '--source', '/nonexistent/cargo-ai-source'], '--source: no such directory: /nonexistent/cargo-ai-source'],
  ])('%j is a usage error before any request', async (argv, message) => {
    const result = await create(argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toContain(message)
    expect(requests).toEqual([])
  })

  it('refuses a directory with nothing left to send, or a file that is not UTF-8 text, naming it', async () => {
    const none = await create(['--app-uuid', SAMPLE_UUID, '--source', empty])
    expect(none.exitCode).toBe(2)
    expect(none.json().errorMessage).toBe(`--source: ${empty} holds no file to upload (after leaving out node_modules, dist, build, .git, .next)`)
    const png = await create(['--app-uuid', SAMPLE_UUID, '--source', binary])
    expect(png.exitCode).toBe(2)
    expect(png.json().errorMessage).toContain('--source: logo.png is not UTF-8 text')
    const file = await create(['--app-uuid', SAMPLE_UUID, '--source', join(app, 'package.json')])
    expect(file.json().errorMessage).toContain('is not a directory')
    expect(requests).toEqual([])
  })
})
