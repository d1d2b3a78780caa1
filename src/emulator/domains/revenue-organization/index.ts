/** The revenueOrganization domain of the emulator: members, territories, capacities and allocations. */
export { revenueOrganizationHandlers } from './handlers.js'
export { REVENUE_SEED, revenueOrganizationDocs } from './seed.js'
