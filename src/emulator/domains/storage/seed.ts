import type { DatasetDoc, RelationshipDoc, StorageModelDoc, StorageRunDoc } from './documents.js'
import { CONNECTION_SEED } from '../connection/seed.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'

/**
 * Seeded storage: the "default" native dataset that holds the Companies model of the orchestration seed (uuid …301),
 * a Contacts model linked to it (many contacts to one company), one finished sync run, and the dataset of
 * the seeded HubSpot connector (every connector has one; models made there read its extractors, e.g. contacts).
 */

export const STORAGE_SEED = {
  /** the orchestration seed writes the same uuid into the Companies model */
  datasetUuid: id(0x2001),
  contactsModelUuid: id(0x2002),
  relationshipUuid: id(0x2003),
  companiesRunUuid: id(0x2004),
  /** the dataset of the HubSpot connector of connection/seed.ts, without models */
  hubspotDatasetUuid: id(0x2005),
} as const

const contacts = [
  { _id: 'contact_1', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@acme.com', company_id: 'company_1' },
  { _id: 'contact_2', first_name: 'Grace', last_name: 'Hopper', email: 'grace@globex.com', company_id: 'company_2' },
  { _id: 'contact_3', first_name: 'Alan', last_name: 'Turing', email: 'alan@initech.com', company_id: 'company_3' },
]

const column = (slug: string, label: string) => ({ slug, type: 'string', label })

export function storageDocs(): Array<[Kind, StoredDoc]> {
  const at = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT }
  const workspaceUuid = SEED.workspaceUuid
  const dataset: DatasetDoc = { uuid: STORAGE_SEED.datasetUuid, workspaceUuid, slug: 'default', kind: 'native', deletedAt: null, ...at }
  const hubspotDataset: DatasetDoc = {
    uuid: STORAGE_SEED.hubspotDatasetUuid,
    workspaceUuid,
    slug: 'hubspot',
    kind: 'connector',
    connectorUuid: CONNECTION_SEED.hubspotConnectorUuid,
    deletedAt: null,
    ...at,
  }
  const contactsModel: StorageModelDoc = {
    uuid: STORAGE_SEED.contactsModelUuid,
    workspaceUuid,
    slug: 'contacts',
    name: 'Contacts',
    description: 'People at the companies of the Companies model',
    kind: 'native',
    datasetUuid: STORAGE_SEED.datasetUuid,
    extractorSlug: 'native',
    position: { x: 400, y: 0 },
    config: {},
    schedule: null,
    meta: null,
    idColumnSlug: '_id',
    titleColumnSlug: 'email',
    timeColumnSlug: null,
    unification: null,
    folderUuid: null,
    isPaused: false,
    columns: [column('_id', 'ID'), column('first_name', 'First name'), column('last_name', 'Last name'), column('email', 'Email'), column('company_id', 'Company ID')],
    additionalColumns: [],
    _records: contacts,
    deletedAt: null,
    ...at,
  }
  const relationship: RelationshipDoc = {
    uuid: STORAGE_SEED.relationshipUuid,
    workspaceUuid,
    fromDatasetUuid: STORAGE_SEED.datasetUuid,
    fromModelUuid: STORAGE_SEED.contactsModelUuid,
    fromColumnSlug: 'company_id',
    fromPropertySlug: null,
    toDatasetUuid: STORAGE_SEED.datasetUuid,
    toModelUuid: SEED.modelUuid,
    toColumnSlug: '_id',
    toPropertySlug: null,
    fromSelectedColumnSlugs: null,
    toSelectedColumnSlugs: null,
    relation: 'manyToOne',
  }
  const run: StorageRunDoc = {
    uuid: STORAGE_SEED.companiesRunUuid,
    workspaceUuid,
    modelUuid: SEED.modelUuid,
    status: 'success',
    temporalWorkflowId: `storage-run-${STORAGE_SEED.companiesRunUuid}`,
    errorMessage: null,
    s3Filenames: [],
    finishedAt: SEEDED_AT,
    ...at,
    _startAt: Date.parse(SEEDED_AT),
    _endAt: Date.parse(SEEDED_AT),
    _cancelledAt: null,
  }
  return [
    ['dataset', dataset],
    ['dataset', hubspotDataset],
    ['model', contactsModel],
    ['relationship', relationship],
    ['storageRun', run],
  ]
}
