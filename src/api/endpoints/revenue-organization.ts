/**
 * The revenueOrganization endpoints (spec/commands/revenue-organization.json): members of the revenue team,
 * territories, capacities and allocations, behind the `revenue-organization` commands.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { filter, jsonObject, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req, reqNull } from '../schemas/fields.js'
import { allocation, capacity, expirationPolicy, expirationPolicyInQuery, member, revenueColor, territory, territoryMember } from '../schemas/revenue-organization.js'

const none = z.object({})
const memberNotFound = 'No member matches this UUID; see `revenue-organization member list`.'
const territoryNotFound = 'No territory matches this UUID; see `revenue-organization territory list`.'
const capacityNotFound = 'No capacity matches this UUID; see `revenue-organization capacity list`.'
const allocationNotFound = 'No allocation matches this UUID.'
const byUuid = (noun: string) => z.object({ uuid: req(uuid, `UUID of the ${noun}`) })

const memberResult = z.looseObject({ member })
const territoryResult = z.looseObject({ territory })
const capacityResult = z.looseObject({ capacity })

const policyDescription =
  'Expiration policy as JSON: {interval: hourly, minute?} | {interval: daily, time?} | {interval: weekly, time?, weekDay?} | {interval: monthly, time?, day?} | {interval: quarterly|yearly, time?, day?, month?}'
const filterDescription = 'Segmentation filter as JSON: {conjonction, groups: [{conjonction, conditions: [...]}]} (French spelling)'
const membersDescription = 'Members as a JSON array of {uuid, weight}: weight a number, or null for an even share'

// ---------------------------------------------------------------------------------------------
// Allocations

export const listAllocations = defineEndpoint({
  name: 'revenueOrganization.listAllocations',
  method: 'GET',
  path: '/revenueOrganization/allocations/list',
  payloadIn: 'query',
  payload: z.object({
    membersUuids: opt(z.array(uuid), 'Only allocations to these members'),
    capacityUuid: optNull(uuid, 'Only allocations under this capacity; null for those under none'),
    expirationPolicy: opt(expirationPolicyInQuery, `Only allocations whose capacity expires this way. ${policyDescription}`),
    territoryUuid: opt(uuid, 'Only allocations made by this territory'),
    limit: opt(z.int().positive(), 'Page size (default 20, at most 1000)'),
    offset: opt(z.int().nonnegative(), 'Allocations to skip'),
  }),
  result: z.looseObject({ allocations: z.array(allocation) }),
  reasons: {},
})

export const getAllocation = defineEndpoint({
  name: 'revenueOrganization.getAllocation',
  method: 'GET',
  path: '/revenueOrganization/allocations/{uuid}',
  payloadIn: 'none',
  payload: byUuid('allocation'),
  result: z.looseObject({ allocation }),
  reasons: { allocationNotFound },
})

export const removeAllocation = defineEndpoint({
  name: 'revenueOrganization.removeAllocation',
  method: 'DELETE',
  path: '/revenueOrganization/allocations/{uuid}',
  payloadIn: 'none',
  payload: byUuid('allocation to delete'),
  result: voidResult,
  reasons: { allocationNotFound },
})

// ---------------------------------------------------------------------------------------------
// Capacities

const capacityReasons = {
  invalidFilter: 'The filter is not valid for the model: check its column slugs and operators.',
  emptyFilter: 'The filter has no condition; give one, or null for no filter.',
  invalidIdColumnSlug: 'The id column is not a column of the model; see `storage model get`.',
  invalidTimeColumnSlug: 'The time column is not a column of the model; see `storage model get`.',
  modelNotFound: 'No model matches --model-uuid; see `storage model list`.',
}

const capacityFields = {
  description: opt(z.string(), 'What the capacity is for'),
  modelUuid: opt(uuid, 'Model whose records are allocated'),
  idColumnSlug: opt(z.string().min(1), 'Column of the model holding the record id'),
  timeColumnSlug: opt(z.string().min(1), 'Column of the model holding the time the capacity counts from'),
  memberCapacity: opt(z.int().nonnegative(), 'How many records one member may hold'),
  allocationExpirationPolicy: opt(expirationPolicy, policyDescription),
}

export const createCapacity = defineEndpoint({
  name: 'revenueOrganization.createCapacity',
  method: 'POST',
  path: '/revenueOrganization/capacities',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Capacity name'),
    color: req(revenueColor, 'Display colour'),
    ...capacityFields,
    filter: opt(filter, filterDescription),
  }),
  result: capacityResult,
  reasons: capacityReasons,
})

export const listCapacities = defineEndpoint({
  name: 'revenueOrganization.listCapacities',
  method: 'GET',
  path: '/revenueOrganization/capacities/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ capacities: z.array(capacity) }),
  reasons: {},
})

export const getCapacity = defineEndpoint({
  name: 'revenueOrganization.getCapacity',
  method: 'GET',
  path: '/revenueOrganization/capacities/{uuid}',
  payloadIn: 'none',
  payload: byUuid('capacity'),
  result: capacityResult,
  reasons: { capacityNotFound },
})

/** The API's payload makes `filter` a required key that may be null (null clears it); the other fields are optional. */
export const updateCapacity = defineEndpoint({
  name: 'revenueOrganization.updateCapacity',
  method: 'PUT',
  path: '/revenueOrganization/capacities/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the capacity'),
    name: opt(z.string().min(1), 'New name'),
    color: opt(revenueColor, 'New display colour'),
    ...capacityFields,
    filter: reqNull(filter, `${filterDescription}; null removes the filter`),
  }),
  result: capacityResult,
  reasons: { capacityNotFound, ...capacityReasons },
})

