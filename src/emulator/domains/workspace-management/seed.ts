import type { Kind, StoredDoc } from '../../kernel/store.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'

/**
 * Seeded workspaceManagement entities: the identity (identityDocs: the workspace, user Ada, the emulator token,
 * roles, two folders, and the Clearbit connector the seeded tool uses), then memberships, a second member with
 * her own token, two more folders, and an uploaded CSV. Uuids in 0x4000–0x40ff.
 */

const WORKSPACE = SEED.workspaceUuid
const ADA = SEED.userUuid
const ROLES = SEED.roles
const PLAYS_FOLDER = SEED.folders.plays
const at = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT }
export const WORKSPACE_SEED = {
  memberships: { ada: id(0x4001), grace: id(0x4011) },
  grace: { uuid: id(0x4010), email: 'grace@emulator.local', token: 'cargo_emulator_grace_token', tokenUuid: id(0x4012) },
  folders: { agents: id(0x4030), campaigns: id(0x4031) },
  /** a CSV of the seeded companies, ready for `workspaceManagement file list-columns` */
  companiesCsv: { s3Filename: `${id(0x4040)}-companies.csv`, name: 'companies.csv', columns: ['name', 'domain', 'country', 'employee_count'] },
} as const

const companiesCsv = 'name,domain,country,employee_count\nAcme,acme.com,US,500\nGlobex,globex.com,US,1200\nInitech,initech.com,FR,80\n'

function membership(uuid: string, userUuid: string, roleUuid: string, permissions: object[] = []): StoredDoc {
  return { uuid, workspaceUuid: WORKSPACE, userUuid, roleUuid, permissions, createdAt: SEEDED_AT }
}

function folder(uuid: string, kind: string, name: string, emojiSlug: string, parentUuid: string | null): StoredDoc {
  return { uuid, parentUuid, kind, workspaceUuid: WORKSPACE, name, emojiSlug, isReadOnly: false, deletedAt: null, _order: null, ...at }
}

export function workspaceDocs(): Array<[Kind, StoredDoc]> {
  const { grace, memberships, folders, companiesCsv: csv } = WORKSPACE_SEED
  return [
    ['member', membership(memberships.ada, ADA, ROLES.admin)],
    [
      'user',
      { uuid: grace.uuid, email: grace.email, firstName: 'Grace', lastName: 'Hopper', picture: null, lastSignInAt: SEEDED_AT, webExtensionData: null, ...at },
    ],
    // Grace may not edit the play folder's workflows (a permission of her own, beside her role)
    ['member', membership(memberships.grace, grace.uuid, ROLES.member, [{ effect: 'deny', resources: [PLAYS_FOLDER], actions: ['orchestration:workflow:write'] }])],
    [
      'token',
      {
        uuid: grace.tokenUuid,
        token: grace.token,
        name: 'Reporting',
        description: null,
        permissions: [{ effect: 'allow', resources: null, actions: ['storage:read', 'billing:read'] }],
        workspaceUuid: WORKSPACE,
        userUuid: grace.uuid,
        createdAt: SEEDED_AT,
        deletedAt: null,
      },
    ],
    ['folder', folder(folders.agents, 'agent', 'Assistants', 'robot_face', null)],
    ['folder', folder(folders.campaigns, 'play', 'Q1 campaigns', 'dart', PLAYS_FOLDER)],
    [
      'workspaceFile',
      {
        uuid: csv.s3Filename,
        workspaceUuid: WORKSPACE,
        s3Filename: csv.s3Filename,
        name: csv.name,
        contentType: 'text/csv',
        size: Buffer.byteLength(companiesCsv),
        createdAt: SEEDED_AT,
        _content: Buffer.from(companiesCsv).toString('base64'),
      },
    ],
  ]
}

const permissions = (actions: string[]) => [{ effect: 'allow', resources: null, actions }]
const allDomains = ['ai', 'billing', 'connection', 'orchestration', 'segmentation', 'storage', 'workspaceManagement']

/** What sign-in needs: the workspace, its first user and token, the two roles, and the default folders. */
export function identityDocs(): Array<[Kind, StoredDoc]> {
  return [
    [
      'workspace',
      {
        uuid: WORKSPACE,
        name: 'Emulator workspace',
        allowedEmailDomains: ['emulator.local'],
        syncs: [],
        temporalNamespace: 'emulator',
        temporalTaskQueuePrefix: null,
        maxConcurrentRuns: 100,
        openAiVectorStoreId: null,
        logoUrl: null,
        metadata: null,
        chromeExtensionMasterAgentUuid: null,
        chromeExtensionAvailableAgentUuids: null,
        defaultRoleUuid: SEED.roles.member,
        allowedLoginProviders: null,
        ssoIdentifier: null,
        quotaBuckets: {},
        ...at,
      },
    ],
    [
      'user',
      {
        uuid: SEED.userUuid,
        email: SEED.userEmail,
        firstName: 'Ada',
        lastName: 'Emulator',
        picture: null,
        lastSignInAt: null,
        webExtensionData: null,
        _roleUuid: SEED.roles.admin,
        ...at,
      },
    ],
    [
      'token',
      {
        uuid: SEED.tokenUuid,
        token: SEED.token,
        name: 'Emulator token',
        description: 'The API token of the emulator workspace',
        permissions: null,
        workspaceUuid: WORKSPACE,
        userUuid: SEED.userUuid,
        createdAt: SEEDED_AT,
        deletedAt: null,
      },
    ],
    ['role', { uuid: SEED.roles.admin, workspaceUuid: WORKSPACE, slug: 'admin', permissions: permissions(allDomains.map((d) => `${d}:*`)), createdAt: SEEDED_AT }],
    ['role', { uuid: SEED.roles.member, workspaceUuid: WORKSPACE, slug: 'member', permissions: permissions(['orchestration:*', 'segmentation:read', 'storage:read']), createdAt: SEEDED_AT }],
    ['folder', rootFolder(SEED.folders.tools, 'tool', 'Tools', 'wrench')],
    ['folder', rootFolder(SEED.folders.plays, 'play', 'Plays', 'rocket')],
    [
      'connector',
      {
        uuid: SEED.clearbitConnectorUuid,
        workspaceUuid: WORKSPACE,
        userUuid: SEED.userUuid,
        integrationSlug: 'clearbit',
        name: 'Clearbit',
        slug: 'clearbit',
        rateLimit: null,
        cacheTtlMilliseconds: null,
        isDefault: true,
        // on Cargo credits: no credentials of its own (entities.md §5.2)
        useCredits: true,
        config: null,
        deletedAt: null,
        ...at,
      },
    ],
  ]
}

/** The two folders of the identity (stored without an order, as they always were). */
function rootFolder(uuid: string, kind: string, name: string, emojiSlug: string): StoredDoc {
  return { uuid, parentUuid: null, kind, workspaceUuid: WORKSPACE, name, emojiSlug, isReadOnly: false, deletedAt: null, ...at }
}
