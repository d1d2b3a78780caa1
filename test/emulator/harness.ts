import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { buildRequest } from '../../src/api/client.js'
import type { Endpoint, PayloadOf } from '../../src/api/endpoint.js'
import { stripNulls } from '../../src/api/null-stripping.js'
import { type Emulator, type EmulatorOptions, createEmulator } from '../../src/emulator/index.js'
import { SEED } from '../../src/emulator/kernel/seeded.js'

export const ORIGIN = 'http://emulator.test'

/** Endpoint name → number of successful answers checked against its result schema (per test file). */
export const checkedEndpoints = new Map<string, number>()

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'cargo-ai-emulator-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface Answer<T = Record<string, any>> {
  status: number
  body: T
}

/**
 * The fidelity check: a successful body, once the client's null stripping is applied, must satisfy the
 * endpoint's own result schema, exactly as the CLI will read it.
 */
export function expectFaithful(endpoint: Endpoint, body: unknown): void {
  if (endpoint.result.def.type === 'void') {
    expect(body).toEqual({})
  } else {
    const parsed = endpoint.result.safeParse(stripNulls(body, endpoint.keepNulls))
    if (!parsed.success) {
      throw new Error(`${endpoint.name}: the answer does not match its result schema:\n${JSON.stringify(parsed.error.issues.slice(0, 5), null, 2)}`)
    }
  }
  checkedEndpoints.set(endpoint.name, (checkedEndpoints.get(endpoint.name) ?? 0) + 1)
}

/** An emulator on a temporary database, a controllable clock, and typed calls made the way the client makes them. */
export class Harness {
  readonly dir = tempDir()
  readonly dbPath = join(this.dir.path, 'emulator.db')
  readonly clock = { now: Date.parse('2025-06-01T12:00:00.000Z') }
  readonly emulator: Emulator

  constructor(options: Partial<EmulatorOptions> = {}) {
    this.emulator = createEmulator({ dbPath: this.dbPath, now: () => this.clock.now, ...options })
  }

  advance(ms: number): void {
    this.clock.now += ms
  }

  async call<E extends Endpoint>(endpoint: E, payload: PayloadOf<E>, auth: { token?: string; workspaceUuid?: string } = {}): Promise<Answer> {
    const http = buildRequest(endpoint, payload as Record<string, unknown>, {
      baseUrl: ORIGIN,
      token: auth.token ?? SEED.token,
      workspaceUuid: auth.workspaceUuid ?? SEED.workspaceUuid,
      version: 'test',
    })
    const response = await this.emulator.handle(new Request(http.url, { method: http.method, headers: http.headers, body: http.body }))
    const text = await response.text()
    const body = text ? JSON.parse(text) : undefined
    if (response.status === 200) {
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expectFaithful(endpoint, body)
    }
    return { status: response.status, body }
  }

  /** A call that must succeed; answers its body. */
  async ok<E extends Endpoint>(endpoint: E, payload: PayloadOf<E>): Promise<Record<string, any>> {
    const answer = await this.call(endpoint, payload)
    if (answer.status !== 200) throw new Error(`${endpoint.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    return answer.body
  }

  async raw(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const headers = { authorization: `Bearer ${SEED.token}`, ...init.headers }
    const response = await this.emulator.handle(new Request(`${ORIGIN}${path}`, { method, headers, body: init.body }))
    const text = await response.text()
    let body: any = text
    try {
      body = JSON.parse(text)
    } catch {}
    return { status: response.status, body }
  }

  close(): void {
    this.emulator.close()
    this.dir.remove()
  }
}
