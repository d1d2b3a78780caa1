import type { ModelDoc } from '../orchestration/documents.js'
import type { Dataset, Relationship, StorageRun } from '../../../api/schemas/storage.js'
import type { JsonObject } from '../../expressions.js'
import type { WithNulls } from '../../kernel/doc-fields.js'

/** Stored storage documents: datasets, models (the orchestration model with its storage fields), relationships and sync runs. */

export type DatasetDoc = JsonObject & Pick<WithNulls<Dataset>, 'uuid' | 'workspaceUuid' | 'slug' | 'kind' | 'createdAt' | 'updatedAt' | 'deletedAt'>

// Hand-written, not the API's Model: columns are stored unlike the API shows them (see below), and it extends
// the orchestration ModelDoc that plays and seeds store.
/** Source columns are stored without their kind (what batch previews show); additional ones with it. */
export interface StorageModelDoc extends ModelDoc {
  datasetUuid: string
  kind: 'native' | 'connector'
  description: string | null
  extractorSlug: string
  position: JsonObject
  config: JsonObject
  schedule: JsonObject | null
  meta: JsonObject | null
  additionalColumns: JsonObject[]
  idColumnSlug: string
  timeColumnSlug: string | null
  unification: JsonObject | null
  folderUuid: string | null
  isPaused: boolean
  deletedAt: string | null
  /** when the model last synced: segments of the model record a change once they see it */
  _syncedAt?: string
}

export type RelationshipDoc = JsonObject &
  Pick<
    WithNulls<Relationship>,
    | 'uuid'
    | 'workspaceUuid'
    | 'fromDatasetUuid'
    | 'fromModelUuid'
    | 'fromColumnSlug'
    | 'fromPropertySlug'
    | 'toDatasetUuid'
    | 'toModelUuid'
    | 'toColumnSlug'
    | 'toPropertySlug'
    | 'fromSelectedColumnSlugs'
    | 'toSelectedColumnSlugs'
    | 'relation'
  >

/** A sync run: pending, then running, then success, on simulated time (computed when read). */
export type StorageRunDoc = JsonObject &
  Pick<WithNulls<StorageRun>, 'uuid' | 'workspaceUuid' | 'modelUuid' | 'status' | 'temporalWorkflowId' | 'errorMessage' | 's3Filenames' | 'finishedAt' | 'createdAt' | 'updatedAt'> & {
    /** internal: when it starts and ends on simulated time, and when it was cancelled (epoch ms) */
    _startAt: number
    _endAt: number
    _cancelledAt: number | null
  }
