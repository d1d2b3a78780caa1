import { z } from 'zod'
import type { FetchLike } from '../api/transport.js'
import { describe, type OAuthConfig, OAuthError, parseTokens, post, type TokenSet } from './oauth.js'

/**
 * Sign-in with a one-time code sent by email. The real CLI's protocol for it is not public, so this one is
 * ours, on the authorization server of the device flow (CARGO_AI_AUTH_URL, default the API origin):
 *
 * 1. `POST /oauth/email/code` (form: client_id, email, workspace_name?) mails a code and answers
 *    `{expires_in}`. A new code replaces the previous one.
 * 2. `POST /oauth/token` with the extension grant (RFC 6749 §4.5) EMAIL_CODE_GRANT (form: client_id,
 *    email, code, workspace_name?) answers the usual token set, renewed like any other, plus
 *    `workspace_uuid`: the address's existing workspace, the one named workspace_name, or a new one.
 *
 * Refusals are OAuth error bodies: invalid_grant (wrong or unknown code), expired_token,
 * too_many_attempts (the code is spent after five wrong tries), slow_down (too many codes asked for).
 */
export const EMAIL_CODE_GRANT = 'urn:cargo-ai:params:oauth:grant-type:email_code'

const codeSentSchema = z.looseObject({ expires_in: z.number().optional() })

const emailTokenSchema = z.looseObject({ workspace_uuid: z.string().optional() })
export type EmailTokenSet = TokenSet & z.infer<typeof emailTokenSchema>

/** A plausible address: something@domain.tld, no white space. */
export function isEmailAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
}

/** Asks the server to mail a code; resolves with its lifetime in seconds, when the server says. */
export async function requestEmailCode(fetch: FetchLike, config: OAuthConfig, email: string, workspaceName?: string): Promise<{ expiresIn?: number }> {
  const { status, body } = await post(fetch, `${config.authUrl}/oauth/email/code`, withName({ client_id: config.clientId, email }, workspaceName))
  if (status !== 200) throw refusal('The sign-in server did not send a code', status, body)
  return { expiresIn: codeSentSchema.parse(body).expires_in }
}

/** Trades the code for tokens. */
export async function exchangeEmailCode(fetch: FetchLike, config: OAuthConfig, request: { email: string; code: string; workspaceName?: string }): Promise<EmailTokenSet> {
  const form = withName({ grant_type: EMAIL_CODE_GRANT, client_id: config.clientId, email: request.email, code: request.code }, request.workspaceName)
  const { status, body } = await post(fetch, `${config.authUrl}/oauth/token`, form)
  if (status !== 200) throw refusal('The code was refused', status, body)
  return { ...parseTokens(body), ...emailTokenSchema.parse(body) }
}

function withName(form: Record<string, string>, workspaceName: string | undefined): Record<string, string> {
  return workspaceName === undefined ? form : { ...form, workspace_name: workspaceName }
}

const advice: Record<string, string> = {
  invalid_grant: 'check the code, or ask for a new one with login --email alone',
  expired_token: 'ask for a new one with login --email alone',
  too_many_attempts: 'ask for a new one with login --email alone',
  slow_down: 'wait before asking again',
}

/** The server's description (its error code is the reason), and what to do about it. */
function refusal(what: string, status: number, body: Record<string, unknown>): OAuthError {
  const code = typeof body.error === 'string' ? body.error : undefined
  const hint = code ? advice[code] : undefined
  const description = typeof body.error_description === 'string' && body.error_description ? body.error_description : (describe(body) ?? `HTTP ${status}`)
  return new OAuthError(`${what}: ${description}${hint ? `; ${hint}` : ''}`, code)
}
