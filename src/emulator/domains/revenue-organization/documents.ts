import type { Allocation, Capacity, Member, Territory, TerritoryMember } from '../../../api/schemas/revenue-organization.js'
import type { WithNulls, Without } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored revenue-organization documents: the API's entities with their nulls (WithNulls). */

export type MemberDoc = WithNulls<Member> & StoredDoc
/** members keep their null weights (even shares) */
export type TerritoryDoc = WithNulls<Without<Territory, 'members'>> & StoredDoc & { members: TerritoryMember[] }
export type CapacityDoc = WithNulls<Capacity> & StoredDoc
export type AllocationDoc = WithNulls<Allocation> & StoredDoc

export const KINDS = { member: 'revenueMember', territory: 'revenueTerritory', capacity: 'revenueCapacity', allocation: 'revenueAllocation' } as const
