/** The billing domain of the emulator: the subscription, its changes, credits and usage computed from runs. */
export { billingHandlers } from './handlers.js'
export { BILLING_SEED, billingDocs } from './seed.js'
