/**
 * Segmentation domain (entities.md §4): segments (saved filters over a model's records), the changes
 * recorded between two syncs of a segment, and the columns of fetched records. The filter grammar and
 * the sort shape are shared with orchestration (common.ts).
 */
import { z } from 'zod'
import { entity, filter, sort, timestamp } from './common.js'
import { columnType } from './storage.js'

const changeCounts = {
  totalRecordsCount: z.number(),
  updatedRecordsCount: z.number(),
  removedRecordsCount: z.number(),
  addedRecordsCount: z.number(),
  unchangedRecordsCount: z.number(),
}

export const segment = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  userUuid: z.string(),
  modelUuid: z.string(),
  slug: z.string(),
  name: z.string(),
  filter,
  sort: sort.optional(),
  limit: z.number().optional(),
  recordsCount: z.number(),
  fromPlay: z.boolean(),
  trackingColumnSlugs: z.array(z.string()).optional(),
  columnSlugs: z.array(z.string()).optional(),
  syncedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
  lastChange: entity({ uuid: z.string(), slug: z.string(), ...changeCounts, createdAt: timestamp }).optional(),
})
export type Segment = z.infer<typeof segment>

/** What entered, left, changed or stayed in a segment between two syncs. */
export const change = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  segmentUuid: z.string(),
  slug: z.string(),
  ...changeCounts,
  createdAt: timestamp,
})
export type Change = z.infer<typeof change>

/** A column of fetched records. */
export const segmentColumn = entity({ slug: z.string(), type: columnType, label: z.string(), modelUuid: z.string() })
export type SegmentColumn = z.infer<typeof segmentColumn>
