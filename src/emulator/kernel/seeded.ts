/**
 * The identity every emulator is seeded with (token, workspace, user) and the uuids of the fixed catalogue
 * (domains/<domain>/seed.ts). The values are part of the emulator's public contract: documentation
 * and e2e tests use them. In the kernel because every domain's seed and the sign-in read them.
 */

/** The uuids of seeded documents: fixed, and readable by their last digits. */
export const seededId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

const id = seededId

export const SEED = {
  token: 'cargo_emulator_token',
  tokenUuid: id(0x3),
  workspaceUuid: id(0x1),
  userUuid: id(0x2),
  userEmail: 'ada@emulator.local',
  roles: { admin: id(0x11), member: id(0x12) },
  folders: { tools: id(0x21), plays: id(0x22) },
  clearbitConnectorUuid: id(0x31),
  tool: { uuid: id(0x101), workflowUuid: id(0x102), releaseUuid: id(0x103), draftReleaseUuid: id(0x104) },
  play: { uuid: id(0x201), workflowUuid: id(0x202), releaseUuid: id(0x203), draftReleaseUuid: id(0x204), segmentUuid: id(0x205) },
  modelUuid: id(0x301),
  /** a segment of the model that belongs to no play, so that batches may enroll it directly */
  segmentUuid: id(0x302),
  /** the hidden workflow of runs without a workflowUuid (ad-hoc nodes, action execute) */
  adHocWorkflowUuid: id(0x401),
  templates: { tool: 'company-enrichment', play: 'enrich-new-companies' },
} as const

export const SEEDED_AT = '2025-01-01T00:00:00.000Z'
