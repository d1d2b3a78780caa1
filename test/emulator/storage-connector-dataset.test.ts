import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as c from '../../src/api/endpoints/connection.js'
import * as s from '../../src/api/endpoints/storage.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { STORAGE_SEED } from '../../src/emulator/domains/storage/seed.js'
import { Harness } from './harness.js'

/**
 * The seeded HubSpot connector has its dataset, as every connector created through the API does, so that
 * `storage model create` can name it with one of HubSpot's extractors (the help examples do).
 */
describe('the dataset of the seeded HubSpot connector', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  it('is a connector dataset named after the connector, with no models yet', async () => {
    const { dataset } = await h.ok(s.getDataset, { uuid: STORAGE_SEED.hubspotDatasetUuid })
    expect(dataset).toMatchObject({ slug: 'hubspot', kind: 'connector', connectorUuid: CONNECTION_SEED.hubspotConnectorUuid, deletedAt: null })
    const { models } = await h.ok(s.listModels, {})
    expect(models.filter((model: { datasetUuid: string }) => model.datasetUuid === STORAGE_SEED.hubspotDatasetUuid)).toEqual([])
  })

  it('takes a model read by the contacts extractor of HubSpot, which belongs to the connector', async () => {
    const payload = { slug: 'contacts', name: 'Contacts', datasetUuid: STORAGE_SEED.hubspotDatasetUuid, extractorSlug: 'contacts', config: {} }
    const { model } = await h.ok(s.createModel, payload)
    expect(model).toMatchObject({ slug: 'contacts', kind: 'connector', connectorUuid: CONNECTION_SEED.hubspotConnectorUuid, extractorSlug: 'contacts' })
    // the default dataset has a contacts model of its own: slugs are per dataset
    expect(await h.call(s.createModel, { ...payload, name: 'Contacts again' })).toEqual({ status: 400, body: expect.objectContaining({ reason: 'duplicateSlug' }) })
    const { connector } = await h.ok(c.getConnector, { uuid: CONNECTION_SEED.hubspotConnectorUuid })
    expect(connector.modelsCount).toBe(1)
  })
})