export const removeCapacity = defineEndpoint({
  name: 'revenueOrganization.removeCapacity',
  method: 'DELETE',
  path: '/revenueOrganization/capacities/{uuid}',
  payloadIn: 'none',
  payload: byUuid('capacity to delete'),
  result: voidResult,
  reasons: { capacityNotFound },
})

// ---------------------------------------------------------------------------------------------
// Members

export const syncMembers = defineEndpoint({
  name: 'revenueOrganization.syncMembers',
  method: 'POST',
  path: '/revenueOrganization/members/sync',
  payloadIn: 'body',
  payload: z.object({ connectorUuid: opt(uuid, 'Only import the users of this connector (a CRM)') }),
  result: voidResult,
  reasons: { connectorNotFound: 'No connector matches --connector-uuid; see `connection connector list`.' },
})

export const listMembers = defineEndpoint({
  name: 'revenueOrganization.listMembers',
  method: 'GET',
  path: '/revenueOrganization/members/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ members: z.array(member) }),
  reasons: {},
})

export const getMember = defineEndpoint({
  name: 'revenueOrganization.getMember',
  method: 'GET',
  path: '/revenueOrganization/members/{uuid}',
  payloadIn: 'none',
  payload: byUuid('member'),
  result: memberResult,
  reasons: { memberNotFound },
})

export const updateMember = defineEndpoint({
  name: 'revenueOrganization.updateMember',
  method: 'PUT',
  path: '/revenueOrganization/members/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the member'),
    meta: optNull(jsonObject, 'Free-form facts about the member as a JSON object; it replaces the current one (null clears it)'),
  }),
  result: memberResult,
  reasons: { memberNotFound },
})

export const archiveMember = defineEndpoint({
  name: 'revenueOrganization.archiveMember',
  method: 'POST',
  path: '/revenueOrganization/members/{uuid}/archive',
  payloadIn: 'none',
  payload: byUuid('member to archive'),
  result: memberResult,
  reasons: { memberNotFound },
})

export const unarchiveMember = defineEndpoint({
  name: 'revenueOrganization.unarchiveMember',
  method: 'POST',
  path: '/revenueOrganization/members/{uuid}/unarchive',
  payloadIn: 'none',
  payload: byUuid('member to restore'),
  result: memberResult,
  reasons: { memberNotFound },
})

// ---------------------------------------------------------------------------------------------
// Territories

const territoryRules = {
  memberNotFound: 'A member named in --members or --fallback-member-uuid does not exist; see `revenue-organization member list`.',
  memberArchived: 'An archived member cannot receive records; unarchive it or leave it out.',
  duplicateMember: 'A member is listed twice in --members.',
  invalidWeights: 'Give every member a weight or none of them (null), with at least one weight above 0.',
}

export const createTerritory = defineEndpoint({
  name: 'revenueOrganization.createTerritory',
  method: 'POST',
  path: '/revenueOrganization/territories',
  payloadIn: 'body',
  payload: z.object({
    label: req(z.string().min(1), 'Territory label'),
    color: req(revenueColor, 'Display colour'),
    members: req(z.array(territoryMember), membersDescription),
    description: opt(z.string(), 'What the territory covers'),
    fallbackMemberUuid: opt(uuid, 'Member who gets the records no other member can take'),
  }),
  result: territoryResult,
  reasons: territoryRules,
})

export const listTerritories = defineEndpoint({
  name: 'revenueOrganization.listTerritories',
  method: 'GET',
  path: '/revenueOrganization/territories/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ territories: z.array(territory) }),
  reasons: {},
})

export const getTerritory = defineEndpoint({
  name: 'revenueOrganization.getTerritory',
  method: 'GET',
  path: '/revenueOrganization/territories/{uuid}',
  payloadIn: 'none',
  payload: byUuid('territory'),
  result: territoryResult,
  reasons: { territoryNotFound },
})

export const updateTerritory = defineEndpoint({
  name: 'revenueOrganization.updateTerritory',
  method: 'PUT',
  path: '/revenueOrganization/territories/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the territory'),
    label: opt(z.string().min(1), 'New label'),
    color: opt(revenueColor, 'New display colour'),
    description: optNull(z.string(), 'New description'),
    members: opt(z.array(territoryMember), `${membersDescription}; replaces the current members`),
    fallbackMemberUuid: optNull(uuid, 'New fallback member'),
  }),
  result: territoryResult,
  reasons: { territoryNotFound, ...territoryRules },
})

export const removeTerritory = defineEndpoint({
  name: 'revenueOrganization.removeTerritory',
  method: 'DELETE',
  path: '/revenueOrganization/territories/{uuid}',
  payloadIn: 'none',
  payload: byUuid('territory to delete'),
  result: voidResult,
  reasons: { territoryNotFound },
})
