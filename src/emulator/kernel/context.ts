import type { z } from 'zod'
import type { Endpoint } from '../../api/endpoint.js'
import { notFound } from './http.js'
import type { SqlSandbox } from '../sql-sandbox.js'
import type { Kind, Store, StoredDoc, Where } from './store.js'
import type { Timing } from './timing.js'

/** What a handler knows about the request it serves. */
export interface Ctx {
  store: Store
  /** epoch ms, read once per request so that one response is consistent */
  now: number
  timing: Timing
  workspaceUuid: string
  userUuid: string
  /** origin of the URLs the emulator hands out (downloads) */
  origin: string
  /** the parsed form of a multipart upload (its files); text fields are also in the payload */
  form?: FormData
  /** where users' SQL runs, away from the store */
  sql: SqlSandbox
}

/**
 * A handler's answer that is settled after the request's transaction: the handler took what it needs
 * synchronously (a snapshot), and the slow part (a SQL query) must neither hold the store's lock nor
 * block other requests. Not a thenable: a transaction function may not return one.
 */
export class Later {
  constructor(readonly answer: Promise<unknown>) {}
}

export const later = (answer: Promise<unknown>) => new Later(answer)

export type Handler = (ctx: Ctx, payload: never) => unknown

/** Pairs an endpoint with its handler, typing the payload from the endpoint's own schema. */
export function on<E extends Endpoint>(endpoint: E, handler: (ctx: Ctx, payload: z.output<E['payload']>) => unknown): [string, Handler] {
  return [endpoint.name, handler as Handler]
}

/** A live document of the caller's workspace (or of no workspace: the catalogue). */
export function lookup<T extends StoredDoc>(ctx: Ctx, kind: Kind, uuid: string): T | undefined {
  const doc = ctx.store.get<T>(kind, uuid)
  const inWorkspace = doc && (doc.workspaceUuid === undefined || doc.workspaceUuid === null || doc.workspaceUuid === ctx.workspaceUuid)
  return inWorkspace && (doc.deletedAt ?? null) === null ? doc : undefined
}

/** `lookup`, or the 404 the API gives for it (`<entity>NotFound`). */
export function mustGet<T extends StoredDoc>(ctx: Ctx, kind: Kind, uuid: string, entity: string = kind): T {
  const doc = lookup<T>(ctx, kind, uuid)
  if (!doc) throw notFound(entity)
  return doc
}

/** The live (not deleted) documents of a kind in the caller's workspace, oldest first. */
export function live<T extends StoredDoc>(ctx: Ctx, kind: Kind, where: Where = {}): T[] {
  return ctx.store.find<T>(kind, ctx.workspaceUuid, where).filter((doc) => (doc.deletedAt ?? null) === null)
}

export function save(ctx: Ctx, kind: Kind, doc: StoredDoc): void {
  ctx.store.put(kind, doc, ctx.workspaceUuid)
}
