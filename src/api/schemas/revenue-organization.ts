/**
 * revenueOrganization domain (entities.md, "Entities named by the new command files"): the revenue team's
 * members, the territories that route records to them, the capacities that bound how many each may hold, and
 * the allocations that record who got what. `T | null` fields are optional because the client strips nulls.
 */
import { z } from 'zod'
import { entity, filter, jsonObject, timestamp } from './common.js'

export const revenueColor = z.enum(['orange', 'red', 'purple', 'green', 'yellow', 'grey'])

/**
 * When the records a member holds are released again: every hour, day, week, month, quarter or year. Only the
 * intervals are published; the other fields are checked for their type, not their format.
 */
const at = { time: z.string().optional() }
function policyOf(number: () => z.ZodNumber) {
  return z.discriminatedUnion('interval', [
    z.looseObject({ interval: z.literal('hourly'), minute: number().int().min(0).max(59).optional() }),
    z.looseObject({ interval: z.literal('daily'), ...at }),
    z.looseObject({ interval: z.literal('weekly'), ...at, weekDay: z.union([z.string(), z.int()]).optional() }),
    z.looseObject({ interval: z.literal('monthly'), ...at, day: number().int().min(1).max(31).optional() }),
    z.looseObject({ interval: z.enum(['quarterly', 'yearly']), ...at, day: number().int().min(1).max(31).optional(), month: number().int().min(1).max(12).optional() }),
  ])
}
export const expirationPolicy = policyOf(() => z.number())
/** The same inside a query string, where its numbers arrive as text. */
export const expirationPolicyInQuery = policyOf(() => z.coerce.number())
export type ExpirationPolicy = z.infer<typeof expirationPolicy>

/** A member's share of a territory: a weight, or null for an even share. */
export const territoryMember = z.looseObject({ uuid: z.string().min(1), weight: z.number().nonnegative().nullable() })
export type TerritoryMember = z.infer<typeof territoryMember>
/** As answered: the client strips a null weight. */
const territoryMemberAnswer = z.looseObject({ uuid: z.string(), weight: z.number().optional() })

export const member = entity({
  uuid: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  profileImage: z.string().optional(),
  email: z.string(),
  connectors: z.array(z.looseObject({ uuid: z.string(), userId: z.string() })),
  meta: jsonObject.optional(),
  workspaceUuid: z.string(),
  archivedAt: timestamp.optional(),
  createdAt: timestamp,
})
export type Member = z.infer<typeof member>

export const territory = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  label: z.string(),
  color: revenueColor,
  description: z.string().optional(),
  members: z.array(territoryMemberAnswer),
  fallbackMemberUuid: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Territory = z.infer<typeof territory>

export const capacity = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  name: z.string(),
  color: revenueColor,
  description: z.string().optional(),
  memberCapacity: z.number().optional(),
  allocationExpirationPolicy: expirationPolicy.optional(),
  modelUuid: z.string().optional(),
  idColumnSlug: z.string().optional(),
  timeColumnSlug: z.string().optional(),
  filter: filter.optional(),
  syncedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Capacity = z.infer<typeof capacity>

const workflowAllocator = {
  workflowUuid: z.string(),
  workflowNodeUuid: z.string(),
  workflowRunUuid: z.string().optional(),
  modelUuid: z.string().optional(),
  recordId: z.string().optional(),
}

/** Who made an allocation: a workflow node choosing among members, a territory, or a capacity. */
export const allocatedBy = z.discriminatedUnion('allocator', [
  z.looseObject({ allocator: z.literal('workflow'), ...workflowAllocator, membersUuids: z.array(z.string()), fallbackMemberUuid: z.string().optional() }),
  z.looseObject({ allocator: z.literal('territory'), ...workflowAllocator, territoryUuid: z.string() }),
  z.looseObject({ allocator: z.literal('capacity') }),
])

export const allocation = entity({
  uuid: z.string(),
  memberUuid: z.string(),
  isFallbackMember: z.boolean(),
  workspaceUuid: z.string(),
  allocatedBy,
  capacityUuid: z.string().optional(),
  recordIds: z.array(z.string()),
  allocatedAt: timestamp,
  syncedAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Allocation = z.infer<typeof allocation>
