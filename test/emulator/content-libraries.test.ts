import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/content.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { CONTENT_SEED } from '../../src/emulator/domains/content/seed.js'
import { Harness } from './harness.js'

/** The emulated content libraries (and file get): every success is schema-checked by the harness. */

let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const hubspot = CONNECTION_SEED.hubspotConnectorUuid

describe('content libraries', () => {
  it('lists the native and the connector library, filtered by kind and connector', async () => {
    expect((await h.ok(api.listLibraries, {})).libraries.map((library: { uuid: string }) => library.uuid)).toEqual([CONTENT_SEED.libraryUuid, CONTENT_SEED.connectorLibraryUuid])
    expect((await h.ok(api.listLibraries, { kind: 'native' })).libraries.map((library: { kind: string }) => library.kind)).toEqual(['native'])
    expect((await h.ok(api.listLibraries, { connectorUuid: hubspot })).libraries).toHaveLength(1)
    expect((await h.ok(api.getFile, { uuid: CONTENT_SEED.fileUuid })).file).toMatchObject({ name: 'knowledge-base.md', libraryUuid: CONTENT_SEED.libraryUuid })
  })

  it("creates a library only over an extractor of the connector's integration", async () => {
    const base = { name: 'CRM contacts 2', connectorUuid: hubspot, extractorSlug: 'contacts', config: {} }
    expect((await h.call(api.createLibrary, { ...base, extractorSlug: 'articles' })).body).toMatchObject({ reason: 'integrationNotCompatible' })
    expect((await h.call(api.createLibrary, { ...base, connectorUuid: '6f1e2d3c-4b5a-4968-8776-655443322110' })).body).toMatchObject({ reason: 'connectorNotFound' })
    const { library } = await h.ok(api.createLibrary, base)
    expect(library).toMatchObject({ kind: 'connector', connectorUuid: hubspot, extractorSlug: 'contacts', folderUuid: null })
    const { library: updated } = await h.ok(api.updateLibrary, { uuid: library.uuid, name: 'Renamed', config: { limit: 10 } })
    expect(updated).toMatchObject({ name: 'Renamed', config: { limit: 10 }, extractorSlug: 'contacts' })
    await h.ok(api.removeLibrary, { uuid: library.uuid })
    expect((await h.call(api.getLibrary, { uuid: library.uuid })).body).toMatchObject({ reason: 'libraryNotFound' })
  })

  it('refuses to remove a library that still holds files', async () => {
    expect((await h.call(api.removeLibrary, { uuid: CONTENT_SEED.libraryUuid })).body).toMatchObject({ reason: 'libraryHasFiles' })
  })
})
