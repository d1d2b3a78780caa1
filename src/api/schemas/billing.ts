/**
 * billing domain (entities.md §6): the workspace subscription, invoices, the card on file and usage.
 * Amounts are in cents; dates are ISO strings.
 */
import { z } from 'zod'
import { entity, timestamp } from './common.js'

/** What usage is counted in (wire.md §19.8: the docs' `credits` is `billing.credits`). */
export const usageUnit = z.enum(['billing.credits', 'storage.records', 'orchestration.executions'])
export type UsageUnit = z.infer<typeof usageUnit>

export const usageGroupBy = z.enum(['workflow_uuid', 'connector_uuid', 'model_uuid', 'integration_slug', 'agent_uuid'])
export type UsageGroupBy = z.infer<typeof usageGroupBy>

export const subscriptionCadence = z.enum(['monthly', 'annual', 'one_time', 'quarterly', 'semi_annual', 'custom'])
export type SubscriptionCadence = z.infer<typeof subscriptionCadence>

export const subscriptionPlan = z.enum(['self-serve', 'enterprise'])
export type SubscriptionPlan = z.infer<typeof subscriptionPlan>

/** Per unit: whether usage beyond the available credits is allowed. */
export const overageBehavior = z.looseObject({ unit: usageUnit, action: z.enum(['deny', 'allow']) })
export type OverageBehavior = z.infer<typeof overageBehavior>

export const subscriptionFutureChange = entity({
  cadence: subscriptionCadence,
  fixedPrice: z.number(),
  creditsCount: z.number(),
  conversionRate: z.number(),
  startAt: timestamp,
  endAt: timestamp.optional(),
})

export const subscriptionTopup = entity({ creditsCount: z.number(), threshold: z.number() })

/** The subscription with its plan details, as `GET billing/subscriptions` returns it. */
export const enrichedSubscription = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  provider: z.enum(['stripe', 'orb']),
  customerOrbId: z.string(),
  customerStripeId: z.string(),
  subscriptionStatus: z.string().optional(),
  subscriptionStripeId: z.string().optional(),
  subscriptionAvailableCreditsCount: z.number(),
  subscriptionCreditsUsedCount: z.number(),
  additionalAvailableCreditsCount: z.number(),
  creditsOverageBehaviors: z.array(overageBehavior),
  creditsConsumptionBehaviors: z.array(overageBehavior),
  createdAt: timestamp,
  updatedAt: timestamp,
  plan: subscriptionPlan,
  cadence: subscriptionCadence,
  fixedPrice: z.number(),
  conversionRate: z.number(),
  startAt: timestamp,
  resetAt: timestamp,
  endAt: timestamp.optional(),
  hasPendingChange: z.boolean(),
  hasCredits: z.boolean(),
  futureChange: subscriptionFutureChange.optional(),
  topup: subscriptionTopup.optional(),
})
export type EnrichedSubscription = z.infer<typeof enrichedSubscription>

export const invoice = entity({
  id: z.string(),
  isPaid: z.boolean(),
  currency: z.string(),
  /** cents */
  amount: z.number(),
  dueDate: timestamp.optional(),
  url: z.string().optional(),
})
export type Invoice = z.infer<typeof invoice>

export const creditCard = entity({ brand: z.string(), expMonth: z.number(), expYear: z.number(), last4: z.string() })
export type CreditCard = z.infer<typeof creditCard>

export const usageMetricItem = entity({
  slug: z.string(),
  count: z.number(),
  /** the resource id of the --group-by dimension; absent without grouping or when unattributed */
  groupBy: z.string().optional(),
})

/** Usage of one day (date at midnight UTC). */
export const usageMetric = entity({ date: timestamp, items: z.array(usageMetricItem) })
export type UsageMetric = z.infer<typeof usageMetric>
