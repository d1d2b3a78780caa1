import type { ModelDoc } from '../orchestration/documents.js'
import type { JsonObject } from '../../expressions.js'

/** Stored storage documents: datasets, models (the orchestration model with its storage fields), relationships and sync runs. */

export interface DatasetDoc extends JsonObject {
  uuid: string
  workspaceUuid: string
  slug: string
  kind: 'native' | 'connector'
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

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

export interface RelationshipDoc extends JsonObject {
  uuid: string
  workspaceUuid: string
  fromDatasetUuid: string
  fromModelUuid: string
  fromColumnSlug: string
  fromPropertySlug: string | null
  toDatasetUuid: string
  toModelUuid: string
  toColumnSlug: string
  toPropertySlug: string | null
  fromSelectedColumnSlugs: string[] | null
  toSelectedColumnSlugs: string[] | null
  relation: string
}

/** A sync run: pending, then running, then success, on simulated time (computed when read). */
export interface StorageRunDoc extends JsonObject {
  uuid: string
  workspaceUuid: string
  modelUuid: string
  status: string
  temporalWorkflowId: string
  errorMessage: string | null
  s3Filenames: string[]
  finishedAt: string | null
  createdAt: string
  updatedAt: string
  _startAt: number
  _endAt: number
  _cancelledAt: number | null
}
