import { z } from 'zod'
import type { FetchLike, HttpResponse } from '../api/transport.js'

/**
 * OAuth 2.0 Device Authorization Grant (RFC 8628) and refresh (RFC 6749 §6). The original CLI's
 * authorization server is not public, so its location is configuration: CARGO_AI_AUTH_URL (default: the
 * API origin), with the endpoints /oauth/device/code and /oauth/token, and CARGO_AI_OAUTH_CLIENT_ID
 * (default `cargo-ai-cli`). The emulator implements both ends. The email one-time-code sign-in uses the
 * same server (email-sign-in.ts).
 */
export interface OAuthConfig {
  authUrl: string
  clientId: string
  scope: string
}

export const DEFAULT_CLIENT_ID = 'cargo-ai-cli'
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'

export function oauthConfig(env: NodeJS.ProcessEnv, baseUrl: string): OAuthConfig {
  return {
    authUrl: (env.CARGO_AI_AUTH_URL || baseUrl).replace(/\/+$/, ''),
    clientId: env.CARGO_AI_OAUTH_CLIENT_ID || DEFAULT_CLIENT_ID,
    scope: env.CARGO_AI_OAUTH_SCOPE || 'openid offline_access',
  }
}

const deviceCodeSchema = z.looseObject({
  device_code: z.string(),
  user_code: z.string(),
  verification_uri: z.string(),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number(),
  interval: z.number().optional(),
})
export type DeviceCode = z.infer<typeof deviceCodeSchema>

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
  token_type: z.string().optional(),
})
export type TokenSet = z.infer<typeof tokenSchema>

/** An OAuth failure, with the RFC's error code when the server gave one. */
export class OAuthError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'OAuthError'
  }
}

/** POSTs a form to the authorization server; its JSON answer, whatever the status. */
export async function post(fetch: FetchLike, url: string, form: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; body: Record<string, unknown> }> {
  let response: HttpResponse
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: signal ?? AbortSignal.timeout(30_000),
    })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new OAuthError(`Could not reach the authorization server at ${new URL(url).host}${cause ? ` (${cause})` : ''}`)
  }
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new OAuthError(`The authorization server answered ${url} with HTTP ${response.status} and a body that is not JSON`)
  }
  return { status: response.status, body: (body && typeof body === 'object' ? body : {}) as Record<string, unknown> }
}

export async function requestDeviceCode(fetch: FetchLike, config: OAuthConfig): Promise<DeviceCode> {
  const { status, body } = await post(fetch, `${config.authUrl}/oauth/device/code`, { client_id: config.clientId, scope: config.scope })
  const parsed = deviceCodeSchema.safeParse(body)
  if (status !== 200 || !parsed.success) {
    throw new OAuthError(`The authorization server refused the device sign-in: ${describe(body) ?? `HTTP ${status}`}`, body.error as string | undefined)
  }
  return parsed.data
}

/** `error: error_description` of an OAuth error body. */
export function describe(body: Record<string, unknown>): string | undefined {
  const text = [body.error, body.error_description].filter((part) => typeof part === 'string' && part).join(': ')
  return text || undefined
}

export interface PollOptions {
  now: () => number
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  signal?: AbortSignal
}

/**
 * Polls the token endpoint until the person approves or denies, honouring `interval` and `slow_down`
 * (RFC 8628 §3.5: +5 s each time) and the code's expiry.
 */
export async function pollForToken(fetch: FetchLike, config: OAuthConfig, device: DeviceCode, options: PollOptions): Promise<TokenSet> {
  let intervalMs = Math.max(1, device.interval ?? 5) * 1000
  const expiresAt = options.now() + device.expires_in * 1000
  for (;;) {
    await options.sleep(intervalMs, options.signal)
    if (options.signal?.aborted) throw new OAuthError('Sign-in cancelled', 'cancelled')
    if (options.now() >= expiresAt) throw new OAuthError('The sign-in code expired before it was approved; run login --oauth again', 'expired_token')
    const { status, body } = await post(fetch, `${config.authUrl}/oauth/token`, {
      grant_type: DEVICE_GRANT,
      device_code: device.device_code,
      client_id: config.clientId,
    })
    if (status === 200) return parseTokens(body)
    switch (body.error) {
      case 'authorization_pending':
        continue
      case 'slow_down':
        intervalMs += 5000
        continue
      case 'access_denied':
        throw new OAuthError('The sign-in was denied in the browser', 'access_denied')
      case 'expired_token':
        throw new OAuthError('The sign-in code expired before it was approved; run login --oauth again', 'expired_token')
      default:
        throw new OAuthError(`The authorization server refused the sign-in: ${describe(body) ?? `HTTP ${status}`}`, body.error as string | undefined)
    }
  }
}

export async function refreshTokens(fetch: FetchLike, config: OAuthConfig, refreshToken: string): Promise<TokenSet> {
  const { status, body } = await post(fetch, `${config.authUrl}/oauth/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: config.clientId,
  })
  if (status !== 200) throw new OAuthError(`The session could not be renewed (${describe(body) ?? `HTTP ${status}`})`, body.error as string | undefined)
  return parseTokens(body)
}

export function parseTokens(body: Record<string, unknown>): TokenSet {
  const parsed = tokenSchema.safeParse(body)
  if (!parsed.success) throw new OAuthError('The authorization server answered without an access token')
  return parsed.data
}
