import type { Kind, StoredDoc } from '../../kernel/store.js'
import { seededId as id } from '../../kernel/seeded.js'

/**
 * Seeded billing entities (uuids 0x4100–0x41ff): a self-serve monthly subscription of 10,000 credits
 * with a Visa card on file, and three invoices. Credits used, the reset date and hasCredits are computed
 * when read (handlers.ts).
 */

const SEEDED_AT = '2025-01-01T00:00:00.000Z'
const WORKSPACE = id(0x1)

export const BILLING_SEED = {
  subscriptionUuid: id(0x4100),
  creditsPerPeriod: 10_000,
  /** cents per period */
  fixedPrice: 9_900,
  invoices: ['in_emulator_2025_01', 'in_emulator_2025_02', 'in_emulator_2025_03'],
} as const

function invoice(invoiceId: string, month: number, isPaid: boolean): StoredDoc {
  const dueDate = new Date(Date.UTC(2025, month - 1, 1)).toISOString()
  return {
    uuid: invoiceId,
    workspaceUuid: WORKSPACE,
    id: invoiceId,
    isPaid,
    currency: 'usd',
    amount: BILLING_SEED.fixedPrice,
    dueDate,
    url: `https://invoice.stripe.emulator.invalid/${invoiceId}`,
    createdAt: dueDate,
  }
}

export function billingDocs(): Array<[Kind, StoredDoc]> {
  const [january, february, march] = BILLING_SEED.invoices
  return [
    [
      'subscription',
      {
        uuid: BILLING_SEED.subscriptionUuid,
        workspaceUuid: WORKSPACE,
        provider: 'orb',
        customerOrbId: 'orb_cus_emulator',
        customerStripeId: 'cus_emulator',
        subscriptionStatus: 'active',
        subscriptionStripeId: 'sub_emulator',
        subscriptionAvailableCreditsCount: BILLING_SEED.creditsPerPeriod,
        additionalAvailableCreditsCount: 0,
        creditsOverageBehaviors: [{ unit: 'billing.credits', action: 'deny' }],
        creditsConsumptionBehaviors: [],
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        plan: 'self-serve',
        cadence: 'monthly',
        fixedPrice: BILLING_SEED.fixedPrice,
        conversionRate: BILLING_SEED.fixedPrice / BILLING_SEED.creditsPerPeriod,
        startAt: SEEDED_AT,
        endAt: null,
        futureChange: null,
        topup: null,
        _paymentMethodId: 'pm_card_visa',
        _creditCard: { brand: 'visa', expMonth: 12, expYear: 2030, last4: '4242' },
      },
    ],
    ['invoice', invoice(january, 1, true)],
    ['invoice', invoice(february, 2, true)],
    ['invoice', invoice(march, 3, false)],
  ]
}
