import type { Node } from '../../../api/schemas/orchestration.js'
import type {
  ModelDoc,
  PlayDoc,
  ReleaseDoc,
  SegmentDoc,
  ToolDoc,
  WorkflowDoc,
} from './documents.js'
import type { JsonObject } from '../../expressions.js'
import { connectorNode, expression, nativeNode, variable } from '../../graphs.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'

const at = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT }
const ws = SEED.workspaceUuid
const domainField = { slug: 'domain', name: 'Domain', kind: 'string', isRequired: true, description: 'Company website domain' }

// ---------------------------------------------------------------------------------------------
// Graphs

const enrich = (uuid: string, child: string, connectorUuid?: string) =>
  connectorNode('clearbit', 'company_enrich', {
    uuid,
    slug: 'enrich',
    name: 'Enrich company',
    connectorUuid,
    config: { domain: expression('{{nodes.start.domain}}') },
    childrenUuids: [child],
  })

const sizeVariables = (size: string) => [
  variable('company_name', 'string', '{{nodes.enrich.name}}'),
  variable('employees', 'number', '{{nodes.enrich.employees}}'),
  { name: 'size', type: 'string', value: size },
]

/** start → enrich → branch on employees > 100 → end (large) | small (end). */
function toolGraph(connectorUuid?: string): Node[] {
  const n = (k: number) => id(0x1000 + k)
  return [
    nativeNode('start', { uuid: n(1), slug: 'start', childrenUuids: [n(2)] }),
    enrich(n(2), n(3), connectorUuid),
    nativeNode('branch', {
      uuid: n(3),
      slug: 'is_large',
      name: 'More than 100 employees?',
      config: { condition: expression('{{nodes.enrich.employees > 100}}') },
      childrenUuids: [n(4), n(5)],
    }),
    nativeNode('end', { uuid: n(4), slug: 'end', config: { variables: sizeVariables('large') } }),
    nativeNode('end', { uuid: n(5), slug: 'small', config: { variables: sizeVariables('small') } }),
  ]
}

/** start → enrich → end, over the records of the companies model. */
function playGraph(connectorUuid?: string): Node[] {
  const n = (k: number) => id(0x2000 + k)
  return [
    nativeNode('start', { uuid: n(1), slug: 'start', childrenUuids: [n(2)] }),
    enrich(n(2), n(3), connectorUuid),
    nativeNode('end', {
      uuid: n(3),
      slug: 'end',
      config: {
        variables: [
          variable('company_name', 'string', '{{nodes.enrich.name}}'),
          variable('industry', 'string', '{{nodes.enrich.industry}}'),
          variable('employees', 'number', '{{nodes.enrich.employees}}'),
        ],
      },
    }),
  ]
}

// ---------------------------------------------------------------------------------------------
// Documents

function release(uuid: string, workflowUuid: string, nodes: Node[], deployed: { version: string } | null, extra: Partial<ReleaseDoc> = {}): ReleaseDoc {
  return {
    uuid,
    parentUuid: null,
    workspaceUuid: ws,
    userUuid: SEED.userUuid,
    workflowUuid,
    description: deployed ? 'Initial release' : null,
    version: deployed?.version ?? null,
    status: deployed ? 'deployed' : 'draft',
    templateSlug: null,
    nodes,
    formFields: null,
    testRecords: [],
    deployedAt: deployed ? SEEDED_AT : null,
    deletedAt: null,
    ...at,
    ...extra,
  }
}

function workflow(uuid: string, owner: { playUuid?: string; toolUuid?: string; folderUuid?: string }, extra: Partial<WorkflowDoc> = {}): WorkflowDoc {
  return {
    uuid,
    workspaceUuid: ws,
    playUuid: owner.playUuid ?? null,
    toolUuid: owner.toolUuid ?? null,
    folderUuid: owner.folderUuid ?? null,
    template: null,
    deletedAt: null,
    ...at,
    ...extra,
  }
}

const tool: ToolDoc = {
  uuid: SEED.tool.uuid,
  icon: { kind: 'emoji', emojiSlug: 'mag' },
  workspaceUuid: ws,
  workflowUuid: SEED.tool.workflowUuid,
  userUuid: SEED.userUuid,
  name: 'Company enrichment',
  folderUuid: SEED.folders.tools,
  creditsCost: { kind: 'minMax' },
  description: 'Enriches a company from its domain and sorts it by size',
  isReadOnly: false,
  triggers: [],
  publicForm: null,
  deletedAt: null,
  ...at,
}

const play: PlayDoc = {
  uuid: SEED.play.uuid,
  workspaceUuid: ws,
  workflowUuid: SEED.play.workflowUuid,
  userUuid: SEED.userUuid,
  modelUuid: SEED.modelUuid,
  segmentUuid: SEED.play.segmentUuid,
  changeKinds: ['added'],
  runCreationRule: 'always',
  name: 'Enrich new companies',
  description: 'Enriches every company added to the Companies model',
  schedule: null,
  isEnabled: true,
  healthThreshold: 0.5,
  healthAlertActions: [],
  folderUuid: SEED.folders.plays,
  deletedAt: null,
  ...at,
}

