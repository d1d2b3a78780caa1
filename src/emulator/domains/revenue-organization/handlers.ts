import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/revenue-organization.js'
import type { Filter } from '../../../api/schemas/common.js'
import type { TerritoryMember } from '../../../api/schemas/revenue-organization.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { sent, stamps } from '../../kernel/doc-fields.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { page } from '../../kernel/selection.js'
import type { StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import { type AllocationDoc, type CapacityDoc, KINDS, type MemberDoc, type TerritoryDoc } from './documents.js'
import { HIRED, memberDoc } from './seed.js'

/**
 * The revenue organisation: members (imported by sync, archived and restored, with free-form meta), territories
 * whose members must exist, be active and be listed once, with all weights or none (at least one above 0) and a
 * fallback member that exists; capacities whose columns and filter belong to their model; allocations listed,
 * read and removed (workflows make them; the emulator seeds two).
 */

const memberOf = (ctx: Ctx, uuid: string) => mustGet<MemberDoc>(ctx, KINDS.member, uuid, 'member')
const territoryOf = (ctx: Ctx, uuid: string) => mustGet<TerritoryDoc>(ctx, KINDS.territory, uuid, 'territory')
const capacityOf = (ctx: Ctx, uuid: string) => mustGet<CapacityDoc>(ctx, KINDS.capacity, uuid, 'capacity')
const allocationOf = (ctx: Ctx, uuid: string) => mustGet<AllocationDoc>(ctx, KINDS.allocation, uuid, 'allocation')

/** A member who may receive records: known, and not archived. */
function activeMember(ctx: Ctx, uuid: string, role: string): MemberDoc {
  const member = lookup<MemberDoc>(ctx, KINDS.member, uuid)
  if (!member) throw badRequest('memberNotFound', `${role} ${uuid} is not a member; see revenue-organization member list`)
  if (member.archivedAt !== null) throw badRequest('memberArchived', `${role} ${member.email} is archived`)
  return member
}

function checkTerritory(ctx: Ctx, members: readonly TerritoryMember[], fallbackMemberUuid: string | null | undefined): void {
  const seen = new Set<string>()
  for (const { uuid } of members) {
    if (seen.has(uuid)) throw badRequest('duplicateMember', `Member ${uuid} is listed twice`)
    seen.add(uuid)
    activeMember(ctx, uuid, 'Member')
  }
  const weighted = members.filter((member) => member.weight !== null)
  if (weighted.length > 0 && weighted.length < members.length) throw badRequest('invalidWeights', 'Give every member a weight, or none of them (null for even shares)')
  if (weighted.length > 0 && !weighted.some((member) => (member.weight ?? 0) > 0)) throw badRequest('invalidWeights', 'At least one weight must be above 0')
  if (fallbackMemberUuid) activeMember(ctx, fallbackMemberUuid, 'Fallback member')
}

interface ModelDoc extends StoredDoc {
  uuid: string
  columns: Array<{ slug: string }>
}

function conditionsOf(filter: Filter): Array<Record<string, unknown>> {
  return filter.groups.flatMap((group) => group.conditions as Array<Record<string, unknown>>)
}

/** The model exists, the columns and the filter's column conditions are its own, and a filter has a condition. */
function checkCapacity(ctx: Ctx, capacity: Pick<CapacityDoc, 'modelUuid' | 'idColumnSlug' | 'timeColumnSlug' | 'filter'>): void {
  const filter = capacity.filter
  if (filter && conditionsOf(filter).length === 0) throw badRequest('emptyFilter')
  if (!capacity.modelUuid) {
    if (capacity.idColumnSlug || capacity.timeColumnSlug || filter) throw badRequest('invalidFilter', 'Columns and filters need a model (--model-uuid)')
    return
  }
  const model = lookup<ModelDoc>(ctx, 'model', capacity.modelUuid)
  if (!model) throw notFound('model')
  const columns = new Set(model.columns.map((column) => column.slug))
  if (capacity.idColumnSlug && !columns.has(capacity.idColumnSlug)) throw badRequest('invalidIdColumnSlug')
  if (capacity.timeColumnSlug && !columns.has(capacity.timeColumnSlug)) throw badRequest('invalidTimeColumnSlug')
  for (const condition of filter ? conditionsOf(filter) : []) {
    const slug = condition.columnSlug
    if (typeof slug === 'string' && !columns.has(slug)) throw badRequest('invalidFilter', `The filter names ${slug}, which is not a column of the model`)
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const capacityFields = ['name', 'color', 'description', 'memberCapacity', 'allocationExpirationPolicy', 'modelUuid', 'idColumnSlug', 'timeColumnSlug', 'filter'] as const

export const revenueOrganizationHandlers = [
  on(api.listAllocations, (ctx, payload) => {
    const policyOf = new Map(live<CapacityDoc>(ctx, KINDS.capacity).map((capacity) => [capacity.uuid, capacity.allocationExpirationPolicy]))
    const matching = live<AllocationDoc>(ctx, KINDS.allocation).filter(
      (allocation) =>
        (payload.membersUuids === undefined || payload.membersUuids.includes(allocation.memberUuid)) &&
        (payload.capacityUuid === undefined || allocation.capacityUuid === payload.capacityUuid) &&
        (payload.territoryUuid === undefined || (allocation.allocatedBy.allocator === 'territory' && allocation.allocatedBy.territoryUuid === payload.territoryUuid)) &&
        (payload.expirationPolicy === undefined || sameJson(policyOf.get(allocation.capacityUuid ?? ''), payload.expirationPolicy)),
    )
    return { allocations: page(matching, payload) }
  }),
  on(api.getAllocation, (ctx, { uuid }) => ({ allocation: allocationOf(ctx, uuid) })),
  on(api.removeAllocation, (ctx, { uuid }) => {
    save(ctx, KINDS.allocation, { ...allocationOf(ctx, uuid), deletedAt: iso(ctx.now), updatedAt: iso(ctx.now) })
  }),

  on(api.createCapacity, (ctx, payload) => {
    const capacity: CapacityDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      name: payload.name,
      color: payload.color,
      description: payload.description ?? null,
      memberCapacity: payload.memberCapacity ?? null,
      allocationExpirationPolicy: payload.allocationExpirationPolicy ?? null,
      modelUuid: payload.modelUuid ?? null,
      idColumnSlug: payload.idColumnSlug ?? null,
      timeColumnSlug: payload.timeColumnSlug ?? null,
      filter: payload.filter ?? null,
      syncedAt: null,
      ...stamps(ctx),
      deletedAt: null,
    }
    checkCapacity(ctx, capacity)
    save(ctx, KINDS.capacity, capacity)
    return { capacity }
  }),
  on(api.listCapacities, (ctx) => ({ capacities: live<CapacityDoc>(ctx, KINDS.capacity) })),
  on(api.getCapacity, (ctx, { uuid }) => ({ capacity: capacityOf(ctx, uuid) })),
  on(api.updateCapacity, (ctx, payload) => {
    const capacity = { ...capacityOf(ctx, payload.uuid), ...sent(payload, capacityFields), updatedAt: iso(ctx.now) } as CapacityDoc
    checkCapacity(ctx, capacity)
    save(ctx, KINDS.capacity, capacity)
    return { capacity }
  }),
  on(api.removeCapacity, (ctx, { uuid }) => {
    save(ctx, KINDS.capacity, { ...capacityOf(ctx, uuid), deletedAt: iso(ctx.now), updatedAt: iso(ctx.now) })
  }),

  on(api.syncMembers, (ctx, { connectorUuid }) => {
    if (connectorUuid && !lookup(ctx, 'connector', connectorUuid)) throw notFound('connector')
    const members = live<MemberDoc>(ctx, KINDS.member)
    const source = connectorUuid ?? members[0]?.connectors[0]?.uuid
    // the CRM's users: those known already stay as they are; the new hire arrives once
    if (source && !members.some((member) => member.uuid === HIRED.uuid)) save(ctx, KINDS.member, memberDoc(HIRED, ctx.workspaceUuid, source, iso(ctx.now)))
  }),
  on(api.listMembers, (ctx) => ({ members: live<MemberDoc>(ctx, KINDS.member) })),
  on(api.getMember, (ctx, { uuid }) => ({ member: memberOf(ctx, uuid) })),
  on(api.updateMember, (ctx, { uuid, meta }) => {
    const member = { ...memberOf(ctx, uuid), ...(meta === undefined ? {} : { meta }) }
    save(ctx, KINDS.member, member)
    return { member }
  }),
  on(api.archiveMember, (ctx, { uuid }) => {
    const current = memberOf(ctx, uuid)
    const member = { ...current, archivedAt: current.archivedAt ?? iso(ctx.now) }
    save(ctx, KINDS.member, member)
    return { member }
  }),
  on(api.unarchiveMember, (ctx, { uuid }) => {
    const member = { ...memberOf(ctx, uuid), archivedAt: null }
    save(ctx, KINDS.member, member)
    return { member }
  }),

  on(api.createTerritory, (ctx, payload) => {
    checkTerritory(ctx, payload.members, payload.fallbackMemberUuid)
    const territory: TerritoryDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      label: payload.label,
      color: payload.color,
      description: payload.description ?? null,
      members: payload.members.map(({ uuid, weight }) => ({ uuid, weight })),
      fallbackMemberUuid: payload.fallbackMemberUuid ?? null,
      ...stamps(ctx),
      deletedAt: null,
    }
    save(ctx, KINDS.territory, territory)
    return { territory }
  }),
  on(api.listTerritories, (ctx) => ({ territories: live<TerritoryDoc>(ctx, KINDS.territory) })),
  on(api.getTerritory, (ctx, { uuid }) => ({ territory: territoryOf(ctx, uuid) })),
  on(api.updateTerritory, (ctx, payload) => {
    const current = territoryOf(ctx, payload.uuid)
    const members = payload.members?.map(({ uuid, weight }) => ({ uuid, weight }))
    const territory = { ...current, ...sent(payload, ['label', 'color', 'description', 'fallbackMemberUuid']), ...(members ? { members } : {}), updatedAt: iso(ctx.now) } as TerritoryDoc
    // only what changes is checked: a member archived since keeps its place until the members are replaced
    checkTerritory(ctx, members ?? [], payload.fallbackMemberUuid)
    save(ctx, KINDS.territory, territory)
    return { territory }
  }),
  on(api.removeTerritory, (ctx, { uuid }) => {
    save(ctx, KINDS.territory, { ...territoryOf(ctx, uuid), deletedAt: iso(ctx.now), updatedAt: iso(ctx.now) })
  }),
]
