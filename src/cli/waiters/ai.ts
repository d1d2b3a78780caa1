import { getMessage } from '../../api/endpoints/ai.js'
import type { WaitPolicy } from '../wait.js'

type Started = { assistantMessage?: { uuid?: string } }
type Polled = { message?: { status?: string } }

/**
 * Agent answers: poll GET ai/messages/{assistantMessage.uuid} every 2 s and print `{message}`.
 * `cancelled` ends the wait too (the docs list only success and error, which would never end a
 * cancelled message's wait).
 */
export const waitForMessage: WaitPolicy = {
  noun: 'message',
  endpoint: getMessage,
  uuidFrom: (started) => (started as Started)?.assistantMessage?.uuid,
  statusOf: (result) => (result as Polled)?.message?.status,
  intervalMs: 2000,
  terminal: ['success', 'error', 'cancelled'],
  failed: ['error', 'cancelled'],
  resumeCommand: 'ai message wait',
}
