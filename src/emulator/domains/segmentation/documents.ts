import type { SegmentDoc } from '../orchestration/documents.js'
import type { Change } from '../../../api/schemas/segmentation.js'
import type { JsonObject } from '../../expressions.js'
import type { WithNulls } from '../../kernel/doc-fields.js'

/** Stored segmentation documents: segments (as plays and segment create store them) and the changes between two selections. */

export type ChangeKind = 'added' | 'updated' | 'removed' | 'unchanged'

/** Segments made by plays (orchestration/plays.ts) lack the fields a segment create sets: see `segmentView`. */
// Hand-written, not the API's Segment: a play's segment lacks fields the API's requires (segmentView fills them).
export interface StoredSegment extends SegmentDoc {
  userUuid?: string
  slug?: string
  trackingColumnSlugs?: string[] | null
  columnSlugs?: string[] | null
  syncedAt?: string | null
}

/** Internal: one record of a change and how it changed. */
export interface ChangeEntry extends JsonObject {
  kind: ChangeKind
  /** the record as served when the change was recorded */
  record: JsonObject
}

/** The API's segment Change, plus its records and how each changed (`_entries`, internal: what fetch and download of a change serve, and what the next change compares with). */
export type ChangeDoc = JsonObject &
  Pick<
    WithNulls<Change>,
    | 'uuid'
    | 'workspaceUuid'
    | 'segmentUuid'
    | 'slug'
    | 'totalRecordsCount'
    | 'updatedRecordsCount'
    | 'removedRecordsCount'
    | 'addedRecordsCount'
    | 'unchangedRecordsCount'
    | 'createdAt'
  > & { _entries: ChangeEntry[] }
