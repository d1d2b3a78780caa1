import { z } from 'zod'
import type { CargoClient } from '../../../api/client.js'
import { getModel, listRelationships, setRelationships } from '../../../api/endpoints/storage.js'
import { uuid } from '../../../api/schemas/common.js'
import { opt } from '../../../api/schemas/fields.js'
import {
  type Model,
  type Relationship,
  type RelationshipDraft,
  type RelationshipInput,
  relationshipDraft,
  relationshipRelation,
} from '../../../api/schemas/storage.js'
import { UsageError } from '../../../cli/cli-error.js'
import { defineCommand } from '../../../cli/define-command.js'
import { kebabCase } from '../../../cli/payload-flags.js'

/**
 * The docs set one relationship with --from-model-uuid / --to-model-uuid, while the API takes the whole
 * list of a dataset: `{datasetUuid, relationships: [...]}` (wire.md §19.10). So the command reads its own
 * flags (the fields of one relationship, or --relationships for the whole list) and builds the API's
 * payload before the call: the dataset is the from-model's, missing join details come from the models,
 * and the dataset's other relationships are kept (with their uuids), since the call replaces the list.
 */

const singleFlags = {
  fromModelUuid: opt(uuid, "Model on the 'from' side (e.g. Contacts)"),
  toModelUuid: opt(uuid, "Model on the 'to' side (e.g. Companies)"),
  fromColumnSlug: opt(z.string().min(1), "Join column of the 'from' model (e.g. company_uuid); guessed from the model's columns when left out"),
  toColumnSlug: opt(z.string().min(1), "Join column of the 'to' model (default: its id column)"),
  relation: opt(relationshipRelation, 'Cardinality (default: manyToOne)'),
  fromPropertySlug: opt(z.string(), "Property inside an object column on the 'from' side"),
  toPropertySlug: opt(z.string(), "Property inside an object column on the 'to' side"),
  fromSelectedColumnSlugs: opt(z.array(z.string()), "Columns of the 'from' model selected for this relationship, comma-separated"),
  toSelectedColumnSlugs: opt(z.array(z.string()), "Columns of the 'to' model selected for this relationship, comma-separated"),
}

const payload = z
  .object({
    ...singleFlags,
    datasetUuid: opt(uuid, "Dataset whose relationships are set (default: the 'from' model's dataset)"),
    relationships: opt(
      z.array(relationshipDraft),
      'The whole list of the dataset, as a JSON array of {uuid?, fromModelUuid, fromColumnSlug, toModelUuid, toColumnSlug, relation, ...}; sent as given instead of the single-relationship flags',
    ),
  })
  .superRefine((value, ctx) => {
    if (value.relationships === undefined && (!value.fromModelUuid || !value.toModelUuid)) {
      ctx.addIssue({ code: 'custom', message: 'give --from-model-uuid and --to-model-uuid, or the whole list with --relationships', path: ['fromModelUuid'] })
    }
    if (value.relationships?.length === 0 && value.datasetUuid === undefined) {
      ctx.addIssue({ code: 'custom', message: 'an empty list needs --dataset-uuid to say which dataset to clear', path: ['datasetUuid'] })
    }
  })

type Payload = z.input<typeof payload>

const nullable = ['fromPropertySlug', 'toPropertySlug', 'fromSelectedColumnSlugs', 'toSelectedColumnSlugs'] as const

/** The API wants every nullable key, null included. */
function complete(draft: RelationshipDraft): RelationshipInput {
  return { ...draft, ...Object.fromEntries(nullable.map((key) => [key, draft[key] ?? null])) } as RelationshipInput
}

function asInput(existing: Relationship): RelationshipInput {
  const { uuid, fromModelUuid, fromColumnSlug, toModelUuid, toColumnSlug, relation } = existing
  return complete({ uuid, fromModelUuid, fromColumnSlug, toModelUuid, toColumnSlug, relation, ...pick(existing, nullable) })
}

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<Pick<T, K>>
}

const slugsOf = (model: Model) => [...model.columns, ...model.additionalColumns].map((column) => column.slug)

/** Contacts → Companies on `uuid` (or `_id`): a column named company_uuid or company_id on the 'from' model. */
function guessFromColumn(from: Model, to: Model, toColumnSlug: string): string {
  const singular = to.slug.replace(/ies$/, 'y').replace(/s$/, '')
  const candidates = [`${singular}_${toColumnSlug.replace(/^_+/, '')}`, `${singular}_id`, `${singular}_uuid`]
  const found = candidates.find((slug) => slugsOf(from).includes(slug))
  if (!found) {
    throw new UsageError(`--from-column-slug: say which column of ${from.name} holds the ${to.name} key (columns: ${slugsOf(from).join(', ')})`)
  }
  return found
}

async function modelOf(client: CargoClient, modelUuid: string): Promise<Model> {
  return (await client.call(getModel, { uuid: modelUuid })).model
}

async function buildPayload(flags: Payload, client: CargoClient): Promise<z.input<typeof setRelationships.payload>> {
  if (flags.relationships) {
    const datasetUuid = flags.datasetUuid ?? (await modelOf(client, flags.relationships[0].fromModelUuid)).datasetUuid
    return { datasetUuid, relationships: flags.relationships.map(complete) }
  }
  const from = await modelOf(client, flags.fromModelUuid!)
  const to = await modelOf(client, flags.toModelUuid!)
  const datasetUuid = flags.datasetUuid ?? from.datasetUuid
  const toColumnSlug = flags.toColumnSlug ?? to.idColumnSlug
  const link = complete({
    fromModelUuid: from.uuid,
    fromColumnSlug: flags.fromColumnSlug ?? guessFromColumn(from, to, toColumnSlug),
    toModelUuid: to.uuid,
    toColumnSlug,
    relation: flags.relation ?? 'manyToOne',
    ...pick(flags, nullable),
  })
  const { relationships } = await client.call(listRelationships, {})
  const ofDataset = relationships.filter((item) => item.fromDatasetUuid === datasetUuid)
  const sameModels = (item: Relationship) => item.fromModelUuid === link.fromModelUuid && item.toModelUuid === link.toModelUuid
  const replaced = ofDataset.find(sameModels)
  return {
    datasetUuid,
    relationships: [...ofDataset.filter((item) => !sameModels(item)).map(asInput), { ...(replaced ? { uuid: replaced.uuid } : {}), ...link }],
  }
}

export default defineCommand({
  endpoint: { ...setRelationships, payload },
  summary: 'Define a relationship between two models (e.g. Contacts many-to-one Companies), or set the whole list of a dataset.',
  description: `The API replaces every relationship of a dataset at once. With --from-model-uuid and --to-model-uuid the
command adds (or replaces) that one link and keeps the dataset's others; with --relationships it sends the list as given.`,
  examples: [
    '<%= config.bin %> storage relationship set --from-model-uuid <uuid> --to-model-uuid <uuid>',
    '<%= config.bin %> storage relationship set --from-model-uuid <contacts-uuid> --to-model-uuid <companies-uuid> --from-column-slug company_id --to-column-slug _id --relation manyToOne',
    '<%= config.bin %> storage relationship set --dataset-uuid <dataset-uuid> --relationships @relationships.json',
  ],
  exclusive: Object.keys(singleFlags).map((field) => ['relationships', kebabCase(field)]),
  prepare: (flags, { client }) => buildPayload(flags, client),
})
