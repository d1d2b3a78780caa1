import { randomBytes, randomUUID } from 'node:crypto'
import { EMAIL_CODE_GRANT, redeemEmailCode, sendEmailCode, type SignedInIdentity } from './email-sign-in.js'
import { jsonResponse } from './kernel/http.js'
import { SEED } from './kernel/seeded.js'
import type { Store, StoredDoc } from './kernel/store.js'

/**
 * The emulator's OAuth authorization server: device authorization (RFC 8628), its token endpoint with
 * refresh, and a verification endpoint that a person (or a test, in one call) uses to approve or deny.
 * Lifetimes come from the environment so that tests can watch codes and tokens expire:
 * CARGO_AI_EMULATOR_TOKEN_TTL (access tokens, seconds, default 3600), CARGO_AI_EMULATOR_DEVICE_TTL
 * (device codes, default 600), CARGO_AI_EMULATOR_DEVICE_INTERVAL (polling interval, default 5).
 * The email one-time-code sign-in shares the token endpoint (email-sign-in.ts).
 */
export const OAUTH_PATH = '/oauth/'

interface DeviceDoc extends StoredDoc {
  deviceCode: string
  userCode: string
  clientId: string
  status: 'pending' | 'approved' | 'denied' | 'used'
  expiresAt: number
  intervalMs: number
  lastPollAt: number | null
}

