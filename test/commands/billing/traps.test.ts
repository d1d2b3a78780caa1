/**
 * The traps of spec/commands/billing.json, by hand: the usage query (dates, the unit enum of wire.md
 * §19.8), top-up's always-sent enabled, bodiless POSTs, and an absent credit card.
 */
import { describe, expect, it } from 'vitest'
import { requests, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand } from '../../support/run-command.js'
import { expectSuccess, loadCommand, pick, printed } from '../../support/spec-table.js'
import { resultFixtures, subscription } from '../../fixtures/billing.js'

const METRICS = '/v1/billing/usage/metrics'
const run = async (id: string, argv: string[]) => runCommand(await loadCommand(id), argv)

async function expectUsageError(id: string, argv: string[], message: RegExp) {
  const result = await run(id, argv)
  expect(result.exitCode).toBe(2)
  expect(result.json().errorMessage).toMatch(message)
  expect(requests).toEqual([])
}

describe('billing usage get-metrics', () => {
  it('puts every parameter in the query string of a GET, dates unchanged', async () => {
    stubApi('GET', METRICS, { metrics: [] })
    const argv = ['--from', '2025-01-01', '--to', '2025-01-31T23:59:59Z', '--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--group-by', 'connector_uuid', '--unit', 'billing.credits']
    expectSuccess(await run('billing usage get-metrics', argv), printed({ metrics: [] }))
    expect(requests.map(pick)).toEqual([
      { method: 'GET', path: METRICS, query: 'from=2025-01-01&to=2025-01-31T23:59:59Z&groupBy=connector_uuid&workflowUuid=3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b&unit=billing.credits', body: undefined },
    ])
  })

  it("refuses the docs' --unit credits and names the API's units (wire.md §19.8)", async () => {
    await expectUsageError('billing usage get-metrics', ['--from', '2025-01-01', '--to', '2025-01-31', '--unit', 'credits'], /billing\.credits, storage\.records, orchestration\.executions/)
  })

  it('needs --from and --to as ISO dates', async () => {
    await expectUsageError('billing usage get-metrics', ['--to', '2025-01-31'], /from/)
    await expectUsageError('billing usage get-metrics', ['--from', '01/01/2025', '--to', '2025-01-31'], /--from: expected an ISO date/)
  })

  it('prints the days with the null groupBy of unattributed usage dropped', async () => {
    stubApi('GET', METRICS, resultFixtures['billing.getUsageMetrics'])
    const result = await run('billing usage get-metrics', ['--from', '2025-01-10', '--to', '2025-01-11'])
    expect(result.json().metrics[0].items[1]).toEqual({ slug: 'enrichment', count: 3 })
  })
})

describe('billing subscription', () => {
  it.each([
    [[], false],
    [['--no-enabled'], false],
    [['--enabled'], true],
  ])('update-topup %j always sends enabled (%s)', async (flags, enabled) => {
    stubApi('PUT', '/v1/billing/subscriptions/topup', { subscription })
    await run('billing subscription update-topup', [...flags, '--credits-count', '500', '--threshold', '100'])
    expect(requests.map(pick)).toEqual([{ method: 'PUT', path: '/v1/billing/subscriptions/topup', query: '', body: { enabled, creditsCount: 500, threshold: 100 } }])
  })

  it.each([
    ['create-portal-session', 'portalSessions'],
    ['create-setup-intent', 'setupIntent'],
    ['create-stripe-credits-checkout-session', 'creditsCheckoutSessions'],
  ])('%s is a POST without a body or a content type', async (verb, path) => {
    stubApi('POST', `/v1/billing/subscriptions/${path}`, { ok: true })
    await run(`billing subscription ${verb}`, [])
    expect(requests.map(pick)).toEqual([{ method: 'POST', path: `/v1/billing/subscriptions/${path}`, query: '', body: undefined }])
    expect(requests[0].headers['content-type']).toBeUndefined()
  })

  it('get-credit-card prints {} when no card is on file', async () => {
    stubApi('GET', '/v1/billing/subscriptions/creditCard', {})
    expectSuccess(await run('billing subscription get-credit-card', []), '{}\n')
  })

  it('update-plan takes a whole credit count and a known cadence', async () => {
    await expectUsageError('billing subscription update-plan', ['--credits-count', '1.5', '--cadence', 'monthly'], /credits-count/)
    await expectUsageError('billing subscription update-plan', ['--credits-count', '100', '--cadence', 'weekly'], /cadence/)
  })

  it.each([
    ['update-plan', ['--credits-count', '100', '--cadence', 'monthly'], 'plan', 'subscriptionNotElligible', 'This subscription cannot be changed this way.'],
    ['update-credits-overage-behaviors', ['--credits-overage-behaviors', '[{"unit":"billing.credits","action":"allow"}]'], 'creditsOverageBehaviors', 'subscriptionNotEnterprise', 'Overage behaviour can only be set on enterprise subscriptions.'],
  ])('%s maps its reasons to messages', async (verb, argv, path, reason, message) => {
    stubApi('PUT', `/v1/billing/subscriptions/${path}`, { reason }, 400)
    const result = await run(`billing subscription ${verb}`, argv)
    expect([result.exitCode, result.json()]).toEqual([1, { errorMessage: message, reason, status: 400 }])
  })
})

