/**
 * Storage domain (entities.md §3): datasets, models and their columns, relationships between models,
 * model sync runs, and the records of a model.
 *
 * Response entities are loose (`entity`) with `T | null` fields optional (the client strips nulls).
 * Request pieces (columns, schedules, relationships) check what the API needs and pass the rest on.
 */
import { z } from 'zod'
import { entity, filter, jsonObject, timestamp } from './common.js'

// ---------------------------------------------------------------------------------------------
// Enums (§3.1)

export const columnType = z.enum(['string', 'number', 'boolean', 'date', 'object', 'array', 'vector', 'any'])
export type ColumnType = z.infer<typeof columnType>

export const storageRunStatus = z.enum(['pending', 'running', 'cancelling', 'cancelled', 'error', 'success'])
export type StorageRunStatus = z.infer<typeof storageRunStatus>

export const relationshipRelation = z.enum(['oneToOne', 'oneToMany', 'manyToOne'])
export type RelationshipRelation = z.infer<typeof relationshipRelation>

/** Kind of a dataset, and of the models in it. */
export const datasetKind = z.enum(['connector', 'native'])
export type DatasetKind = z.infer<typeof datasetKind>

export const modelUnificationType = z.enum(['account', 'contact', 'accountEvent', 'contactEvent'])

/** File format of a query export. */
export const queryExportFormat = z.enum(['csv', 'parquet'])

/** The system columns every record carries next to the model's own (records list sorts only on these). */
export const systemColumnSlug = z.enum(['_id', '_title', '_emitted_at'])

// ---------------------------------------------------------------------------------------------
// Columns (§3.2); the same shapes travel in requests (column create/update) and in models

/** A dynamic value (entities.md §0.1): an expression, possibly generated from a recipe. */
export const expression = z.discriminatedUnion('fromRecipe', [
  entity({
    kind: z.enum(['templateExpression', 'jsExpression']),
    expression: z.string().min(1),
    instructTo: z.enum(['none', 'ai']),
    fromRecipe: z.literal(false),
  }),
  entity({
    kind: z.enum(['templateExpression', 'jsExpression']),
    expression: z.string(),
    instructTo: z.enum(['none', 'ai']),
    fromRecipe: z.literal(true),
    recipe: entity({ uuid: z.string(), version: z.number(), variables: jsonObject }),
  }),
])
export type Expression = z.infer<typeof expression>

const columnBase = {
  slug: z.string().min(1),
  type: columnType,
  label: z.string(),
  description: z.string().optional(),
  properties: z.array(z.string()).optional(),
}

/** A column as previews show it (no kind). */
export const storageColumn = entity(columnBase)
export type StorageColumn = z.infer<typeof storageColumn>

const originalColumn = entity({ ...columnBase, kind: z.literal('original'), originalSlug: z.string() })
const customColumn = entity({ ...columnBase, kind: z.literal('custom') })
const computedColumn = entity({ ...columnBase, kind: z.literal('computed'), expression, columnsUsed: z.array(z.string()).optional() })
const metricColumn = entity({
  ...columnBase,
  kind: z.literal('metric'),
  relationshipUuid: z.string().min(1),
  // the docs write "count" where the types say "COUNT": sent as given, the API judges (the emulator upper-cases)
  aggregation: entity({ function: z.string().min(1), columnSlug: z.string().min(1) }),
  filter: filter.optional(),
})
const lookupColumn = entity({
  ...columnBase,
  kind: z.literal('lookup'),
  join: entity({ toModelUuid: z.string().min(1), fromColumnSlug: z.string().min(1), toColumnSlug: z.string().min(1) }),
  extractColumnSlug: z.string().min(1),
  filter: filter.optional(),
})

/** A column added to a model: custom, computed, metric or lookup. */
export const additionalColumn = z.discriminatedUnion('kind', [customColumn, computedColumn, metricColumn, lookupColumn])
export type AdditionalColumn = z.infer<typeof additionalColumn>

/** Any column of a model, the source (`original`) ones included. Columns have no uuid: the slug names them. */
export const modelColumn = z.discriminatedUnion('kind', [originalColumn, customColumn, computedColumn, metricColumn, lookupColumn])
export type ModelColumn = z.infer<typeof modelColumn>

// ---------------------------------------------------------------------------------------------
// Datasets and models

export const dataset = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  slug: z.string(),
  kind: datasetKind,
  connectorUuid: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Dataset = z.infer<typeof dataset>

/** A schedule as sent: the server adds the id of its engine schedule to cron schedules. */
export const modelScheduleInput = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('cron'), cron: z.string().min(1) }),
  z.looseObject({ type: z.literal('dbt'), jobId: z.string().min(1) }),
])

