/**
 * A call that changes something and lost its answer after it was sent (reset, cut body, timeout) may
 * have taken effect: the error says so, and, where the endpoint's result can be listed, which command
 * shows whether it did. Sending it again blind could create a second run.
 */
import { OUTCOME_UNKNOWN } from '../api/client.js'
import type { WireEndpoint } from '../api/endpoint.js'
import { ApiError } from '../api/errors.js'
import { CliError, ExitCode } from './cli-error.js'

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

export function lookupFor(endpoint: Pick<WireEndpoint, 'name'>, payload: Payload, sentAt: Date): Lookup | undefined {
  const since = new Date(sentAt.getTime() - CLOCK_MARGIN_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return lookups[endpoint.name]?.(payload, since)
}

/**
 * A lost answer (reason outcomeUnknown) as the CLI reports it: exit 4 (or `exitCode`, e.g. 130 when the
 * user stopped it), the command to check with in `checkWith`. Any other error is returned unchanged.
 */
export function explainLostAnswer(error: unknown, endpoint: Pick<WireEndpoint, 'name'>, payload: Payload, exitCode: number = ExitCode.unavailable): unknown {
  if (!(error instanceof ApiError) || error.reason !== OUTCOME_UNKNOWN) return error
  const lookup = lookupFor(endpoint, payload, error.sentAt ?? new Date())
  const checkWith = lookup && `cargo-ai ${lookup.command}`
  const advice = lookup ? ` The ${lookup.noun} may exist: check with \`${checkWith}\` before sending it again.` : ' Check before sending it again.'
  return new CliError(`${error.message}${advice}`, exitCode, { reason: OUTCOME_UNKNOWN, ...(checkWith ? { checkWith } : {}) })
}
