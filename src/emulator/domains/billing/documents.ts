import type { z } from 'zod'
import type { EnrichedSubscription, subscriptionFutureChange, subscriptionTopup } from '../../../api/schemas/billing.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored billing documents: the subscription and its scheduled change. */

/** A scheduled change of plan: the API's futureChange, nulls kept. */
export type Change = WithNulls<z.infer<typeof subscriptionFutureChange>>

/** The fields of the API's subscription the emulator keeps; the others are computed when read. */
export type SubscriptionDoc = StoredDoc &
  Pick<
    WithNulls<EnrichedSubscription>,
    | 'plan'
    | 'provider'
    | 'cadence'
    | 'fixedPrice'
    | 'conversionRate'
    | 'subscriptionAvailableCreditsCount'
    | 'additionalAvailableCreditsCount'
    | 'creditsOverageBehaviors'
    | 'startAt'
  > & {
    futureChange: Change | null
    topup: z.infer<typeof subscriptionTopup> | null
    /** internal: the card the payment-method calls show, not a field of the subscription */
    _creditCard: { brand: string; expMonth: number; expYear: number; last4: string } | null
  }

/** Not stored: one finished execution's credits, worked out from the runs when usage is asked for. */
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
