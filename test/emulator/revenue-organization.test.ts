import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/revenue-organization.js'
import { REVENUE_SEED } from '../../src/emulator/domains/revenue-organization/index.js'
import { SEED } from '../../src/emulator/kernel/seeded.js'
import { endpointsOf } from '../support/spec-table.js'
import { Harness, checkedEndpoints } from './harness.js'

/** The emulated revenueOrganization domain through `handle()`: every successful answer is checked against its result schema. */

const { members, territoryUuid, capacityUuid, allocations } = REVENUE_SEED
let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const filterOn = (columnSlug: string) => ({ conjonction: 'and' as const, groups: [{ conjonction: 'and' as const, conditions: [{ kind: 'number', columnSlug, operator: 'greaterThan', value: 100 }] }] })

describe('members', () => {
  it('lists the seeded team, imports the new hire once on sync, keeps meta, archives and restores', async () => {
    expect((await h.ok(api.listMembers, {})).members.map((m: { email: string }) => m.email)).toEqual(['maya.chen@acme.example', 'tom.okafor@acme.example', 'lena.fischer@acme.example'])
    expect(await h.call(api.syncMembers, { connectorUuid: '6f1e2d3c-4b5a-4968-8776-655443322110' })).toMatchObject({ status: 404, body: { reason: 'connectorNotFound' } })
    expect(await h.call(api.syncMembers, {})).toEqual({ status: 200, body: {} })
    expect(await h.call(api.syncMembers, {})).toEqual({ status: 200, body: {} })
    expect((await h.ok(api.listMembers, {})).members).toHaveLength(4)
    expect((await h.ok(api.updateMember, { uuid: members.maya, meta: { segment: 'enterprise' } })).member.meta).toEqual({ segment: 'enterprise' })
    expect((await h.ok(api.getMember, { uuid: members.maya })).member).toMatchObject({ meta: { segment: 'enterprise' }, connectors: [{ userId: '7001' }] })
    expect((await h.ok(api.archiveMember, { uuid: members.lena })).member.archivedAt).toBe('2025-06-01T12:00:00.000Z')
    expect((await h.ok(api.unarchiveMember, { uuid: members.lena })).member.archivedAt).toBeNull()
    expect(await h.call(api.archiveMember, { uuid: territoryUuid })).toMatchObject({ status: 404, body: { reason: 'memberNotFound' } })
  })
})

describe('territories: members must exist and be active, weights all or none, a fallback that exists', () => {
  it('creates, updates and removes within the rules', async () => {
    const territory = (await h.ok(api.createTerritory, { label: 'DACH', color: 'purple', members: [{ uuid: members.maya, weight: 2 }, { uuid: members.tom, weight: 1 }], fallbackMemberUuid: members.tom })).territory
    expect(territory).toMatchObject({ label: 'DACH', description: null, fallbackMemberUuid: members.tom })
    const base = { label: 'X', color: 'red' as const }
    expect(await h.call(api.createTerritory, { ...base, members: [{ uuid: SEED.userUuid, weight: null }] })).toMatchObject({ status: 400, body: { reason: 'memberNotFound' } })
    expect(await h.call(api.createTerritory, { ...base, members: [{ uuid: members.maya, weight: 1 }, { uuid: members.maya, weight: 1 }] })).toMatchObject({ status: 400, body: { reason: 'duplicateMember' } })
    expect(await h.call(api.createTerritory, { ...base, members: [{ uuid: members.maya, weight: 1 }, { uuid: members.tom, weight: null }] })).toMatchObject({ status: 400, body: { reason: 'invalidWeights' } })
    expect(await h.call(api.createTerritory, { ...base, members: [{ uuid: members.maya, weight: 0 }] })).toMatchObject({ status: 400, body: { reason: 'invalidWeights' } })
    expect(await h.call(api.createTerritory, { ...base, members: [], fallbackMemberUuid: SEED.userUuid })).toMatchObject({ status: 400, body: { reason: 'memberNotFound' } })
    await h.ok(api.archiveMember, { uuid: members.lena })
    expect(await h.call(api.updateTerritory, { uuid: territory.uuid, members: [{ uuid: members.lena, weight: null }] })).toMatchObject({ status: 400, body: { reason: 'memberArchived' } })
    await h.ok(api.unarchiveMember, { uuid: members.lena })
    const updated = (await h.ok(api.updateTerritory, { uuid: territory.uuid, members: [{ uuid: members.lena, weight: null }], fallbackMemberUuid: null, description: 'Germany, Austria, Switzerland' })).territory
    expect(updated).toMatchObject({ members: [{ uuid: members.lena, weight: null }], fallbackMemberUuid: null, description: 'Germany, Austria, Switzerland' })
    expect((await h.ok(api.listTerritories, {})).territories.map((t: { uuid: string }) => t.uuid)).toEqual([territoryUuid, territory.uuid])
    expect(await h.call(api.removeTerritory, { uuid: territory.uuid })).toEqual({ status: 200, body: {} })
    expect(await h.call(api.getTerritory, { uuid: territory.uuid })).toMatchObject({ status: 404, body: { reason: 'territoryNotFound' } })
    expect((await h.ok(api.getTerritory, { uuid: territoryUuid })).territory.fallbackMemberUuid).toBe(members.lena)
  })
})

