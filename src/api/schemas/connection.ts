/**
 * Connection domain (entities.md §5): connectors (authenticated accounts of an integration), the
 * integration catalogue, Cargo's native integration, OAuth, and custom integrations.
 *
 * Response entities are loose (`entity`) and `T | null` fields are optional, since the client strips
 * nulls. Integration pieces arrive as JSON Schema objects (the server's zod schemas, serialized).
 */
import { z } from 'zod'
import { entity, jsonObject, timestamp } from './common.js'

// ---------------------------------------------------------------------------------------------
// Enums (§5.1)

export const rateLimitUnit = z.enum(['day', 'hour', 'minute', 'second'])
export const rateLimitStrategy = z.enum(['spread', 'burst'])

export const integrationCategory = z.enum([
  'engagement',
  'marketing',
  'sales',
  'finance',
  'analytics',
  'freeform',
  'success',
  'support',
  'enrichment',
  'storage',
  'custom',
])
export type IntegrationCategory = z.infer<typeof integrationCategory>

export const nativeActionCategory = z.enum(['invisible', 'logic', 'storage', 'ai', 'sales', 'code'])
export const nativeExtractorCategory = z.enum(['unify', 'object'])
export const extractorKind = z.enum(['file', 'query', 'record'])
export const extractorPreview = z.enum(['none', 'records', 'count'])
export const customIntegrationKind = z.enum(['external', 'worker'])

// ---------------------------------------------------------------------------------------------
// Connectors

/** What a connector create/update sends: the API types it with every key. */
export const rateLimitInput = z.looseObject({
  unit: rateLimitUnit,
  max: z.number().positive(),
  strategy: rateLimitStrategy,
})

/** As read back: the docs show rate limits without `strategy`. */
export const rateLimit = entity({ unit: rateLimitUnit, max: z.number(), strategy: rateLimitStrategy.optional() })
export type RateLimit = z.infer<typeof rateLimit>

export const connector = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  userUuid: z.string(),
  name: z.string(),
  slug: z.string(),
  integrationSlug: z.string(),
  rateLimit: rateLimit.optional(),
  cacheTtlMilliseconds: z.number().optional(),
  isDefault: z.boolean(),
  playsCount: z.number(),
  toolsCount: z.number(),
  modelsCount: z.number(),
  /** true: actions bill Cargo credits and `config` is null (so absent here) */
  useCredits: z.boolean(),
  config: jsonObject.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Connector = z.infer<typeof connector>

/**
 * The dataset every new connector gets (storage's Dataset, entities.md §3.2). Declared here so that
 * this domain does not wait on the storage schemas; the shape is the same.
 */
export const connectorDataset = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  slug: z.string(),
  kind: z.enum(['connector', 'native']),
  connectorUuid: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})

export const autocompleteResult = entity({
  label: z.string(),
  value: z.string(),
  parent: z.string().optional(),
  description: z.string().optional(),
  configOverride: jsonObject.optional(),
})

export const dynamicSchemaResult = z.looseObject({ schema: jsonObject.optional(), uiSchema: jsonObject.optional() })

// ---------------------------------------------------------------------------------------------
// Integrations (§5.2)

const jsonSchema = jsonObject
const configSchemas = z.looseObject({ schema: jsonSchema, jsonSchema: jsonSchema.optional(), uiSchema: jsonObject.optional() })

export const creditsCost = z.looseObject({ type: z.enum(['fixed', 'unit', 'package']), cost: z.number() })
const credits = z.looseObject({ costs: z.array(creditsCost) })

export const integrationAction = entity({
  name: z.string(),
  description: z.string(),
  config: configSchemas,
  credits: credits.optional(),
  children: z.array(z.looseObject({ text: z.string() })).optional(),
  output: z.looseObject({ schema: jsonSchema.optional() }).optional(),
})

const extractorMode = z.looseObject({ kind: z.enum(['fetch', 'ingest']) })

export const integrationExtractor = entity({
  name: z.string(),
  description: z.string(),
  kind: extractorKind,
  config: configSchemas,
  meta: z.looseObject({ schema: jsonSchema }),
  mode: extractorMode,
  preview: extractorPreview,
})

export const integration = entity({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string(),
  color: z.string(),
  url: z.string(),
  category: integrationCategory,
  subCategories: z.array(z.string()).optional(),
  connector: z.looseObject({ config: configSchemas }),
  actions: z.record(z.string(), integrationAction),
  extractors: z.record(z.string(), integrationExtractor),
  dynamicSchemas: z.record(z.string(), z.looseObject({ params: z.looseObject({ schema: jsonSchema }) })),
  autocompletes: z.array(z.looseObject({ slug: z.string(), params: z.looseObject({ jsonSchema }) })),
})
export type Integration = z.infer<typeof integration>

export const nativeIntegrationAction = entity({
  name: z.string(),
  description: z.string(),
  category: nativeActionCategory,
  icon: z.string(),
  config: configSchemas,
  childrenCount: z.number(),
})

export const nativeIntegrationExtractor = entity({
  name: z.string(),
  description: z.string(),
  kind: extractorKind,
  icon: z.string(),
  category: nativeExtractorCategory,
  config: configSchemas,
  meta: z.looseObject({ schema: jsonSchema }),
  mode: extractorMode,
  preview: extractorPreview,
})

export const nativeIntegration = entity({
  actions: z.record(z.string(), nativeIntegrationAction),
  extractors: z.record(z.string(), nativeIntegrationExtractor),
})

export const languageModel = entity({
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  contextWindowTokensLimit: z.number(),
  outputTokensLimit: z.number(),
  isReasoning: z.boolean(),
  credits: z.looseObject({ cost: creditsCost }).optional(),
})

export const oauthCompletion = z.looseObject({ value: z.string(), extraValues: z.record(z.string(), z.string()).optional() })

// ---------------------------------------------------------------------------------------------
// Custom integrations

const customIntegrationBase = {
  uuid: z.string(),
  workspaceUuid: z.string(),
  slug: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
}

export const customIntegration = z.discriminatedUnion('kind', [
  entity({ ...customIntegrationBase, kind: z.literal('external'), baseUrl: z.string() }),
  entity({ ...customIntegrationBase, kind: z.literal('worker'), workerUuid: z.string() }),
])
export type CustomIntegration = z.infer<typeof customIntegration>
