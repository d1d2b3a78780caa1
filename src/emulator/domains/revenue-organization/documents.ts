import type { Allocation, Capacity, Member, Territory, TerritoryMember } from '../../../api/schemas/revenue-organization.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored revenue-organization documents: the API's entities with their nulls (the client strips them). */
type WithNulls<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] }

export type MemberDoc = WithNulls<Member> & StoredDoc
/** members keep their null weights (even shares) */
export type TerritoryDoc = WithNulls<{ [K in keyof Territory as K extends 'members' ? never : K]: Territory[K] }> & StoredDoc & { members: TerritoryMember[] }
export type CapacityDoc = WithNulls<Capacity> & StoredDoc
export type AllocationDoc = WithNulls<Allocation> & StoredDoc

export const KINDS = { member: 'revenueMember', territory: 'revenueTerritory', capacity: 'revenueCapacity', allocation: 'revenueAllocation' } as const
