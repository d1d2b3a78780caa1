import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import { SEED } from '../../src/emulator/index.js'
import { Store } from '../../src/emulator/kernel/store.js'
import { Harness, ORIGIN, tempDir } from './harness.js'

/** Exports and uploaded bytes are files beside the database, not rows of it (issue 13, point 4). */
describe('bytes kept on disk', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  const filesDir = () => `${h.dbPath}-files`
  const keptFiles = () => readdirSync(filesDir()).filter((name) => !name.startsWith('.'))
  const inDatabase = (marker: string) => ['', '-wal'].some((suffix) => {
    try {
      return readFileSync(`${h.dbPath}${suffix}`).includes(marker)
    } catch {
      return false
    }
  })

  it('keeps uploaded files and an export as files, serves them back, and a reset removes them', async () => {
    const marker = 'marker-0b7e1c.example'
    const form = new FormData()
    form.append('file', new Blob([`Website\n${marker}\n`], { type: 'text/csv' }), 'sites.csv')
    const headers = { authorization: `Bearer ${SEED.token}`, 'selected-workspace-uuid': SEED.workspaceUuid }
    const upload = await h.emulator.handle(new Request(`${ORIGIN}/v1/workspaceManagement/files/upload`, { method: 'POST', headers, body: form }))
    const { s3Filename } = (await upload.json()) as { s3Filename: string }
    expect(keptFiles()).toHaveLength(1)
    const preview = await h.ok(o.previewBatch, { workflowUuid: SEED.tool.workflowUuid, data: { kind: 'file', s3Filename } })
    expect(preview.records).toEqual([{ Website: marker }])

    await h.ok(o.createRun, { workflowUuid: SEED.tool.workflowUuid, data: { domain: marker } })
    const { url } = await h.ok(o.downloadRuns, { workflowUuid: SEED.tool.workflowUuid })
    expect(keptFiles()).toHaveLength(2)
    const exported = await h.emulator.handle(new Request(url))
    expect(exported.status).toBe(200)
    expect(await exported.text()).toContain(`"recordTitle":"${marker}"`)
    // the run itself holds the marker: look for the upload's header row next to it, which only the file has
    expect(inDatabase(`Website\n${marker}`)).toBe(false)

    const content = new FormData()
    content.append('file', new Blob([`# Notes\n${marker} in a knowledge file\n`], { type: 'text/markdown' }), 'notes.md')
    const uploaded = await h.emulator.handle(new Request(`${ORIGIN}/v1/content/files/upload`, { method: 'POST', headers, body: content }))
    const [file] = ((await uploaded.json()) as { files: Array<{ uuid: string }> }).files
    expect(keptFiles()).toHaveLength(3)
    const raw = await h.emulator.handle(new Request(`${ORIGIN}/v1/content/files/${file.uuid}/raw`, { headers }))
    expect(await raw.text()).toBe(`# Notes\n${marker} in a knowledge file\n`)
    // neither as text nor as the base64 it was once kept in
    expect(inDatabase(`${marker} in a knowledge file`)).toBe(false)
    expect(inDatabase(Buffer.from(`# Notes\n${marker} in a knowledge file\n`).toString('base64'))).toBe(false)

    h.emulator.reset()
    expect((await h.emulator.handle(new Request(url))).status).toBe(404)
    expect(() => keptFiles()).toThrow(/ENOENT/)
  })

  it.each([':memory:', 'file'])('a %s store reads the first bytes alone, all of them, and nothing once removed', (where) => {
    const dir = tempDir()
    const store = new Store(where === 'file' ? join(dir.path, 'emulator.db') : where)
    try {
      store.blobs.put('../a key/with slashes', 'header\nrest')
      expect(store.blobs.get('../a key/with slashes', 6)?.toString()).toBe('header')
      expect(store.blobs.get('../a key/with slashes', 100)?.toString()).toBe('header\nrest')
      expect(store.blobs.get('../a key/with slashes')?.toString()).toBe('header\nrest')
      store.blobs.remove('../a key/with slashes')
      expect(store.blobs.get('../a key/with slashes')).toBeUndefined()
      // nothing written outside the store's own folder
      expect(readdirSync(dir.path).sort()).toEqual(where === 'file' ? ['emulator.db', 'emulator.db-files', 'emulator.db-shm', 'emulator.db-wal'] : [])
    } finally {
      store.close()
      dir.remove()
    }
  })
})
