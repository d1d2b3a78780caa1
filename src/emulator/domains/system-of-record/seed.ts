import { encrypted } from '../connection/seed.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'

/**
 * The warehouse client types (a catalogue, the same for every workspace) with their setup
 * documentation, and the workspace's seeded system of record: a BigQuery dataset. Ids in 0x3100–0x31ff.
 */

export const SYSTEM_OF_RECORD_SEED = { bigQueryUuid: id(0x3101), migrationUuid: id(0x3102) } as const

const secret = { type: 'object', properties: { type: { const: 'encryption' }, isEncrypted: { type: 'boolean' }, value: { type: 'string' } } }

interface ClientSpec {
  name: string
  slug: string
  icon: string
  description: string
  config: { jsonSchema: Record<string, unknown> }
  /** markdown; `./` links are relative to the documentation's own URL (wire.md §5) */
  documentation: string
}

export const sorClients: ClientSpec[] = [
  {
    name: 'BigQuery',
    slug: 'bigQuery',
    icon: 'https://assets.emulator.local/warehouses/bigquery.svg',
    description: 'Google BigQuery: one dataset, or a whole project with a prefix',
    config: {
      jsonSchema: {
        type: 'object',
        properties: {
          scope: { enum: ['dataset', 'project'] },
          datasetName: { type: 'string' },
          prefix: { type: 'string' },
          location: { type: 'string' },
          storageBucketName: { type: 'string' },
          stringifiedServiceAccount: secret,
        },
        required: ['scope', 'location', 'storageBucketName', 'stringifiedServiceAccount'],
      },
    },
    documentation: `# BigQuery

Cargo reads and writes your models in a BigQuery dataset.

1. Create a service account with the roles listed in [permissions](./permissions.md).
2. Create a storage bucket for exports, in the dataset's location.
3. Paste the service account key as \`stringifiedServiceAccount\`.

Tables are named \`datasets_<dataset>.models_<model>\`; see [naming](./naming.md).
`,
  },
  {
    name: 'Snowflake',
    slug: 'snowflake',
    icon: 'https://assets.emulator.local/warehouses/snowflake.svg',
    description: 'Snowflake: one database, or one schema of it; password or RSA key sign-in',
    config: {
      jsonSchema: {
        type: 'object',
        properties: {
          user: { type: 'string' },
          role: { type: 'string' },
          warehouse: { type: 'string' },
          account: { type: 'string' },
          scope: { enum: ['database', 'schema'] },
          database: { type: 'string' },
          schema: { type: 'string' },
          authentication: { enum: ['password', 'rsa'] },
          password: secret,
          privateKey: secret,
          statementTimeoutSeconds: { type: 'number' },
        },
        required: ['user', 'role', 'warehouse', 'account', 'scope', 'database', 'authentication'],
      },
    },
    documentation: `# Snowflake

Cargo needs a user, a role and a warehouse of its own.

1. Run the [setup script](./setup.sql) as ACCOUNTADMIN.
2. Choose password or RSA key authentication; see [authentication](./authentication.md).
`,
  },
]

export function systemOfRecordDocs(): Array<[Kind, StoredDoc]> {
  return [
    [
      'systemOfRecord',
      {
        uuid: SYSTEM_OF_RECORD_SEED.bigQueryUuid,
        workspaceUuid: SEED.workspaceUuid,
        kind: 'bigQuery',
        config: {
          scope: 'dataset',
          datasetName: 'cargo_emulator',
          location: 'US',
          storageBucketName: 'cargo-emulator-exports',
          stringifiedServiceAccount: encrypted('bigquery-service-account'),
        },
        lastMigration: { uuid: SYSTEM_OF_RECORD_SEED.migrationUuid, status: 'success', errorMessage: null, createdAt: SEEDED_AT, finishedAt: SEEDED_AT },
        cutover: null,
        useCredits: false,
        isActive: true,
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        deletedAt: null,
      },
    ],
  ]
}
