import type { ChangeDoc } from './documents.js'
import { companies } from '../orchestration/seed.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'

/**
 * Seeded segmentation: the first change of the "US companies" segment of the orchestration seed (uuid …302), in which
 * its three records entered.
 */

export const SEGMENTATION_SEED = { usCompaniesChangeUuid: id(0x2101) } as const

export function segmentationDocs(): Array<[Kind, StoredDoc]> {
  // the records as the storage handlers serve them: every column, then _title and _emitted_at
  const added = companies.filter((row) => row.country === 'US').map((row) => ({ ...row, _title: row.name, _emitted_at: SEEDED_AT }))
  const change: ChangeDoc = {
    uuid: SEGMENTATION_SEED.usCompaniesChangeUuid,
    workspaceUuid: SEED.workspaceUuid,
    segmentUuid: SEED.segmentUuid,
    slug: 'us_companies_change_1',
    totalRecordsCount: added.length,
    updatedRecordsCount: 0,
    removedRecordsCount: 0,
    addedRecordsCount: added.length,
    unchangedRecordsCount: 0,
    createdAt: SEEDED_AT,
    _entries: added.map((record) => ({ kind: 'added', record })),
  }
  return [['change', change]]
}
