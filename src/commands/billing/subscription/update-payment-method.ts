import * as Flags from '@oclif/core/flags'
import { z } from 'zod'
import { updatePaymentMethod } from '../../../api/endpoints/billing.js'
import { BaseCommand } from '../../../cli/base-command.js'
import { CliError, ExitCode, UsageError } from '../../../cli/cli-error.js'
import { parseDuration, readAll } from '../../../cli/flag-values.js'
import { checkPayload } from '../../../cli/payload-check.js'

/** What --card-stdin reads; the values are never echoed back, not even in errors. */
const cardOnStdin = z.object({
  number: z.string(),
  expMonth: z.int(),
  expYear: z.int(),
  cvc: z.string(),
})

interface Card {
  number: string
  expMonth: number
  expYear: number
  cvc: string
}

/** The Luhn checksum every card number carries: catches a mistyped digit before anything is sent. */
function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

/** Refuses a card that cannot be right, naming the field and never its value. */
function checkCard(card: Card, now: number, labels: { number: string; exp: string; cvc: string }): Card {
  const number = card.number.replaceAll(/[\s-]/g, '')
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) throw new UsageError(`${labels.number}: not a valid card number`)
  if (!(card.expMonth >= 1 && card.expMonth <= 12) || !(card.expYear >= 2000 && card.expYear <= 2100)) throw new UsageError(`${labels.exp}: expected MM/YYYY`)
  const today = new Date(now)
  const expired = card.expYear < today.getUTCFullYear() || (card.expYear === today.getUTCFullYear() && card.expMonth < today.getUTCMonth() + 1)
  if (expired) throw new UsageError(`${labels.exp}: the card has expired`)
  if (!/^\d{3,4}$/.test(card.cvc)) throw new UsageError(`${labels.cvc}: expected 3 or 4 digits`)
  return { ...card, number }
}

export default class UpdatePaymentMethod extends BaseCommand {
  static summary = "Set the workspace's card: from a Stripe payment method, card flags or standard input."
  static description = `A workspace holds one card; this replaces it. With --payment-method-id (a Stripe payment method, pm_…)
the CLI makes the final API call itself. Card details would go from the CLI straight to Stripe, never to the
Cargo API; the Stripe key and call the original CLI uses are not published, so this CLI checks card details
(number checksum, expiry, security code) and then stops without sending them anywhere (exit 1). For the same
reason the no-argument form (a Stripe-hosted card form, polled until the card changes) is not available:
billing subscription create-portal-session gives a Stripe page where the card can be changed.`
  static examples = [
    '<%= config.bin %> billing subscription update-payment-method --payment-method-id pm_1Qx4Lk2eZvKYlo2C',
    `echo '{"number":"4242424242424242","expMonth":12,"expYear":2030,"cvc":"123"}' | <%= config.bin %> billing subscription update-payment-method --card-stdin`,
  ]

  static flags = {
    'card-number': Flags.string({
      summary: 'Card number (visible in shell history and the process list: prefer --card-stdin).',
      dependsOn: ['card-exp', 'card-cvc'],
      exclusive: ['card-stdin', 'payment-method-id'],
    }),
    'card-exp': Flags.string({ summary: 'Card expiry as MM/YYYY.', dependsOn: ['card-number'] }),
    'card-cvc': Flags.string({ summary: 'Card security code.', dependsOn: ['card-number'] }),
    'card-stdin': Flags.boolean({
      summary: 'Read the card as JSON from standard input: {"number","expMonth","expYear","cvc"}.',
      exclusive: ['card-number', 'payment-method-id'],
    }),
    timeout: Flags.string({ summary: 'Hosted-form mode: how long to wait for the new card (e.g. 10m).' }),
    'poll-interval': Flags.string({ summary: 'Hosted-form mode: time between checks of the card on file (e.g. 5s).' }),
    'no-open': Flags.boolean({ summary: 'Hosted-form mode: print the form URL without opening a browser.' }),
    'payment-method-id': Flags.string({ summary: 'A Stripe payment method id (pm_…) to make the default, sent to the Cargo API as is.' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(UpdatePaymentMethod)
    // malformed durations are refused whatever the mode, so that a script learns of them at once
    for (const name of ['timeout', 'poll-interval'] as const) if (flags[name] !== undefined) parseDuration(name, flags[name])
    const card = await this.cardFrom(flags)
    const paymentMethodId = flags['payment-method-id']
    if (paymentMethodId !== undefined) {
      const payload = { paymentMethodId }
      checkPayload(updatePaymentMethod.payload, payload, [{ field: 'paymentMethodId', flag: 'payment-method-id', name: 'payment-method-id', kind: 'string', required: true, nullable: false }], [])
      const client = await this.client(flags.profile)
      await client.call(updatePaymentMethod, payload)
      await this.print({})
      return
    }
    if (card) {
      throw new CliError(
        'The card details are valid, but this CLI cannot hand them to Stripe (the key and call are not published), and they are never sent to the Cargo API. Nothing was sent. Use --payment-method-id with a payment method made in Stripe, or billing subscription create-portal-session.',
        ExitCode.failure,
        { reason: 'cardTokenizationUnavailable' },
      )
    }
    throw new CliError(
      'The hosted card form is not available in this CLI (its calls are not published). Nothing was sent. Use --payment-method-id, or billing subscription create-portal-session for a Stripe page where the card can be changed.',
      ExitCode.failure,
      { reason: 'hostedFormUnavailable' },
    )
  }

  private async cardFrom(flags: { 'card-number'?: string; 'card-exp'?: string; 'card-cvc'?: string; 'card-stdin'?: boolean; [flag: string]: unknown }): Promise<Card | undefined> {
    const now = this.factory.clock.now()
    if (flags['card-stdin']) {
      let parsed: unknown
      try {
        parsed = JSON.parse((await readAll(this.factory.io.stdin, '--card-stdin: standard input')).toString('utf8'))
      } catch (error) {
        if (error instanceof CliError) throw error
        throw new UsageError('--card-stdin: standard input is not JSON (expected {"number","expMonth","expYear","cvc"})')
      }
      const check = cardOnStdin.safeParse(parsed)
      if (!check.success) throw new UsageError(`--card-stdin: expected {"number": string, "expMonth": integer, "expYear": integer, "cvc": string}`)
      return checkCard(check.data, now, { number: '--card-stdin: number', exp: '--card-stdin: expMonth/expYear', cvc: '--card-stdin: cvc' })
    }
    if (flags['card-number'] === undefined) return undefined
    const expiry = /^(\d{1,2})\/(\d{4})$/.exec(flags['card-exp'] ?? '')
    if (!expiry) throw new UsageError('--card-exp: expected MM/YYYY')
    const card = { number: flags['card-number'], expMonth: Number(expiry[1]), expYear: Number(expiry[2]), cvc: flags['card-cvc'] ?? '' }
    return checkCard(card, now, { number: '--card-number', exp: '--card-exp', cvc: '--card-cvc' })
  }
}