describe('capacities: columns and filters of their model', () => {
  it('creates, updates (filter null clears) and removes; refuses foreign columns and empty filters', async () => {
    const capacity = (await h.ok(api.createCapacity, { name: 'Big accounts', color: 'green', modelUuid: SEED.modelUuid, idColumnSlug: 'domain', memberCapacity: 10, filter: filterOn('employee_count') })).capacity
    expect(capacity).toMatchObject({ memberCapacity: 10, filter: filterOn('employee_count'), syncedAt: null })
    expect(await h.call(api.createCapacity, { name: 'x', color: 'red', modelUuid: SEED.modelUuid, idColumnSlug: 'website' })).toMatchObject({ status: 400, body: { reason: 'invalidIdColumnSlug' } })
    expect(await h.call(api.createCapacity, { name: 'x', color: 'red', modelUuid: SEED.modelUuid, timeColumnSlug: 'when' })).toMatchObject({ status: 400, body: { reason: 'invalidTimeColumnSlug' } })
    expect(await h.call(api.createCapacity, { name: 'x', color: 'red', modelUuid: SEED.modelUuid, filter: filterOn('revenue') })).toMatchObject({ status: 400, body: { reason: 'invalidFilter' } })
    expect(await h.call(api.createCapacity, { name: 'x', color: 'red', modelUuid: SEED.modelUuid, filter: { conjonction: 'and', groups: [] } })).toMatchObject({ status: 400, body: { reason: 'emptyFilter' } })
    const cleared = (await h.ok(api.updateCapacity, { uuid: capacity.uuid, memberCapacity: 20, filter: null, allocationExpirationPolicy: { interval: 'weekly', weekDay: 'monday' } })).capacity
    expect(cleared).toMatchObject({ memberCapacity: 20, filter: null, allocationExpirationPolicy: { interval: 'weekly', weekDay: 'monday' } })
    expect((await h.ok(api.listCapacities, {})).capacities).toHaveLength(2)
    expect((await h.ok(api.getCapacity, { uuid: capacityUuid })).capacity.name).toBe('Open accounts')
    expect(await h.call(api.removeCapacity, { uuid: capacity.uuid })).toEqual({ status: 200, body: {} })
    expect(await h.call(api.removeCapacity, { uuid: capacity.uuid })).toMatchObject({ status: 404, body: { reason: 'capacityNotFound' } })
  })
})

describe('allocations', () => {
  it('lists by member, territory, capacity and expiration policy; reads and removes one', async () => {
    const uuids = async (payload: Parameters<typeof h.ok<typeof api.listAllocations>>[1]) => (await h.ok(api.listAllocations, payload)).allocations.map((a: { uuid: string }) => a.uuid)
    expect(await uuids({})).toEqual([allocations.acme, allocations.globex])
    expect(await uuids({ membersUuids: [members.tom] })).toEqual([allocations.globex])
    expect(await uuids({ territoryUuid, limit: 1, offset: 1 })).toEqual([allocations.globex])
    expect(await uuids({ expirationPolicy: { interval: 'monthly', day: 1 } })).toEqual([allocations.acme, allocations.globex])
    expect(await uuids({ expirationPolicy: { interval: 'daily' } })).toEqual([])
    expect((await h.ok(api.getAllocation, { uuid: allocations.acme })).allocation).toMatchObject({ memberUuid: members.maya, recordIds: ['acme.com'], allocatedBy: { allocator: 'territory', territoryUuid } })
    expect(await h.call(api.removeAllocation, { uuid: allocations.acme })).toEqual({ status: 200, body: {} })
    expect(await h.call(api.getAllocation, { uuid: allocations.acme })).toMatchObject({ status: 404, body: { reason: 'allocationNotFound' } })
  })

  it('answered every revenueOrganization endpoint, schema-checked', () => {
    expect(endpointsOf(api).map((endpoint) => endpoint.name).filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
