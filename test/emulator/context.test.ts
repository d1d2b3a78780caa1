import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/context.js'
import { CONTEXT_SEED } from '../../src/emulator/domains/context/index.js'
import { Harness } from './harness.js'

/** The emulated context domain: a versioned file tree, its sandbox and graph; every success is schema-checked by the harness. */

const { files } = CONTEXT_SEED
let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

describe('context repository and browse', () => {
  it('serves the managed repository on main', async () => {
    expect((await h.ok(api.getRepository, {})).repository).toMatchObject({ uuid: CONTEXT_SEED.repositoryUuid, source: { kind: 'managed', defaultBranch: 'main' } })
  })

  it('lists one level of the root, uploads under .files, and the whole tree with depth -1', async () => {
    const root = await h.ok(api.browseRuntime, {})
    expect(root.entries.map((entry: { path: string }) => entry.path)).toEqual(['.files', 'README.md', 'global', 'persona', 'play'])
    const persona = await h.ok(api.browseRuntime, { path: 'persona' })
    expect(persona).toEqual({ path: 'persona', entries: [{ name: 'vp-sales-mid-market.md', path: files.persona, kind: 'file' }] })
    const tree = await h.ok(api.browseRuntime, { depth: -1 })
    expect(tree.entries.filter((entry: { kind: string }) => entry.kind === 'file').map((entry: { path: string }) => entry.path)).toEqual([
      '.files/knowledge-base.md',
      files.readme,
      files.positioning,
      files.persona,
      files.play,
    ])
  })

  it('refuses a missing path, a file, depth 0 and a path that leaves the repository', async () => {
    expect((await h.call(api.browseRuntime, { path: 'nope' })).body).toMatchObject({ reason: 'pathNotFound' })
    expect((await h.call(api.browseRuntime, { path: files.readme })).body).toMatchObject({ reason: 'invalidQuery' })
    expect((await h.call(api.browseRuntime, { depth: 0 })).status).toBe(400)
    expect((await h.call(api.browseRuntime, { path: '../etc' })).body).toMatchObject({ reason: 'invalidQuery' })
  })
})

describe('read, write, edit, history', () => {
  it('reads a line range and counts the lines', async () => {
    const read = await h.ok(api.readRuntimeFile, { path: files.play, startLine: 6, endLine: 7 })
    expect(read).toEqual({ path: files.play, content: '1. A trial starts: enrich the company.\n2. More than 100 employees: route to an AE.', startLine: 6, endLine: 7, totalLines: 10 })
    expect((await h.call(api.readRuntimeFile, { path: files.play, startLine: 11 })).body).toMatchObject({ reason: 'invalidBody' })
    expect((await h.call(api.readRuntimeFile, { path: 'missing.md' })).status).toBe(404)
  })

  it('writes and edits as commits that git log shows, newest first, and refuses .files', async () => {
    const written = await h.ok(api.writeRuntimeFile, { path: 'persona/cfo.md', content: '# CFO\n\nOwns the budget.\n', commitMessage: 'Add the CFO persona' })
    expect(written.commit).toEqual({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), message: 'Add the CFO persona' })
    h.advance(1000)
    const edited = await h.ok(api.editRuntimeFile, { path: 'persona/cfo.md', oldString: 'budget', newString: 'budget and the renewals' })
    expect(edited.commit.message).toBe('Edit persona/cfo.md')
    expect((await h.ok(api.readRuntimeFile, { path: 'persona/cfo.md' })).content).toBe('# CFO\n\nOwns the budget and the renewals.')
    const log = await h.ok(api.executeInRuntime, { command: 'git', args: ['log', '--oneline'] })
    expect(log.stdout.split('\n').filter(Boolean).map((line: string) => line.slice(8))).toEqual(['Edit persona/cfo.md', 'Add the CFO persona', 'Initial context'])
    expect(log.stdout.startsWith(edited.commit.sha.slice(0, 7))).toBe(true)
    expect((await h.call(api.writeRuntimeFile, { path: '.files/x.md', content: 'x' })).body).toMatchObject({ reason: 'deniedPath' })
  })

  it('edit: not found, not unique (unless replaceAll), no-op', async () => {
    await h.ok(api.writeRuntimeFile, { path: 'notes.md', content: 'a b a\n' })
    expect((await h.call(api.editRuntimeFile, { path: 'notes.md', oldString: 'zzz', newString: 'y' })).body).toMatchObject({ reason: 'stringNotFound' })
    expect((await h.call(api.editRuntimeFile, { path: 'notes.md', oldString: 'a', newString: 'c' })).body).toMatchObject({ reason: 'stringNotUnique' })
    expect((await h.call(api.editRuntimeFile, { path: 'notes.md', oldString: 'a', newString: 'a', replaceAll: true })).body).toMatchObject({ reason: 'noOp' })
    await h.ok(api.editRuntimeFile, { path: 'notes.md', oldString: 'a', newString: '', replaceAll: true })
    expect((await h.ok(api.readRuntimeFile, { path: 'notes.md' })).content).toBe(' b ')
  })
})

describe('execute, raw bytes and graph', () => {
  it('runs grep, ls and an unknown command (exit 127, not an HTTP error)', async () => {
    expect(await h.ok(api.executeInRuntime, { command: 'grep', args: ['-r', '-l', 'Mid-market', '.'] })).toEqual({ exitCode: 0, stdout: `${files.persona}\n`, stderr: '' })
    expect((await h.ok(api.executeInRuntime, { command: 'ls', args: ['-1', '.files'] })).stdout).toBe('knowledge-base.md\n')
    expect((await h.ok(api.executeInRuntime, { command: 'rm', args: ['-rf', '.'] })).exitCode).toBe(127)
  })

  it('serves the bytes of a repository file and of an uploaded one', async () => {
    const own = await h.raw('GET', `/v1/context/runtime/raw?path=${encodeURIComponent(files.positioning)}`, { headers: { 'selected-workspace-uuid': '00000000-0000-4000-8000-000000000001' } })
    expect(own.status).toBe(200)
    expect(String(own.body)).toContain('We help RevOps automate workflows.')
    const upload = await h.raw('GET', '/v1/context/runtime/raw?path=.files/knowledge-base.md', { headers: { 'selected-workspace-uuid': '00000000-0000-4000-8000-000000000001' } })
    expect(String(upload.body)).toContain('# Acme knowledge base')
  })

  it('builds the graph: titles from frontmatter, edges of the three origins, a wikilink repaired by a write', async () => {
    const { graph } = await h.ok(api.getGraph, {})
    expect(graph.nodes.find((node: { id: string }) => node.id === files.persona)).toEqual({ id: files.persona, title: 'VP of Sales, mid-market', summary: 'The buyer of mid-market deals.', cluster: 'persona' })
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: files.readme, target: files.positioning, origin: 'mdlink' },
        { source: files.readme, target: files.persona, origin: 'wikilink' },
        { source: files.persona, target: files.play, origin: 'frontmatter' },
      ]),
    )
    // the seeded play links [[persona/cfo]], broken until the write above created persona/cfo.md
    expect(graph.edges).toContainEqual({ source: files.play, target: 'persona/cfo.md', origin: 'wikilink' })
    expect(graph.broken).toEqual([])
  })
})
