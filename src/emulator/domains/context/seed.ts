import { createHash } from 'node:crypto'
import type { Kind, StoredDoc } from '../../kernel/store.js'
import { type CommitDoc, type FileDoc, fileKey, KINDS, type RepositoryDoc } from './documents.js'
import { seededId as id } from '../../kernel/seeded.js'

/**
 * The context catalogue: a managed repository on branch main with four markdown files (links between them,
 * one broken on purpose) in one initial commit. Paths and uuids are part of the emulator's contract.
 */

export const CONTEXT_SEED = {
  repositoryUuid: id(0x72001),
  files: {
    readme: 'README.md',
    positioning: 'global/positioning.md',
    persona: 'persona/vp-sales-mid-market.md',
    play: 'play/inbound-trial-to-paid.md',
  },
} as const

export interface SeedOwner {
  workspaceUuid: string
  userEmail: string
  at: string
}

const files: Record<string, string> = {
  [CONTEXT_SEED.files.readme]: `# Acme go-to-market context

What the agents know about how Acme sells. Start with [the positioning](global/positioning.md),
then the buyer: [[persona/vp-sales-mid-market]].
`,
  [CONTEXT_SEED.files.positioning]: `---
title: Positioning
summary: How Acme describes itself in one line.
---
# Positioning

We help RevOps automate workflows.
Acme sells anvils to companies of more than 100 employees.
`,
  [CONTEXT_SEED.files.persona]: `---
title: VP of Sales, mid-market
summary: The buyer of mid-market deals.
related: play/inbound-trial-to-paid.md
---
# VP of Sales, mid-market

- Runs a team of 10 to 40 reps.
- Measured on pipeline coverage and win rate.
- Mid-market: 100 to 1,000 employees.
`,
  [CONTEXT_SEED.files.play]: `---
title: Inbound trial to paid
---
# Inbound trial to paid

1. A trial starts: enrich the company.
2. More than 100 employees: route to an AE.
3. Otherwise: a nurture sequence.
4. Talk to the buyer described in [[persona/vp-sales-mid-market]].
5. The finance side is in [[persona/cfo]].
`,
}

/** A commit's sha: derived from what it holds, as git's are, so that the seed's is fixed. */
export function commitSha(parentSha: string | null, message: string, changes: Record<string, string | null>, at: string): string {
  return createHash('sha1').update(JSON.stringify([parentSha, message, changes, at])).digest('hex')
}

export function contextDocs(owner: SeedOwner): Array<[Kind, StoredDoc]> {
  const { workspaceUuid, at } = owner
  const message = 'Initial context'
  const sha = commitSha(null, message, files, at)
  const repository: RepositoryDoc = { uuid: CONTEXT_SEED.repositoryUuid, workspaceUuid, source: { kind: 'managed', defaultBranch: 'main' }, createdAt: at, updatedAt: at }
  const commit: CommitDoc = { uuid: sha, workspaceUuid, sha, parentSha: null, message, authorEmail: owner.userEmail, paths: Object.keys(files), createdAt: at }
  const fileDocs = Object.entries(files).map(
    ([path, content]): FileDoc => ({ uuid: fileKey(workspaceUuid, path), workspaceUuid, path, content, commitSha: sha, updatedAt: at, deletedAt: null }),
  )
  return [[KINDS.repository, repository], [KINDS.commit, commit], ...fileDocs.map((doc): [Kind, StoredDoc] => [KINDS.file, doc])]
}
