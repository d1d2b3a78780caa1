import type { SegmentDoc } from '../orchestration/documents.js'
import type { JsonObject } from '../../expressions.js'

/** Stored segmentation documents: segments (as plays and segment create store them) and the changes between two selections. */

export type ChangeKind = 'added' | 'updated' | 'removed' | 'unchanged'

/** Segments made by plays (orchestration/plays.ts) lack the fields a segment create sets: see `segmentView`. */
export interface StoredSegment extends SegmentDoc {
  userUuid?: string
  slug?: string
  trackingColumnSlugs?: string[] | null
  columnSlugs?: string[] | null
  syncedAt?: string | null
}

export interface ChangeEntry extends JsonObject {
  kind: ChangeKind
  /** the record as served when the change was recorded */
  record: JsonObject
}

export interface ChangeDoc extends JsonObject {
  uuid: string
  workspaceUuid: string
  segmentUuid: string
  slug: string
  totalRecordsCount: number
  updatedRecordsCount: number
  removedRecordsCount: number
  addedRecordsCount: number
  unchangedRecordsCount: number
  createdAt: string
  _entries: ChangeEntry[]
}
