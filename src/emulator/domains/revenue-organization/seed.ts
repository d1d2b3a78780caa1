import type { Kind, StoredDoc } from '../../kernel/store.js'
import { type AllocationDoc, type CapacityDoc, KINDS, type MemberDoc, type TerritoryDoc } from './documents.js'
import { seededId as id } from '../../kernel/seeded.js'

/**
 * The revenue team the emulator starts with: three members synced from the CRM connector (one archived
 * later by the examples), a territory, a capacity on the Companies model, and two allocations made by the
 * territory. `member sync` brings in one more member, as a CRM would after a hire.
 */

export const REVENUE_SEED = {
  members: { maya: id(0x72001), tom: id(0x72002), lena: id(0x72003), priya: id(0x72004) },
  territoryUuid: id(0x72101),
  capacityUuid: id(0x72201),
  allocations: { acme: id(0x72301), globex: id(0x72302) },
  /** the workflow and node the seeded allocations came from */
  workflow: { uuid: id(0x72401), nodeUuid: id(0x72402) },
} as const

export interface RevenueSeedOwner {
  workspaceUuid: string
  at: string
  /** the CRM connector members come from */
  connectorUuid: string
  /** the model whose records are allocated, and its id column */
  modelUuid: string
}

const roster = [
  { uuid: REVENUE_SEED.members.maya, firstName: 'Maya', lastName: 'Chen', email: 'maya.chen@acme.example', userId: '7001' },
  { uuid: REVENUE_SEED.members.tom, firstName: 'Tom', lastName: 'Okafor', email: 'tom.okafor@acme.example', userId: '7002' },
  { uuid: REVENUE_SEED.members.lena, firstName: 'Lena', lastName: 'Fischer', email: 'lena.fischer@acme.example', userId: '7003' },
]
/** who the CRM holds besides the seeded roster: what `member sync` imports */
export const HIRED = { uuid: REVENUE_SEED.members.priya, firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@acme.example', userId: '7004' }

export function memberDoc(person: (typeof roster)[number], workspaceUuid: string, connectorUuid: string, at: string): MemberDoc {
  const { uuid, firstName, lastName, email, userId } = person
  return { uuid, firstName, lastName, profileImage: null, email, connectors: [{ uuid: connectorUuid, userId }], meta: null, workspaceUuid, archivedAt: null, createdAt: at }
}

export function revenueOrganizationDocs(owner: RevenueSeedOwner): Array<[Kind, StoredDoc]> {
  const { workspaceUuid, at, connectorUuid, modelUuid } = owner
  const stamps = { createdAt: at, updatedAt: at, deletedAt: null }
  const territory: TerritoryDoc = {
    uuid: REVENUE_SEED.territoryUuid,
    workspaceUuid,
    label: 'North America',
    color: 'orange',
    description: 'US and Canadian companies',
    members: [
      { uuid: REVENUE_SEED.members.maya, weight: 2 },
      { uuid: REVENUE_SEED.members.tom, weight: 1 },
    ],
    fallbackMemberUuid: REVENUE_SEED.members.lena,
    ...stamps,
  }
  const capacity: CapacityDoc = {
    uuid: REVENUE_SEED.capacityUuid,
    workspaceUuid,
    name: 'Open accounts',
    color: 'green',
    description: 'At most 25 companies per member, released every month',
    memberCapacity: 25,
    allocationExpirationPolicy: { interval: 'monthly', day: 1 },
    modelUuid,
    idColumnSlug: 'domain',
    timeColumnSlug: null,
    filter: null,
    syncedAt: at,
    ...stamps,
  }
  const allocation = (uuid: string, memberUuid: string, recordId: string): AllocationDoc => ({
    uuid,
    memberUuid,
    isFallbackMember: false,
    workspaceUuid,
    allocatedBy: { allocator: 'territory', workflowUuid: REVENUE_SEED.workflow.uuid, workflowNodeUuid: REVENUE_SEED.workflow.nodeUuid, territoryUuid: territory.uuid, modelUuid, recordId },
    capacityUuid: capacity.uuid,
    recordIds: [recordId],
    allocatedAt: at,
    syncedAt: at,
    ...stamps,
  })
  return [
    ...roster.map((person): [Kind, StoredDoc] => [KINDS.member, memberDoc(person, workspaceUuid, connectorUuid, at)]),
    [KINDS.territory, territory],
    [KINDS.capacity, capacity],
    [KINDS.allocation, allocation(REVENUE_SEED.allocations.acme, REVENUE_SEED.members.maya, 'acme.com')],
    [KINDS.allocation, allocation(REVENUE_SEED.allocations.globex, REVENUE_SEED.members.tom, 'globex.com')],
  ]
}