/** The rows of the Companies model (exported for the seeded segment change, segmentation/seed.ts). */
export const companies: JsonObject[] = [
  { _id: 'company_1', name: 'Acme', domain: 'acme.com', country: 'US', employee_count: 500 },
  { _id: 'company_2', name: 'Globex', domain: 'globex.com', country: 'US', employee_count: 1200 },
  { _id: 'company_3', name: 'Initech', domain: 'initech.com', country: 'FR', employee_count: 80 },
  { _id: 'company_4', name: 'Umbrella', domain: 'umbrella.com', country: 'GB', employee_count: 3000 },
  { _id: 'company_5', name: 'Hooli', domain: 'hooli.com', country: 'US', employee_count: 40 },
]

/**
 * A native model of the "default" dataset (storage/seed.ts, uuid …2001), so its SQL table is
 * default.companies. Its source columns are stored as previews show them; the storage handlers add
 * `kind: "original"` when they serve the model.
 */
const model: ModelDoc = {
  uuid: SEED.modelUuid,
  workspaceUuid: ws,
  slug: 'companies',
  name: 'Companies',
  description: 'Companies of the emulator workspace',
  kind: 'native',
  datasetUuid: id(0x2001),
  extractorSlug: 'native',
  position: { x: 0, y: 0 },
  config: {},
  schedule: null,
  meta: null,
  idColumnSlug: '_id',
  titleColumnSlug: 'name',
  timeColumnSlug: null,
  unification: null,
  folderUuid: null,
  isPaused: false,
  columns: [
    { slug: '_id', type: 'string', label: 'ID' },
    { slug: 'name', type: 'string', label: 'Name' },
    { slug: 'domain', type: 'string', label: 'Domain' },
    { slug: 'country', type: 'string', label: 'Country' },
    { slug: 'employee_count', type: 'number', label: 'Employee count' },
  ],
  additionalColumns: [],
  _records: companies,
  deletedAt: null,
  ...at,
}

const allRecords = { conjonction: 'and', groups: [] }

/** recordsCount and lastChange are worked out when a segment is read (segmentation/handlers.ts). */
function segment(uuid: string, name: string, slug: string, filter: JsonObject, fromPlay: boolean): SegmentDoc {
  return {
    uuid,
    workspaceUuid: ws,
    userUuid: SEED.userUuid,
    modelUuid: SEED.modelUuid,
    slug,
    name,
    filter,
    sort: null,
    limit: null,
    fromPlay,
    trackingColumnSlugs: null,
    columnSlugs: null,
    syncedAt: SEEDED_AT,
    deletedAt: null,
    ...at,
  }
}

const usCompanies = {
  conjonction: 'and',
  groups: [{ conjonction: 'and', conditions: [{ kind: 'string', columnSlug: 'country', operator: 'is', values: ['US'] }] }],
}

/** A public preset template of the catalogue; the ai domain seeds its agent templates through it too. */
export function templateDoc(slug: string, fields: JsonObject): StoredDoc {
  return {
    uuid: slug,
    slug,
    workspaceUuid: null,
    scope: 'public',
    isPreset: true,
    categories: ['prospecting'],
    author: { name: 'Cargo Emulator', title: 'Template author', company: { name: 'Cargo', url: 'https://getcargo.io' } },
    ...at,
    deletedAt: null,
    _hasDocumentation: true,
    ...fields,
  }
}

/** The seeded tool and play (workflows, releases, graphs), the Companies model, its segments and the templates. */
export function orchestrationDocs(): Array<[Kind, StoredDoc]> {
  return [
    ['tool', tool],
    ['workflow', workflow(SEED.tool.workflowUuid, { toolUuid: SEED.tool.uuid, folderUuid: SEED.folders.tools })],
    ['release', release(SEED.tool.releaseUuid, SEED.tool.workflowUuid, toolGraph(SEED.clearbitConnectorUuid), { version: '1.0.0' }, { formFields: [domainField] })],
    ['release', release(SEED.tool.draftReleaseUuid, SEED.tool.workflowUuid, toolGraph(SEED.clearbitConnectorUuid), null, { parentUuid: SEED.tool.releaseUuid, formFields: [domainField] })],
    ['play', play],
    ['workflow', workflow(SEED.play.workflowUuid, { playUuid: SEED.play.uuid, folderUuid: SEED.folders.plays })],
    ['release', release(SEED.play.releaseUuid, SEED.play.workflowUuid, playGraph(SEED.clearbitConnectorUuid), { version: '1.0.0' })],
    ['release', release(SEED.play.draftReleaseUuid, SEED.play.workflowUuid, playGraph(SEED.clearbitConnectorUuid), null, { parentUuid: SEED.play.releaseUuid })],
    ['workflow', workflow(SEED.adHocWorkflowUuid, {}, { _adHoc: true })],
    ['model', model],
    ['segment', segment(SEED.play.segmentUuid, 'Enrich new companies (play)', 'enrich_new_companies_play', allRecords, true)],
    ['segment', segment(SEED.segmentUuid, 'US companies', 'us_companies', usCompanies, false)],
    [
      'template',
      templateDoc(SEED.templates.tool, {
        kind: 'tool',
        name: 'Company enrichment',
        description: 'Enrich a company from its domain, then route it by size',
        nodes: toolGraph() as unknown as JsonObject[],
        formFields: [domainField],
        icon: { kind: 'emoji', emojiSlug: 'mag' },
        creditsCost: { min: 1, max: 1 },
      }),
    ],
    [
      'template',
      templateDoc(SEED.templates.play, {
        kind: 'play',
        name: 'Enrich new companies',
        description: 'Enrich every company that enters a segment',
        nodes: playGraph() as unknown as JsonObject[],
        model: { kind: 'native', extractorSlug: 'companies' },
      }),
    ],
  ]
}
