import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as b from '../../src/api/endpoints/billing.js'
import * as o from '../../src/api/endpoints/orchestration.js'
import { handlers } from '../../src/emulator/domains/index.js'
import { SEED } from '../../src/emulator/index.js'
import { BILLING_SEED } from '../../src/emulator/domains/billing/seed.js'
import { Store, type StoredDoc } from '../../src/emulator/kernel/store.js'
import { Harness, checkedEndpoints } from './harness.js'

/**
 * The emulated billing domain: usage computed from the runs of the workspace, the seeded subscription and
 * its changes. Every successful answer is checked against the client's result schema by the harness.
 */

const DAY = 86_400_000
let h: Harness

/** Edits the stored subscription the way only the billing back office could (plan, card). */
function editSubscription(change: (doc: StoredDoc) => StoredDoc | undefined): void {
  const store = new Store(h.dbPath)
  const doc = store.get<StoredDoc>('subscription', BILLING_SEED.subscriptionUuid) as StoredDoc
  const next = change(doc)
  if (next) store.put('subscription', next, SEED.workspaceUuid)
  else store.remove('subscription', doc.uuid)
  store.close()
}

beforeAll(async () => {
  h = new Harness() // the clock starts at 2025-06-01T12:00Z
  await h.ok(o.createRun, { workflowUuid: SEED.tool.workflowUuid, data: { domain: 'acme.com' } })
  await h.ok(o.createBatch, { workflowUuid: SEED.play.workflowUuid, data: { kind: 'recordIds', modelUuid: SEED.modelUuid, ids: ['company_1', 'company_2'] } })
  h.advance(60_000)
})
afterAll(() => h.close())

const metrics = async (query: Parameters<typeof h.ok<typeof b.getUsageMetrics>>[1]) => (await h.ok(b.getUsageMetrics, query)).metrics

describe('usage metrics, computed from the runs', () => {
  it('counts credits per day (--unit billing.credits), split by workflow', async () => {
    expect(await metrics({ unit: 'billing.credits', from: '2025-05-31', to: '2025-06-02', groupBy: 'workflow_uuid' })).toEqual([
      { date: '2025-05-31T00:00:00.000Z', items: [] },
      {
        date: '2025-06-01T00:00:00.000Z',
        items: [
          { slug: 'company_enrich', count: 1, groupBy: SEED.tool.workflowUuid },
          { slug: 'company_enrich', count: 2, groupBy: SEED.play.workflowUuid },
        ],
      },
      { date: '2025-06-02T00:00:00.000Z', items: [] },
    ])
  })

  it('sends groupBy null without grouping, and filters by resource', async () => {
    expect(await metrics({ unit: 'billing.credits', from: '2025-06-01', to: '2025-06-01' })).toEqual([{ date: '2025-06-01T00:00:00.000Z', items: [{ slug: 'company_enrich', count: 3, groupBy: null }] }])
    const day = (items: unknown[]) => [{ date: '2025-06-01T00:00:00.000Z', items }]
    expect(await metrics({ unit: 'billing.credits', from: '2025-06-01', to: '2025-06-01', workflowUuid: SEED.play.workflowUuid, groupBy: 'model_uuid' })).toEqual(
      day([{ slug: 'company_enrich', count: 2, groupBy: SEED.modelUuid }]),
    )
    expect(await metrics({ unit: 'billing.credits', from: '2025-06-01', to: '2025-06-01', integrationSlug: 'clearbit', groupBy: 'connector_uuid' })).toEqual(
      day([{ slug: 'company_enrich', count: 3, groupBy: SEED.clearbitConnectorUuid }]),
    )
    expect(await metrics({ unit: 'billing.credits', from: '2025-06-01', to: '2025-06-01', slug: 'nothing' })).toEqual(day([]))
  })

  it('without a unit, mixes the units in one list: credits, then executions (records are not counted here)', async () => {
    const items = (await metrics({ from: '2025-06-01', to: '2025-06-01', workflowUuid: SEED.tool.workflowUuid }))[0].items
    expect(items.map((item: { slug: string; count: number }) => [item.slug, item.count])).toEqual([
      ['company_enrich', 1],
      ['start', 1],
      ['company_enrich', 1],
      ['branch', 1],
      ['end', 1],
    ])
  })

  it('counts executions, or nothing for storage records', async () => {
    const executions = await metrics({ from: '2025-06-01T00:00:00Z', to: '2025-06-01', unit: 'orchestration.executions', workflowUuid: SEED.tool.workflowUuid })
    expect(executions[0].items.map((item: { slug: string; count: number }) => [item.slug, item.count])).toEqual([
      ['start', 1],
      ['company_enrich', 1],
      ['branch', 1],
      ['end', 1],
    ])
    expect(await metrics({ from: '2025-06-01', to: '2025-06-01', unit: 'storage.records' })).toEqual([{ date: '2025-06-01T00:00:00.000Z', items: [] }])
  })

  it('refuses a reversed or over-long range', async () => {
    expect(await h.call(b.getUsageMetrics, { from: '2025-06-02', to: '2025-06-01' })).toEqual({ status: 400, body: { reason: 'invalidPayload', errorMessage: 'to is before from' } })
    expect((await h.call(b.getUsageMetrics, { from: '2024-01-01', to: '2025-06-01' })).body).toEqual({
      reason: 'invalidPayload',
      errorMessage: 'The range covers 518 days; at most 366 are allowed',
    })
  })
})

