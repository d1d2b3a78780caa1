import { randomInt, randomUUID } from 'node:crypto'
import type { Ctx } from './kernel/context.js'
import { createWorkspace, userByEmail } from './domains/workspace-management/handlers.js'
import { ApiFailure, jsonResponse } from './kernel/http.js'
import { SEED } from './kernel/seeded.js'
import type { Store, StoredDoc } from './kernel/store.js'
import { iso } from './kernel/timing.js'

/**
 * The emulator's end of the email one-time-code sign-in (src/auth/email-sign-in.ts has the protocol).
 * Nothing is mailed: every code "sent" lands in an outbox that a test (or a person) reads with
 * `GET /__emulator/outbox?to=<address>` and the emulator's token (`authorization: Bearer
 * cargo_emulator_token`); it lists the messages, newest first, each with its `code`.
 * A code lives CARGO_AI_EMULATOR_EMAIL_CODE_TTL seconds (default 600), is spent after MAX_ATTEMPTS
 * wrong tries, and an address gets at most MAX_CODES_PER_HOUR codes an hour.
 */
export const OUTBOX_PATH = '/__emulator/outbox'
export const EMAIL_CODE_GRANT = 'urn:cargo-ai:params:oauth:grant-type:email_code'
export const MAX_ATTEMPTS = 5
export const MAX_CODES_PER_HOUR = 10

interface EmailCodeDoc extends StoredDoc {
  email: string
  code: string
  clientId: string
  workspaceName: string | null
  expiresAt: number
  sentAt: number
  wrongAttempts: number
  status: 'pending' | 'used' | 'replaced' | 'spent'
}

/** Who a sign-in resolved to: the token is issued for this user in this workspace. */
export interface SignedInIdentity {
  userUuid: string
  workspaceUuid: string
}

interface WorkspaceDoc extends StoredDoc {
  name: string
  deletedAt?: string | null
}

const oauthError = (error: string, description: string, status = 400) => jsonResponse(status, { error, error_description: description })

const normalized = (email: string | undefined) => String(email ?? '').trim().toLowerCase()
const validAddress = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)

function ttlSeconds(env: NodeJS.ProcessEnv): number {
  const value = Number(env.CARGO_AI_EMULATOR_EMAIL_CODE_TTL)
  return Number.isFinite(value) && value > 0 ? value : 600
}

/** `POST /oauth/email/code`: "mails" a fresh code, replacing the address's previous one. */
export function sendEmailCode(store: Store, form: Record<string, string>, now: number, env: NodeJS.ProcessEnv): Response {
  if (!form.client_id) return oauthError('invalid_client', 'client_id is required')
  const email = normalized(form.email)
  if (!validAddress(email)) return oauthError('invalid_request', 'email must be an email address')
  const codes = store.find<EmailCodeDoc>('emailCode', undefined, { email })
  if (codes.filter((doc) => doc.sentAt > now - 3_600_000).length >= MAX_CODES_PER_HOUR) {
    return oauthError('slow_down', `At most ${MAX_CODES_PER_HOUR} codes an hour are sent to one address`, 429)
  }
  for (const doc of codes) if (doc.status === 'pending') store.put('emailCode', { ...doc, status: 'replaced' }, null)
  const doc: EmailCodeDoc = {
    uuid: randomUUID(),
    email,
    code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    clientId: form.client_id,
    workspaceName: form.workspace_name || null,
    expiresAt: now + ttlSeconds(env) * 1000,
    sentAt: now,
    wrongAttempts: 0,
    status: 'pending',
    createdAt: iso(now),
  }
  store.put('emailCode', doc, null)
  return jsonResponse(200, { email, expires_in: ttlSeconds(env) })
}

/**
 * The email-code grant: the address's pending code, checked. A wrong code counts against the code; the
 * right one resolves the account (created on first use) and its workspace.
 */
export function redeemEmailCode(store: Store, form: Record<string, string>, now: number): SignedInIdentity | Response {
  const email = normalized(form.email)
  const pending = store.find<EmailCodeDoc>('emailCode', undefined, { email, status: ['pending', 'spent'] }).at(-1)
  if (!pending || pending.clientId !== form.client_id) return oauthError('invalid_grant', 'No code was sent to this address')
  if (pending.status === 'spent') return oauthError('too_many_attempts', `The code was tried ${MAX_ATTEMPTS} times`)
  if (pending.expiresAt <= now) return oauthError('expired_token', 'The code has expired')
  if (String(form.code ?? '').trim() !== pending.code) {
    const wrongAttempts = pending.wrongAttempts + 1
    const spent = wrongAttempts >= MAX_ATTEMPTS
    store.put('emailCode', { ...pending, wrongAttempts, status: spent ? 'spent' : 'pending' }, null)
    if (spent) return oauthError('too_many_attempts', `The code was tried ${MAX_ATTEMPTS} times`)
    return oauthError('invalid_grant', `Wrong code (${MAX_ATTEMPTS - wrongAttempts} tries left)`)
  }
  store.put('emailCode', { ...pending, status: 'used' }, null)
  return resolveAccount(store, email, form.workspace_name || pending.workspaceName, now)
}

/** The account of an address (new on first use) and its workspace: the one named, else its first, else a new one. */
function resolveAccount(store: Store, email: string, workspaceName: string | null, now: number): SignedInIdentity {
  const invalid = () => new ApiFailure(400, { errorMessage: 'Invalid email address' })
  // the workspace handlers' own functions, with the little of a request context they read
  const base = { store, now, workspaceUuid: '', userUuid: '' } as unknown as Ctx
  const user = userByEmail(base, email, invalid)
  const ctx = { ...base, userUuid: user.uuid }
  const memberOf = store
    .find<StoredDoc & { workspaceUuid: string }>('member', undefined, { userUuid: user.uuid })
    .map((member) => store.get<WorkspaceDoc>('workspace', member.workspaceUuid))
    .filter((workspace): workspace is WorkspaceDoc => Boolean(workspace) && !workspace?.deletedAt)
  const chosen = workspaceName ? memberOf.find((workspace) => workspace.name === workspaceName) : memberOf[0]
  const workspace = chosen ?? createWorkspace(ctx, { name: workspaceName ?? `${email.split('@')[0]}'s workspace` } as Parameters<typeof createWorkspace>[1])
  return { userUuid: user.uuid, workspaceUuid: workspace.uuid }
}

/**
 * `GET /__emulator/outbox[?to=<address>]`: the codes "mailed", newest first. Only for the emulator's own
 * token: the codes would let any other signed-in caller take over every address.
 */
export function outbox(store: Store, request: Request, url: URL): Response {
  if (request.headers.get('authorization')?.trim() !== `Bearer ${SEED.token}`) {
    return jsonResponse(401, { errorMessage: 'The outbox needs the emulator token (authorization: Bearer <token of emulator start>)' })
  }
  if (request.method !== 'GET') return jsonResponse(405, { errorMessage: `${request.method} ${OUTBOX_PATH}: use GET` })
  const to = url.searchParams.get('to')
  const codes = store.find<EmailCodeDoc>('emailCode', undefined, to ? { email: normalized(to) } : {})
  const messages = codes.reverse().map((doc) => ({
    to: doc.email,
    subject: 'Your Cargo sign-in code',
    code: doc.code,
    sentAt: iso(doc.sentAt),
    expiresAt: iso(doc.expiresAt),
    status: doc.status,
  }))
  return jsonResponse(200, { messages })
}
