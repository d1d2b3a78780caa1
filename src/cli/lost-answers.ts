/**
 * A call that changes something and lost its answer after it was sent (reset, cut body, timeout, or a
 * gateway's 502/504 in place of the API's answer) may have taken effect: the error says so, and, where
 * the endpoint's result can be listed, which command shows whether it did. Sending it again blind could
 * create a second run.
 */
import { OUTCOME_UNKNOWN } from '../api/client.js'
import type { WireEndpoint } from '../api/endpoint.js'
import { ApiError } from '../api/errors.js'
import { CliError, ExitCode } from './cli-error.js'
import type { InterruptSource } from './factory.js'

interface Lookup {
  /** what the call creates, in messages */
  noun: string
  /** the command (without the bin name) that lists what the call may have created */
  command: string
}

type Payload = Record<string, unknown>

const flag = (name: string, value: unknown) => (typeof value === 'string' && value ? ` --${name} ${value}` : '')

/** Endpoint name → how to look for its result, given the payload and a time shortly before the call. */
const lookups: Record<string, (payload: Payload, since: string) => Lookup> = {
  'orchestration.createRun': (payload, since) => ({ noun: 'run', command: `orchestration run list${flag('workflow-uuid', payload.workflowUuid)} --created-after ${since}` }),
  'orchestration.executeAction': (_payload, since) => ({ noun: 'run', command: `orchestration run list --created-after ${since}` }),
  'orchestration.createBatch': (payload) => ({ noun: 'batch', command: `orchestration batch list${flag('workflow-uuids', payload.workflowUuid)}` }),
  'orchestration.executeActionBatch': () => ({ noun: 'batch', command: 'orchestration batch list' }),
  'ai.createMessage': (payload) => ({ noun: 'message', command: typeof payload.chatUuid === 'string' ? `ai message list --chat-uuid ${payload.chatUuid}` : 'ai chat list' }),
}

/** Clocks differ: look from a minute before the call was sent, to the second. */
const CLOCK_MARGIN_MS = 60_000
/**
 * A gateway answers when it gives up on the API, up to minutes after the request went through it, and
 * its error does not say when the call was sent: look that much further back.
 */
const GATEWAY_MARGIN_MS = 5 * 60_000
/** Statuses a proxy or load balancer answers in the API's place: the request may have reached the API. */
const GATEWAY_STATUSES = new Set([502, 504])

export function lookupFor(endpoint: Pick<WireEndpoint, 'name'>, payload: Payload, sentAt: Date): Lookup | undefined {
  const since = new Date(sentAt.getTime() - CLOCK_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return lookups[endpoint.name]?.(payload, since)
}

/**
 * A lost answer (reason outcomeUnknown) as the CLI reports it: exit 4 (or `exitCode`, e.g. 130 when the
 * user stopped it), the command to check with in `checkWith`. Any other error is returned unchanged.
 */
export function explainLostAnswer(
  error: unknown,
  endpoint: Pick<WireEndpoint, 'name'> & { idempotent?: boolean },
  payload: Payload,
  exitCode: number = ExitCode.unavailable,
): unknown {
  if (!(error instanceof ApiError)) return error
  const gateway = !endpoint.idempotent && error.kind === 'server' && GATEWAY_STATUSES.has(error.status ?? 0)
  if (error.reason !== OUTCOME_UNKNOWN && !gateway) return error
  const sentAt = error.sentAt ?? new Date(Date.now() - (gateway ? GATEWAY_MARGIN_MS : 0))
  const lookup = lookupFor(endpoint, payload, sentAt)
  const checkWith = lookup && `cargo-ai ${lookup.command}`
  const advice = lookup ? ` The ${lookup.noun} may exist: check with \`${checkWith}\` before sending it again.` : ' Check before sending it again.'
  const message = gateway ? `A gateway answered ${error.status} in the API's place (${error.message}): the call may have reached the API and taken effect.` : error.message
  return new CliError(`${message}${advice}`, exitCode, { reason: OUTCOME_UNKNOWN, ...(gateway ? { status: error.status } : {}), ...(checkWith ? { checkWith } : {}) })
}

/**
 * Sends a call that creates something (one with a lookup above) so that Ctrl-C cannot lose what it
 * created: a first signal lets the answer arrive (it is then printed, and the command exits 130); a
 * second one stops at once, saying the outcome is unknown and how to check. Both command paths (oclif's
 * and the fast path) and the waiting form go through it.
 */
export async function sendKeepingTheAnswer<T>(
  send: (signal: AbortSignal) => Promise<T>,
  endpoint: Pick<WireEndpoint, 'name'> & { idempotent?: boolean },
  payload: Payload,
  onInterrupt: InterruptSource,
  note: (message: string) => void,
): Promise<{ result: T; interruptedBy?: 'SIGINT' | 'SIGTERM' }> {
  const noun = lookupFor(endpoint, payload, new Date())?.noun ?? 'result'
  const stop = new AbortController()
  let signals = 0
  let last: 'SIGINT' | 'SIGTERM' | undefined
  const unsubscribe = onInterrupt((signal) => {
    last = signal
    if (++signals === 1) note(`Waiting for the API to answer, so that the ${noun}'s uuid is not lost; press Ctrl-C again to stop now.`)
    else stop.abort()
  })
  const sentAt = new Date()
  try {
    return { result: await send(stop.signal), interruptedBy: last }
  } catch (error) {
    if (!stop.signal.aborted) throw explainLostAnswer(error, endpoint, payload)
    const lookup = lookupFor(endpoint, payload, sentAt)
    const check = lookup ? ` Check with: cargo-ai ${lookup.command}` : ''
    throw new CliError(`Stopped by ${last} before the API answered: the ${noun} may have been created; the outcome is unknown.${check}`, ExitCode.interrupted, {
      reason: 'interrupted',
      ...(lookup ? { checkWith: `cargo-ai ${lookup.command}` } : {}),
    })
  } finally {
    unsubscribe()
  }
}

/**
 * The plain form (no waiting) of a call that creates something: sent through sendKeepingTheAnswer; when a
 * first Ctrl-C came while it was in flight, the answer is still returned (to be printed) and the exit
 * code is 130, as the waiting form does.
 */
export async function createKeepingTheAnswer<T>(
  send: (signal: AbortSignal) => Promise<T>,
  endpoint: Pick<WireEndpoint, 'name'> & { idempotent?: boolean },
  payload: Payload,
  onInterrupt: InterruptSource,
  note: (message: string) => void,
): Promise<T> {
  const { result, interruptedBy } = await sendKeepingTheAnswer(send, endpoint, payload, onInterrupt, note)
  if (interruptedBy) {
    note(`Stopped by ${interruptedBy} after the API answered: what it created is printed on stdout.`)
    process.exitCode = ExitCode.interrupted
  }
  return result
}

/** Whether a call creates something that a lost answer or Ctrl-C could lose (see lookups). */
export function createsSomething(endpoint: Pick<WireEndpoint, 'name'>): boolean {
  return Object.hasOwn(lookups, endpoint.name)
}
