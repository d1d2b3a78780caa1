/**
 * The billing endpoints (wire.md §18): usage metrics and the Stripe-backed subscription, behind the
 * `billing` commands (spec/commands/billing.json). Billing calls need an admin token.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, uuid, voidResult } from '../schemas/common.js'
import { opt, req } from '../schemas/fields.js'
import {
  creditCard,
  enrichedSubscription,
  invoice,
  overageBehavior,
  subscriptionCadence,
  usageGroupBy,
  usageMetric,
  usageUnit,
} from '../schemas/billing.js'

const none = z.object({})
const subscriptionResult = z.looseObject({ subscription: enrichedSubscription })
const url = z.looseObject({ url: z.string() })

const subscriptionNotFound = { subscriptionNotFound: 'The workspace has no subscription.' }
/** Reasons shared by the plan and top-up changes. */
const changeReasons = {
  ...subscriptionNotFound,
  customerNotFound: 'No billing customer exists for this workspace.',
  paymentMethodNotFound: 'No default payment method is on file.',
  subscriptionNotElligible: 'This subscription cannot be changed this way.',
  customerNotMigratedToOrb: 'The subscription has not been moved to usage-based pricing yet.',
}

export const getUsageMetrics = defineEndpoint({
  name: 'billing.getUsageMetrics',
  method: 'GET',
  path: '/billing/usage/metrics',
  payloadIn: 'query',
  // the query string follows this order (the spec's flag order)
  payload: z.object({
    from: req(isoDate, 'First day of the range (YYYY-MM-DD)'),
    to: req(isoDate, 'Last day of the range (YYYY-MM-DD)'),
    groupBy: opt(usageGroupBy, 'Split each day by this dimension; items then name the resource in groupBy'),
    workflowUuid: opt(uuid, 'Only usage of this workflow (the workflowUuid of a play or tool)'),
    modelUuid: opt(uuid, 'Only usage of this model'),
    connectorUuid: opt(uuid, 'Only usage of this connector'),
    integrationSlug: opt(z.string().min(1), 'Only usage of this integration'),
    slug: opt(z.string().min(1), 'Only usage items with this usage slug'),
    agentUuid: opt(uuid, 'Only usage of this agent'),
    unit: opt(usageUnit, 'What to count (the docs\' "credits" is billing.credits)'),
  }),
  result: z.looseObject({ metrics: z.array(usageMetric) }),
  reasons: {},
})

export const getSubscription = defineEndpoint({
  name: 'billing.getSubscription',
  method: 'GET',
  path: '/billing/subscriptions',
  payloadIn: 'none',
  payload: none,
  result: subscriptionResult,
  reasons: {},
})

export const getInvoices = defineEndpoint({
  name: 'billing.getInvoices',
  method: 'GET',
  path: '/billing/subscriptions/invoices',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ invoices: z.array(invoice) }),
  reasons: {},
})

/** `{}` when no card is on file. */
export const getCreditCard = defineEndpoint({
  name: 'billing.getCreditCard',
  method: 'GET',
  path: '/billing/subscriptions/creditCard',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ creditCard: creditCard.optional() }),
  reasons: {},
})

export const createPortalSession = defineEndpoint({
  name: 'billing.createPortalSession',
  method: 'POST',
  path: '/billing/subscriptions/portalSessions',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ portalSession: url }),
  reasons: subscriptionNotFound,
})

export const createSetupIntent = defineEndpoint({
  name: 'billing.createSetupIntent',
  method: 'POST',
  path: '/billing/subscriptions/setupIntent',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ setupIntent: z.looseObject({ clientSecret: z.string() }) }),
  reasons: { ...subscriptionNotFound, failedToCreateSetupIntent: 'The payment setup could not be started.' },
})

export const createStripeCreditsCheckoutSession = defineEndpoint({
  name: 'billing.createStripeCreditsCheckoutSession',
  method: 'POST',
  path: '/billing/subscriptions/creditsCheckoutSessions',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ checkoutSession: url }),
  reasons: { ...subscriptionNotFound, failedToCreateCheckoutSession: 'The checkout session could not be started.' },
})

export const updatePaymentMethod = defineEndpoint({
  name: 'billing.updatePaymentMethod',
  method: 'PUT',
  path: '/billing/subscriptions/paymentMethod',
  payloadIn: 'body',
  payload: z.object({ paymentMethodId: req(z.string().min(1), 'Stripe payment method id (pm_...)') }),
  result: voidResult,
  reasons: subscriptionNotFound,
})

export const updatePlan = defineEndpoint({
  name: 'billing.updatePlan',
  method: 'PUT',
  path: '/billing/subscriptions/plan',
  payloadIn: 'body',
  payload: z.object({
    creditsCount: req(z.int().positive(), 'Credits included in each period'),
    cadence: req(subscriptionCadence, 'How often the plan is billed'),
  }),
  result: subscriptionResult,
  reasons: {
    ...changeReasons,
    scheduleSubscriptionChangeFailed: 'The subscription change could not be scheduled.',
    subscriptionAlreadyInUpdateState: 'A change of this subscription is already pending.',
  },
})

/** `enabled` is required by the API; the command sends false when --enabled is absent. */
export const updateTopup = defineEndpoint({
  name: 'billing.updateTopup',
  method: 'PUT',
  path: '/billing/subscriptions/topup',
  payloadIn: 'body',
  payload: z.object({
    enabled: opt(z.boolean(), 'Turn automatic top-up on (absent: off)'),
    creditsCount: req(z.int().positive(), 'Credits bought by each top-up'),
    threshold: req(z.int().nonnegative(), 'Remaining credits at which a top-up is bought'),
  }),
  result: subscriptionResult,
  reasons: changeReasons,
})

export const updateCreditsOverageBehaviors = defineEndpoint({
  name: 'billing.updateCreditsOverageBehaviors',
  method: 'PUT',
  path: '/billing/subscriptions/creditsOverageBehaviors',
  payloadIn: 'body',
  payload: z.object({
    creditsOverageBehaviors: req(
      z.array(overageBehavior).min(1),
      'Per unit, as a JSON array: [{"unit": "billing.credits"|"storage.records"|"orchestration.executions", "action": "allow"|"deny"}]',
    ),
  }),
  result: voidResult,
  reasons: { ...subscriptionNotFound, subscriptionNotEnterprise: 'Overage behaviour can only be set on enterprise subscriptions.' },
})