describe('the subscription', () => {
  it('shows credits used in the current period, its reset date, and the card on file', async () => {
    const { subscription } = await h.ok(b.getSubscription, {})
    expect(subscription).toMatchObject({
      plan: 'self-serve',
      cadence: 'monthly',
      subscriptionAvailableCreditsCount: 10_000,
      subscriptionCreditsUsedCount: 3,
      resetAt: '2025-07-01T00:00:00.000Z',
      hasCredits: true,
      hasPendingChange: false,
      futureChange: null,
      topup: null,
    })
    expect(Object.keys(subscription).filter((key) => key.startsWith('_'))).toEqual([])
    expect(await h.ok(b.getCreditCard, {})).toEqual({ creditCard: { brand: 'visa', expMonth: 12, expYear: 2030, last4: '4242' } })
    const { invoices } = await h.ok(b.getInvoices, {})
    expect(invoices.map((invoice: { id: string }) => invoice.id)).toEqual([...BILLING_SEED.invoices].reverse())
    expect(invoices[0]).toEqual({ id: 'in_emulator_2025_03', isPaid: false, currency: 'usd', amount: 9900, dueDate: '2025-03-01T00:00:00.000Z', url: 'https://invoice.stripe.emulator.invalid/in_emulator_2025_03' })
  })

  it('hands out fake Stripe sessions', async () => {
    expect((await h.ok(b.createPortalSession, {})).portalSession.url).toMatch(/^https:\/\/billing\.stripe\.emulator\.invalid\/p\/session\/[0-9a-f]{24}$/)
    expect((await h.ok(b.createSetupIntent, {})).setupIntent.clientSecret).toMatch(/^seti_[0-9a-f]{24}_secret_[0-9a-f]{24}$/)
    expect((await h.ok(b.createStripeCreditsCheckoutSession, {})).checkoutSession.url).toMatch(/^https:\/\/checkout\.stripe\.emulator\.invalid\/c\/pay\/cs_/)
  })

  it('changes the card from a payment method id', async () => {
    expect(await h.call(b.updatePaymentMethod, { paymentMethodId: 'pm_card_mastercard' })).toEqual({ status: 200, body: {} })
    expect((await h.ok(b.getCreditCard, {})).creditCard).toEqual({ brand: 'mastercard', expMonth: 12, expYear: 2028, last4: '4444' })
  })

  it('schedules a plan change for the next reset, once, and applies it then', async () => {
    const { subscription } = await h.ok(b.updatePlan, { creditsCount: 20_000, cadence: 'annual' })
    expect(subscription).toMatchObject({
      hasPendingChange: true,
      subscriptionAvailableCreditsCount: 10_000,
      futureChange: { cadence: 'annual', creditsCount: 20_000, fixedPrice: 19_800, conversionRate: 0.99, startAt: '2025-07-01T00:00:00.000Z', endAt: null },
    })
    expect(await h.call(b.updatePlan, { creditsCount: 5_000, cadence: 'monthly' })).toEqual({ status: 400, body: { reason: 'subscriptionAlreadyInUpdateState' } })
    h.advance(30 * DAY)
    expect((await h.ok(b.getSubscription, {})).subscription).toMatchObject({
      cadence: 'annual',
      subscriptionAvailableCreditsCount: 20_000,
      subscriptionCreditsUsedCount: 0,
      startAt: '2025-07-01T00:00:00.000Z',
      resetAt: '2026-07-01T00:00:00.000Z',
      hasPendingChange: false,
      futureChange: null,
    })
  })

  it('turns automatic top-up on and off', async () => {
    expect((await h.ok(b.updateTopup, { enabled: true, creditsCount: 500, threshold: 100 })).subscription.topup).toEqual({ creditsCount: 500, threshold: 100 })
    expect((await h.ok(b.updateTopup, { enabled: false, creditsCount: 500, threshold: 100 })).subscription.topup).toBeNull()
  })

  it('sets overage behaviours on enterprise plans only, where plan changes are refused', async () => {
    const behaviors = [{ unit: 'orchestration.executions' as const, action: 'allow' as const }]
    expect(await h.call(b.updateCreditsOverageBehaviors, { creditsOverageBehaviors: behaviors })).toEqual({ status: 400, body: { reason: 'subscriptionNotEnterprise' } })
    editSubscription((doc) => ({ ...doc, plan: 'enterprise' }))
    expect(await h.call(b.updateCreditsOverageBehaviors, { creditsOverageBehaviors: behaviors })).toEqual({ status: 200, body: {} })
    expect((await h.ok(b.getSubscription, {})).subscription.creditsOverageBehaviors).toEqual([{ unit: 'billing.credits', action: 'deny' }, ...behaviors])
    expect(await h.call(b.updateTopup, { enabled: true, creditsCount: 1, threshold: 1 })).toEqual({ status: 400, body: { reason: 'subscriptionNotElligible' } })
  })

  it('needs a card for plan changes, and a subscription for everything', async () => {
    editSubscription((doc) => ({ ...doc, plan: 'self-serve', _creditCard: null }))
    expect(await h.ok(b.getCreditCard, {})).toEqual({})
    expect(await h.call(b.updatePlan, { creditsCount: 100, cadence: 'monthly' })).toEqual({ status: 400, body: { reason: 'paymentMethodNotFound' } })
    editSubscription(() => undefined)
    expect(await h.call(b.getSubscription, {})).toEqual({ status: 404, body: { reason: 'subscriptionNotFound', errorMessage: 'Subscription not found.' } })
    expect(await h.call(b.createPortalSession, {})).toEqual({ status: 404, body: { reason: 'subscriptionNotFound' } })
  })
})

describe('coverage', () => {
  it('called every billing endpoint, all emulated', () => {
    const billing = [...handlers.keys()].filter((name) => name.startsWith('billing.'))
    expect(billing).toHaveLength(11)
    expect(billing.filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
