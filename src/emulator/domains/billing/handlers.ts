import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import * as api from '../../../api/endpoints/billing.js'
import type { UsageGroupBy } from '../../../api/schemas/billing.js'
import { type Ctx, live, lookup, on, save } from '../../kernel/context.js'
import { type PlayDoc, type RunDoc, type WorkflowDoc } from '../orchestration/documents.js'
import { publicView } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { badRequest, notFound } from '../../kernel/http.js'
import type { StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import type { Change, SubscriptionDoc, UsageEvent } from './documents.js'

/**
 * Billing, computed from the workspace's runs: every finished node execution is a usage event (its
 * credits, or one execution). The subscription's credits used, reset date and hasCredits are worked
 * out when read; a plan change is scheduled for the next reset and applied once that date has passed.
 * Stripe pages are fake URLs under *.emulator.invalid. `storage.records` usage is not emulated (zero).
 */

const DAY = 86_400_000
const MAX_DAYS = 366

// ---------------------------------------------------------------------------------------------
// Usage events

/** One event per finished execution; slug: the node's action slug (`company_enrich`), else its kind. */
function usageEvents(ctx: Ctx): UsageEvent[] {
  const models = new Map<string, string | null>()
  const modelOf = (workflowUuid: string) => {
    if (!models.has(workflowUuid)) {
      const playUuid = lookup<WorkflowDoc>(ctx, 'workflow', workflowUuid)?.playUuid
      models.set(workflowUuid, (playUuid && lookup<PlayDoc>(ctx, 'play', playUuid)?.modelUuid) || null)
    }
    return models.get(workflowUuid) ?? null
  }
  return ctx.store.find<RunDoc>('run', ctx.workspaceUuid).flatMap((run) =>
    run.executions
      .filter((execution: JsonObject) => typeof execution.finishedAt === 'string')
      .map((execution: JsonObject) => ({
        at: Date.parse(execution.finishedAt as string),
        credits: Number(execution.creditsUsedCount ?? 0),
        slug: String(execution.nodeActionSlug ?? execution.nodeKind),
        workflowUuid: run.workflowUuid,
        connectorUuid: (execution.nodeConnectorUuid as string | null | undefined) ?? null,
        integrationSlug: (execution.nodeIntegrationSlug as string | null | undefined) ?? null,
        agentUuid: (execution.nodeAgentUuid as string | null | undefined) ?? run.parentAgentUuid ?? null,
        modelUuid: modelOf(run.workflowUuid),
      })),
  )
}

const groupFields: Record<UsageGroupBy, keyof UsageEvent> = {
  workflow_uuid: 'workflowUuid',
  connector_uuid: 'connectorUuid',
  model_uuid: 'modelUuid',
  integration_slug: 'integrationSlug',
  agent_uuid: 'agentUuid',
}

const filterFields = ['workflowUuid', 'modelUuid', 'connectorUuid', 'integrationSlug', 'slug', 'agentUuid'] as const

function dayOf(text: string, field: string): number {
  const ms = Date.parse(text)
  if (Number.isNaN(ms)) throw badRequest('invalidPayload', `${field}: not a date: ${text}`)
  return Math.floor(ms / DAY) * DAY
}

function usageMetrics(ctx: Ctx, query: z.output<typeof api.getUsageMetrics.payload>) {
  const first = dayOf(query.from, 'from')
  const last = dayOf(query.to, 'to')
  if (last < first) throw badRequest('invalidPayload', 'to is before from')
  const days = (last - first) / DAY + 1
  if (days > MAX_DAYS) throw badRequest('invalidPayload', `The range covers ${days} days; at most ${MAX_DAYS} are allowed`)
  // without a unit the API mixes all of them in one items list (UPSTREAM.md (b)); the emulator stores no records usage
  const units = query.unit ? [query.unit] : (['billing.credits', 'orchestration.executions'] as const)
  const counts = new Map<number, Map<string, { slug: string; count: number; groupBy: string | null }>>()
  const events = usageEvents(ctx)
  for (const unit of units.filter((counted) => counted !== 'storage.records')) {
    for (const event of events) {
      const amount = unit === 'billing.credits' ? event.credits : 1
      if (amount === 0 || event.at < first || event.at >= last + DAY) continue
      if (filterFields.some((field) => query[field] !== undefined && event[field] !== query[field])) continue
      const groupBy = query.groupBy ? ((event[groupFields[query.groupBy]] as string | null) ?? null) : null
      const day = Math.floor(event.at / DAY) * DAY
      const items = counts.get(day) ?? new Map()
      counts.set(day, items)
      const key = `${unit}\u0000${event.slug}\u0000${groupBy ?? ''}`
      const item = items.get(key) ?? { slug: event.slug, count: 0, groupBy }
      item.count += amount
      items.set(key, item)
    }
  }
  return Array.from({ length: days }, (_, index) => {
    const day = first + index * DAY
    return { date: iso(day), items: [...(counts.get(day)?.values() ?? [])] }
  })
}

// ---------------------------------------------------------------------------------------------
// Subscription

const cadenceMonths: Record<string, number> = { monthly: 1, quarterly: 3, semi_annual: 6, annual: 12, one_time: 12, custom: 1 }

function addMonths(ms: number, months: number): number {
  const date = new Date(ms)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.getTime()
}

/** The current period: from the last reset to the next one. */
function periodOf(doc: SubscriptionDoc, now: number): { start: number; reset: number } {
  const months = cadenceMonths[doc.cadence] ?? 1
  let start = Date.parse(doc.startAt)
  while (addMonths(start, months) <= now) start = addMonths(start, months)
  return { start, reset: addMonths(start, months) }
}

function findSubscription(ctx: Ctx): SubscriptionDoc {
  const doc = live<SubscriptionDoc>(ctx, 'subscription')[0]
  if (!doc) throw notFound('subscription')
  // a scheduled change takes over once its date has come
  const change = doc.futureChange
  if (!change || Date.parse(change.startAt) > ctx.now) return doc
  const applied: SubscriptionDoc = {
    ...doc,
    cadence: change.cadence,
    fixedPrice: change.fixedPrice,
    conversionRate: change.conversionRate,
    subscriptionAvailableCreditsCount: change.creditsCount,
    startAt: change.startAt,
    futureChange: null,
    updatedAt: change.startAt,
  }
  save(ctx, 'subscription', applied)
  return applied
}

function enriched(ctx: Ctx, doc: SubscriptionDoc) {
  const { start, reset } = periodOf(doc, ctx.now)
  const used = usageEvents(ctx)
    .filter((event) => event.at >= start && event.at < reset)
    .reduce((sum, event) => sum + event.credits, 0)
  return {
    ...publicView(doc),
    subscriptionCreditsUsedCount: used,
    resetAt: iso(reset),
    hasPendingChange: doc.futureChange !== null,
    hasCredits: doc.subscriptionAvailableCreditsCount + doc.additionalAvailableCreditsCount - used > 0,
  }
}

/** Plan and top-up changes: self-serve, usage-based (Orb) subscriptions with a card on file. */
function changeable(ctx: Ctx): SubscriptionDoc {
  const doc = findSubscription(ctx)
  if (doc.plan !== 'self-serve') throw badRequest('subscriptionNotElligible')
  if (doc.provider !== 'orb') throw badRequest('customerNotMigratedToOrb')
  if (!doc._creditCard) throw badRequest('paymentMethodNotFound')
  return doc
}

const cardDigits: Record<string, string> = { visa: '4242', mastercard: '4444', amex: '8431', discover: '1117' }

/** Stripe's test ids name the brand (`pm_card_mastercard`); anything else reads as a Visa. */
function cardOf(paymentMethodId: string, now: number) {
  const brand = /^pm_card_([a-z]+)/.exec(paymentMethodId)?.[1] ?? 'visa'
  return { brand, expMonth: 12, expYear: new Date(now).getUTCFullYear() + 3, last4: cardDigits[brand] ?? '4242' }
}

const fakeId = () => randomBytes(12).toString('hex')

function invoiceView({ uuid: _uuid, workspaceUuid: _workspace, createdAt: _created, ...invoice }: StoredDoc) {
  return publicView(invoice)
}

const byDueDate = (a: StoredDoc, b: StoredDoc) => String(b.dueDate).localeCompare(String(a.dueDate))

function mergeBehaviors(current: SubscriptionDoc['creditsOverageBehaviors'], updates: SubscriptionDoc['creditsOverageBehaviors']) {
  const units = new Set(updates.map((behavior) => behavior.unit))
  return [...current.filter((behavior) => !units.has(behavior.unit)), ...updates]
}

export const billingHandlers = [
  on(api.getUsageMetrics, (ctx, query) => ({ metrics: usageMetrics(ctx, query) })),
  on(api.getSubscription, (ctx) => ({ subscription: enriched(ctx, findSubscription(ctx)) })),
  on(api.getInvoices, (ctx) => ({ invoices: live<StoredDoc>(ctx, 'invoice').sort(byDueDate).map(invoiceView) })),
  on(api.getCreditCard, (ctx) => ({ creditCard: findSubscription(ctx)._creditCard ?? undefined })),
  on(api.createPortalSession, (ctx) => {
    findSubscription(ctx)
    return { portalSession: { url: `https://billing.stripe.emulator.invalid/p/session/${fakeId()}` } }
  }),
  on(api.createSetupIntent, (ctx) => {
    findSubscription(ctx)
    return { setupIntent: { clientSecret: `seti_${fakeId()}_secret_${fakeId()}` } }
  }),
  on(api.createStripeCreditsCheckoutSession, (ctx) => {
    findSubscription(ctx)
    return { checkoutSession: { url: `https://checkout.stripe.emulator.invalid/c/pay/cs_${fakeId()}` } }
  }),
  on(api.updatePaymentMethod, (ctx, { paymentMethodId }) => {
    save(ctx, 'subscription', { ...findSubscription(ctx), _paymentMethodId: paymentMethodId, _creditCard: cardOf(paymentMethodId, ctx.now), updatedAt: iso(ctx.now) })
  }),
  on(api.updatePlan, (ctx, { creditsCount, cadence }) => {
    const doc = changeable(ctx)
    if (doc.futureChange) throw badRequest('subscriptionAlreadyInUpdateState')
    const { reset } = periodOf(doc, ctx.now)
    const futureChange: Change = {
      cadence,
      fixedPrice: Math.round(creditsCount * doc.conversionRate),
      creditsCount,
      conversionRate: doc.conversionRate,
      startAt: iso(reset),
      endAt: null,
    }
    const updated = { ...doc, futureChange, updatedAt: iso(ctx.now) }
    save(ctx, 'subscription', updated)
    return { subscription: enriched(ctx, updated) }
  }),
  on(api.updateTopup, (ctx, { enabled, creditsCount, threshold }) => {
    const updated = { ...changeable(ctx), topup: enabled ? { creditsCount, threshold } : null, updatedAt: iso(ctx.now) }
    save(ctx, 'subscription', updated)
    return { subscription: enriched(ctx, updated) }
  }),
  on(api.updateCreditsOverageBehaviors, (ctx, { creditsOverageBehaviors }) => {
    const doc = findSubscription(ctx)
    if (doc.plan !== 'enterprise') throw badRequest('subscriptionNotEnterprise')
    save(ctx, 'subscription', { ...doc, creditsOverageBehaviors: mergeBehaviors(doc.creditsOverageBehaviors, creditsOverageBehaviors), updatedAt: iso(ctx.now) })
  }),
]