interface TokenDoc extends StoredDoc {
  token: string
  refreshToken?: string
  expiresAt?: number
  deletedAt: string | null
  workspaceUuid: string
  userUuid: string
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

const secret = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`

function userCode(): string {
  const letters = 'BCDFGHJKLMNPQRSTVWXZ'
  const pick = () => letters[randomBytes(1)[0] % letters.length]
  return `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`
}

const oauthError = (error: string, description: string, status = 400) => jsonResponse(status, { error, error_description: description })

async function formOf(request: Request): Promise<Record<string, string>> {
  const text = await request.text()
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, string>
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(text))
}

export async function handleOAuth(store: Store, request: Request, url: URL, now: number, env: NodeJS.ProcessEnv = process.env): Promise<Response> {
  const route = `${request.method} ${url.pathname}`
  if (route === 'GET /oauth/device') return verificationPage(url)
  const form = await formOf(request)
  return store.transaction(() => {
    switch (route) {
      case 'POST /oauth/device/code':
        return deviceCode(store, form, url, now, env)
      case 'POST /oauth/device/verify':
        return verify(store, form, now)
      case 'POST /oauth/email/code':
        return sendEmailCode(store, form, now, env)
      case 'POST /oauth/token':
        if (form.grant_type === 'refresh_token') return refresh(store, form, now, env)
        if (form.grant_type === EMAIL_CODE_GRANT) return emailToken(store, form, now, env)
        return deviceToken(store, form, now, env)
      default:
        return jsonResponse(404, { errorMessage: `No such endpoint: ${route}` })
    }
  })
}

function deviceCode(store: Store, form: Record<string, string>, url: URL, now: number, env: NodeJS.ProcessEnv): Response {
  if (!form.client_id) return oauthError('invalid_client', 'client_id is required')
  const doc: DeviceDoc = {
    uuid: randomUUID(),
    deviceCode: secret('dev'),
    userCode: userCode(),
    clientId: form.client_id,
    status: 'pending',
    expiresAt: now + seconds(env, 'CARGO_AI_EMULATOR_DEVICE_TTL', 600) * 1000,
    intervalMs: seconds(env, 'CARGO_AI_EMULATOR_DEVICE_INTERVAL', 5) * 1000,
    lastPollAt: null,
  }
  store.put('deviceCode', doc, null)
  const verificationUri = `${url.origin}/oauth/device`
  return jsonResponse(200, {
    device_code: doc.deviceCode,
    user_code: doc.userCode,
    verification_uri: verificationUri,
    verification_uri_complete: `${verificationUri}?user_code=${doc.userCode}`,
    expires_in: Math.round((doc.expiresAt - now) / 1000),
    interval: doc.intervalMs / 1000,
  })
}

/** The one call a person (or a test) makes to answer a sign-in: `{user_code, action: approve|deny}`. */
function verify(store: Store, form: Record<string, string>, now: number): Response {
  const device = store.findOne<DeviceDoc>('deviceCode', undefined, { userCode: String(form.user_code ?? '').toUpperCase() })
  if (!device || device.status !== 'pending') return oauthError('invalid_grant', 'Unknown or already answered code', 404)
  if (device.expiresAt <= now) return oauthError('expired_token', 'This code has expired')
  if (form.action !== 'approve' && form.action !== 'deny') return oauthError('invalid_request', 'action must be approve or deny')
  store.put('deviceCode', { ...device, status: form.action === 'approve' ? 'approved' : 'denied' }, null)
  return jsonResponse(200, { status: form.action === 'approve' ? 'approved' : 'denied' })
}

function deviceToken(store: Store, form: Record<string, string>, now: number, env: NodeJS.ProcessEnv): Response {
  if (form.grant_type !== 'urn:ietf:params:oauth:grant-type:device_code') return oauthError('unsupported_grant_type', `Unsupported grant_type ${form.grant_type}`)
  const device = store.findOne<DeviceDoc>('deviceCode', undefined, { deviceCode: form.device_code ?? '' })
  if (!device || device.clientId !== form.client_id || device.status === 'used') return oauthError('invalid_grant', 'Unknown device code')
  if (device.expiresAt <= now) return oauthError('expired_token', 'The device code has expired')
  if (device.status === 'denied') return oauthError('access_denied', 'The user denied the request')
  if (device.status === 'pending') {
    const tooSoon = device.lastPollAt !== null && now - device.lastPollAt < device.intervalMs
    store.put('deviceCode', { ...device, lastPollAt: now }, null)
    return tooSoon ? oauthError('slow_down', 'Polling too fast') : oauthError('authorization_pending', 'Waiting for the user')
  }
  store.put('deviceCode', { ...device, status: 'used' }, null)
  return issueTokens(store, now, env, { workspaceUuid: SEED.workspaceUuid, userUuid: SEED.userUuid })
}

/** The email-code grant answers which workspace the sign-in resolved to, beside the tokens. */
function emailToken(store: Store, form: Record<string, string>, now: number, env: NodeJS.ProcessEnv): Response {
  const identity = redeemEmailCode(store, form, now)
  return identity instanceof Response ? identity : issueTokens(store, now, env, identity, { workspace_uuid: identity.workspaceUuid })
}

function refresh(store: Store, form: Record<string, string>, now: number, env: NodeJS.ProcessEnv): Response {
  const current = store.findOne<TokenDoc>('token', undefined, { refreshToken: form.refresh_token ?? '' })
  if (!current || current.deletedAt !== null) return oauthError('invalid_grant', 'The refresh token is not valid')
  // Refresh tokens rotate: the old refresh token stops working; its access token lives until it expires,
  // so a process still holding it is not cut off by another process's renewal.
  const { refreshToken: _spent, ...rest } = current
  store.put('token', rest, current.workspaceUuid)
  return issueTokens(store, now, env, { workspaceUuid: current.workspaceUuid, userUuid: current.userUuid })
}

function issueTokens(store: Store, now: number, env: NodeJS.ProcessEnv, identity: SignedInIdentity, extra: Record<string, string> = {}): Response {
  const ttl = seconds(env, 'CARGO_AI_EMULATOR_TOKEN_TTL', 3600)
  const doc: TokenDoc = {
    uuid: randomUUID(),
    name: 'OAuth session',
    token: secret('oat'),
    refreshToken: secret('ort'),
    expiresAt: now + ttl * 1000,
    deletedAt: null,
    workspaceUuid: identity.workspaceUuid,
    userUuid: identity.userUuid,
    createdAt: new Date(now).toISOString(),
  }
  store.put('token', doc, doc.workspaceUuid)
  return jsonResponse(200, { access_token: doc.token, refresh_token: doc.refreshToken, token_type: 'Bearer', expires_in: ttl, ...extra })
}

function verificationPage(url: URL): Response {
  const code = (url.searchParams.get('user_code') ?? '').replace(/[^A-Z-]/gi, '')
  const html = `<!doctype html><title>Cargo emulator sign-in</title>
<h1>Sign in to the Cargo emulator</h1>
<form method="post" action="/oauth/device/verify">
<label>Code <input name="user_code" value="${code}"></label>
<button name="action" value="approve">Approve</button> <button name="action" value="deny">Deny</button>
</form>`
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
}