describe('billing subscription update-payment-method (card data never reaches the Cargo API)', () => {
  const id = 'billing subscription update-payment-method'
  const PAYMENT_METHOD = '/v1/billing/subscriptions/paymentMethod'
  const card = ['--card-number', '4242 4242 4242 4242', '--card-exp', '12/2099', '--card-cvc', '123']

  it('--payment-method-id makes the one PUT and prints {}', async () => {
    stubApi('PUT', PAYMENT_METHOD, undefined)
    expectSuccess(await run(id, ['--payment-method-id', 'pm_1Qx4Lk2eZvKYlo2C']), '{}\n')
    expect(requests.map(pick)).toEqual([{ method: 'PUT', path: PAYMENT_METHOD, query: '', body: { paymentMethodId: 'pm_1Qx4Lk2eZvKYlo2C' } }])
  })

  it.each([
    { name: 'card flags', argv: card, stdin: undefined },
    { name: '--card-stdin', argv: ['--card-stdin'], stdin: '{"number":"4242424242424242","expMonth":12,"expYear":2099,"cvc":"123"}' },
  ])('valid $name: exit 1 saying the card cannot be handed to Stripe here, nothing sent, no card digit printed', async ({ argv, stdin }) => {
    const result = await runCommand(await loadCommand(id), argv, { stdin })
    expect(result.exitCode).toBe(1)
    expect(result.json()).toMatchObject({ reason: 'cardTokenizationUnavailable', errorMessage: expect.stringMatching(/Nothing was sent/) })
    expect(result.stdout + result.stderr).not.toMatch(/4242|123"/)
    expect(requests).toEqual([])
  })

  it('no arguments: exit 1 naming the alternatives, nothing sent', async () => {
    const result = await run(id, ['--no-open', '--timeout', '10m', '--poll-interval', '5s'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toMatchObject({ reason: 'hostedFormUnavailable', errorMessage: expect.stringMatching(/--payment-method-id.*create-portal-session/) })
    expect(requests).toEqual([])
  })

  it.each([
    { argv: ['--card-number', '4242424242424241', '--card-exp', '12/2099', '--card-cvc', '123'], message: /--card-number: not a valid card number/ },
    { argv: ['--card-number', '4242424242424242', '--card-exp', '13/2099', '--card-cvc', '123'], message: /--card-exp: expected MM\/YYYY/ },
    { argv: ['--card-number', '4242424242424242', '--card-exp', '12-2099', '--card-cvc', '123'], message: /--card-exp: expected MM\/YYYY/ },
    { argv: ['--card-number', '4242424242424242', '--card-exp', '12/2099', '--card-cvc', '12a'], message: /--card-cvc: expected 3 or 4 digits/ },
    { argv: ['--card-number', '4242424242424242'], message: /card-exp/ },
    { argv: ['--card-stdin', '--payment-method-id', 'pm_1'], message: /payment-method-id/ },
    { argv: ['--payment-method-id', ''], message: /payment-method-id/ },
    { argv: ['--timeout', 'soon'], message: /--timeout: expected a duration/ },
  ])('$argv: exit 2, nothing sent', async ({ argv, message }) => {
    await expectUsageError(id, argv, message)
  })

  it('refuses a card that expired before this month (exit 2, nothing sent)', async () => {
    const clock = new FakeClock()
    clock.time = Date.parse('2025-06-15T00:00:00Z')
    const expired = await runCommand(await loadCommand(id), ['--card-number', '4242424242424242', '--card-exp', '05/2025', '--card-cvc', '123'], { clock })
    const thisMonth = await runCommand(await loadCommand(id), ['--card-number', '4242424242424242', '--card-exp', '06/2025', '--card-cvc', '123'], { clock })
    expect([expired.exitCode, expired.json().errorMessage]).toEqual([2, '--card-exp: the card has expired'])
    expect([thisMonth.exitCode, thisMonth.json().reason]).toEqual([1, 'cardTokenizationUnavailable'])
    expect(requests).toEqual([])
  })

  it.each([
    { stdin: 'not json', message: /--card-stdin: standard input is not JSON/ },
    { stdin: '{"number":"4242424242424242","expMonth":"12","expYear":2099,"cvc":"123"}', message: /--card-stdin: expected \{"number": string/ },
    { stdin: '{"number":"4242424242424241","expMonth":12,"expYear":2099,"cvc":"123"}', message: /--card-stdin: number: not a valid card number/ },
  ])('--card-stdin with $stdin: exit 2, nothing sent, the input not echoed', async ({ stdin, message }) => {
    const result = await runCommand(await loadCommand(id), ['--card-stdin'], { stdin })
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(message)
    expect(result.stdout).not.toContain('4242')
    expect(requests).toEqual([])
  })
})
