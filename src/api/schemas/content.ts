/**
 * Content domain (entities.md §2.5): the knowledge files behind `content file …` (the ai API itself has no
 * file endpoints). Entities are loose; `T | null` fields are optional because the client strips nulls.
 */
import { z } from 'zod'
import { entity, timestamp } from './common.js'

export const fileKind = z.enum(['connector', 'native'])

const fileBase = {
  uuid: z.string(),
  workspaceUuid: z.string(),
  libraryUuid: z.string(),
  userUuid: z.string().optional(),
  name: z.string(),
  isTemporary: z.boolean(),
  folderUuid: z.string().optional(),
  s3Filename: z.string(),
  openAiFileId: z.string(),
  contentType: z.string(),
  /** bytes */
  size: z.number().nonnegative(),
  isIndexedInOpenAiVectorStore: z.boolean(),
  externalId: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
}

export const contentFile = z.discriminatedUnion('kind', [
  entity({ ...fileBase, kind: z.literal('connector'), connectorUuid: z.string() }),
  entity({ ...fileBase, kind: z.literal('native') }),
])
export type ContentFile = z.infer<typeof contentFile>

/**
 * What the official client makes of an upload answer (wire.md §9.1): the first file's uuid, s3Filename,
 * contentType and name, missing strings as "".
 */
export interface UploadedFile {
  uuid?: string
  s3Filename: string
  contentType: string
  name: string
}

export function normalizeUpload(answer: { files?: Array<Partial<Record<'uuid' | 's3Filename' | 'contentType' | 'name', unknown>>> } | undefined): UploadedFile {
  const first = answer?.files?.[0] ?? {}
  const textOf = (value: unknown) => (typeof value === 'string' ? value : '')
  return {
    ...(typeof first.uuid === 'string' ? { uuid: first.uuid } : {}),
    s3Filename: textOf(first.s3Filename),
    contentType: textOf(first.contentType),
    name: textOf(first.name),
  }
}

const libraryBase = {
  uuid: z.string(),
  workspaceUuid: z.string(),
  name: z.string(),
  extractorSlug: z.string(),
  config: z.record(z.string(), z.unknown()),
  folderUuid: z.string().optional(),
  lastSyncedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
}

/** A knowledge library: the native one holds uploads; a connector one syncs documents through an extractor. */
export const contentLibrary = z.discriminatedUnion('kind', [
  entity({ ...libraryBase, kind: z.literal('connector'), connectorUuid: z.string() }),
  entity({ ...libraryBase, kind: z.literal('native') }),
])
export type ContentLibrary = z.infer<typeof contentLibrary>