export const modelSchedule = z.discriminatedUnion('type', [
  entity({ type: z.literal('cron'), cron: z.string(), temporalScheduleWorkflowId: z.string() }),
  entity({ type: z.literal('dbt'), jobId: z.string() }),
])

export const modelUnification = z.discriminatedUnion('source', [
  entity({ source: z.literal('integration') }),
  entity({
    source: z.literal('custom'),
    type: modelUnificationType,
    uniqueColumns: z.array(entity({ slug: z.string(), reference: z.string() })),
    selectedColumnSlugs: z.array(z.string()).optional(),
    timeColumnSlug: z.string().optional(),
    filter: filter.optional(),
    parent: z
      .discriminatedUnion('kind', [
        entity({ kind: z.literal('model'), columnSlug: z.string(), parentModelUuid: z.string() }),
        entity({ kind: z.literal('reference'), columnSlug: z.string(), reference: z.string() }),
      ])
      .optional(),
  }),
])
export type ModelUnification = z.infer<typeof modelUnification>

export const position = z.looseObject({ x: z.number(), y: z.number() })

export const model = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().optional(),
  datasetUuid: z.string(),
  extractorSlug: z.string(),
  position,
  config: jsonObject,
  schedule: modelSchedule.optional(),
  meta: jsonObject.optional(),
  columns: z.array(modelColumn),
  additionalColumns: z.array(modelColumn),
  idColumnSlug: z.string(),
  titleColumnSlug: z.string(),
  timeColumnSlug: z.string().optional(),
  unification: modelUnification.optional(),
  folderUuid: z.string().optional(),
  playsCount: z.number(),
  segmentsCount: z.number(),
  isPaused: z.boolean(),
  lastEmittedAt: timestamp.optional(),
  lastRun: entity({
    uuid: z.string(),
    status: storageRunStatus,
    errorMessage: z.string().optional(),
    createdAt: timestamp,
    finishedAt: timestamp.optional(),
  }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
  kind: datasetKind,
  connectorUuid: z.string().optional(),
})
export type Model = z.infer<typeof model>

// ---------------------------------------------------------------------------------------------
// Relationships

export const relationship = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  fromDatasetUuid: z.string(),
  fromModelUuid: z.string(),
  fromColumnSlug: z.string(),
  fromPropertySlug: z.string().optional(),
  toDatasetUuid: z.string(),
  toModelUuid: z.string(),
  toColumnSlug: z.string(),
  toPropertySlug: z.string().optional(),
  fromSelectedColumnSlugs: z.array(z.string()).optional(),
  toSelectedColumnSlugs: z.array(z.string()).optional(),
  relation: relationshipRelation,
})
export type Relationship = z.infer<typeof relationship>

const relationshipLink = {
  uuid: z.string().min(1).optional(),
  fromModelUuid: z.string().min(1),
  fromColumnSlug: z.string().min(1),
  toModelUuid: z.string().min(1),
  toColumnSlug: z.string().min(1),
  relation: relationshipRelation,
}

/** One relationship as `relationships` POST takes it: the nullable keys are sent, null included. */
export const relationshipInput = z.looseObject({
  ...relationshipLink,
  fromPropertySlug: z.string().nullable(),
  toPropertySlug: z.string().nullable(),
  fromSelectedColumnSlugs: z.array(z.string()).nullable(),
  toSelectedColumnSlugs: z.array(z.string()).nullable(),
})
export type RelationshipInput = z.infer<typeof relationshipInput>

/** The same as a person writes it: the nullable keys may be left out (the CLI sends them as null). */
export const relationshipDraft = relationshipInput.partial({
  fromPropertySlug: true,
  toPropertySlug: true,
  fromSelectedColumnSlugs: true,
  toSelectedColumnSlugs: true,
})
export type RelationshipDraft = z.infer<typeof relationshipDraft>

// ---------------------------------------------------------------------------------------------
// Storage runs and records

export const storageRun = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  modelUuid: z.string(),
  status: storageRunStatus,
  temporalWorkflowId: z.string(),
  errorMessage: z.string().optional(),
  s3Filenames: z.array(z.string()),
  finishedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type StorageRun = z.infer<typeof storageRun>

/** A row of a model: column slug → value, plus the system columns `_id`, `_title`, `_emitted_at`. */
export const storageRecord = jsonObject
export type StorageRecord = z.infer<typeof storageRecord>

export const recordSort = z.looseObject({ kind: z.enum(['asc', 'desc']), columnSlug: systemColumnSlug })
