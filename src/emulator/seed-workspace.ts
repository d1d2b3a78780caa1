import type { Kind, StoredDoc } from './kernel/store.js'

/**
 * Seeded workspaceManagement entities beyond the identity ones of seed.ts (workspace, user Ada, the
 * emulator token, roles, two folders): memberships, a second member with her own token, two more
 * folders, and an uploaded CSV. Uuids in 0x4000–0x40ff. SEED is not read here at module level: seed.ts
 * imports this file.
 */

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

const SEEDED_AT = '2025-01-01T00:00:00.000Z'
const WORKSPACE = id(0x1)
const ADA = id(0x2)
const ROLES = { admin: id(0x11), member: id(0x12) }
const PLAYS_FOLDER = id(0x22)
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
