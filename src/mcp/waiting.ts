/**
 * The optional `wait` of the tools that start runs and batches: by default they answer at once with the
 * uuid to poll; with wait, the CLI's own polling loop (cli/wait.ts) runs until the operation ends or the
 * timeout passes, whichever is first. A cancelled tools/call stops the wait; the operation goes on.
 */
import { z } from 'zod'
import { opt } from '../api/schemas/fields.js'
import { CliError } from '../cli/cli-error.js'
import { systemClock } from '../cli/factory.js'
import { reportError } from '../cli/output.js'
import { waitUntilFinished, type WaitPolicy } from '../cli/wait.js'
import type { ToolContext } from './tool.js'

export const DEFAULT_WAIT_SECONDS = 60
export const MAX_WAIT_SECONDS = 600

/** The input fields, for a tool that starts a `noun` polled by `pollTool`. */
export function waitFields(noun: string, pollTool: string) {
  return {
    wait: opt(
      z.boolean(),
      `Wait for the ${noun} to finish before answering (default false: answer at once with the ${noun} uuid, then poll ${pollTool})`,
    ),
    waitTimeoutSeconds: opt(
      z.int().min(1).max(MAX_WAIT_SECONDS),
      `With wait: the longest wait in seconds (default ${DEFAULT_WAIT_SECONDS}); past it the answer is the ${noun} as it stands, to poll with ${pollTool}`,
    ),
  }
}

export interface WaitChoice {
  wait?: boolean
  waitTimeoutSeconds?: number
}

/** `started` as the API answered it, or with wait the last state read, marked `finished: false` when the time ran out. */
export async function answerOrWait(context: ToolContext, policy: WaitPolicy, pollTool: string, started: unknown, choice: WaitChoice): Promise<unknown> {
  if (!choice.wait) return started
  const uuid = policy.uuidFrom(started)
  if (!uuid) return started
  try {
    const outcome = await waitUntilFinished(policy, uuid, {
      client: await context.client(),
      clock: systemClock,
      timeoutMs: (choice.waitTimeoutSeconds ?? DEFAULT_WAIT_SECONDS) * 1000,
      onInterrupt: (handler) => {
        const onAbort = () => handler('SIGINT')
        context.signal.addEventListener('abort', onAbort, { once: true })
        return () => context.signal.removeEventListener('abort', onAbort)
      },
    })
    const last = outcome.result ?? started
    if (outcome.outcome === 'finished') return last
    return { ...(last as object), finished: false, next: `The ${policy.noun} ${uuid} is still ${outcome.status ?? 'going'}: poll ${pollTool} with this uuid.` }
  } catch (error) {
    // the operation was started: its uuid must reach the agent whatever happened to the polls
    const { errorMessage, ...fields } = reportError((error as { cause?: unknown }).cause ?? error).body
    throw new CliError(`${errorMessage} (while waiting; the ${policy.noun} ${uuid} was started: poll ${pollTool})`, 1, { ...fields, uuid })
  }
}
