import type { StoredDoc } from '../../kernel/store.js'

/** Stored billing documents: the subscription and its scheduled changes; usage events are computed, not stored. */

export interface Change {
  cadence: string
  fixedPrice: number
  creditsCount: number
  conversionRate: number
  startAt: string
  endAt: string | null
}

export interface SubscriptionDoc extends StoredDoc {
  plan: 'self-serve' | 'enterprise'
  provider: 'stripe' | 'orb'
  cadence: string
  fixedPrice: number
  conversionRate: number
  subscriptionAvailableCreditsCount: number
  additionalAvailableCreditsCount: number
  creditsOverageBehaviors: Array<{ unit: string; action: string }>
  startAt: string
  futureChange: Change | null
  topup: { creditsCount: number; threshold: number } | null
  _creditCard: { brand: string; expMonth: number; expYear: number; last4: string } | null
}

export interface UsageEvent {
  at: number
  credits: number
  slug: string
  workflowUuid: string
  connectorUuid: string | null
  integrationSlug: string | null
  agentUuid: string | null
  modelUuid: string | null
}
