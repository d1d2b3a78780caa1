import type { Handler } from '../kernel/context.js'
import { SEED, SEEDED_AT } from '../kernel/seeded.js'
import type { Kind, StoredDoc } from '../kernel/store.js'
import { aiHandlers } from '../handlers/ai.js'
import { billingHandlers } from '../handlers/billing.js'
import { connectionHandlers } from '../handlers/connection.js'
import { contentHandlers } from '../handlers/content.js'
import { segmentationHandlers } from '../handlers/segmentation.js'
import { storageHandlers } from '../handlers/storage.js'
import { systemOfRecordHandlers } from '../handlers/system-of-record.js'
import { aiDocs } from '../seed-ai.js'
import { billingDocs } from '../seed-billing.js'
import { CONNECTION_SEED, connectionDocs } from '../seed-connection.js'
import { contentDocs } from '../seed-content.js'
import { segmentationDocs } from '../seed-segmentation.js'
import { storageDocs } from '../seed-storage.js'
import { systemOfRecordDocs } from '../seed-system-of-record.js'
import { contextDocs, contextHandlers } from './context/index.js'
import { expressionDocs, expressionHandlers } from './expression/index.js'
import { hostingDocs, hostingHandlers } from './hosting/index.js'
import { observabilityAlertHandlers, observabilityDocs } from './observability/index.js'
import { orchestrationDocs, orchestrationHandlers } from './orchestration/index.js'
import { revenueOrganizationDocs, revenueOrganizationHandlers } from './revenue-organization/index.js'
import { userManagementHandlers } from './user-management/index.js'
import { identityDocs, workspaceDocs, workspaceHandlers } from './workspace-management/index.js'

/**
 * The register of the emulator's domains: each domain's handlers, and the documents it is seeded with. A new
 * domain adds its handlers to `handlers` and its seed to `seededDocs`; nothing else lists domains.
 */

/** Endpoint name → handler, for every emulated endpoint. */
export const handlers: ReadonlyMap<string, Handler> = new Map([
  ...orchestrationHandlers,
  ...userManagementHandlers,
  ...aiHandlers,
  ...contentHandlers,
  ...contextHandlers,
  ...expressionHandlers,
  ...observabilityAlertHandlers,
  ...storageHandlers,
  ...segmentationHandlers,
  ...connectionHandlers,
  ...systemOfRecordHandlers,
  ...billingHandlers,
  ...workspaceHandlers,
  ...hostingHandlers,
  ...revenueOrganizationHandlers,
])

/** Every domain's seeded documents, in the order they are stored. */
export function seededDocs(): Array<[Kind, StoredDoc]> {
  // the domains that receive the workspace they are seeded into
  const owner = { workspaceUuid: SEED.workspaceUuid, userUuid: SEED.userUuid, at: SEEDED_AT }
  return [
    ...identityDocs(),
    ...orchestrationDocs(),
    ...aiDocs(),
    ...contentDocs(),
    ...storageDocs(),
    ...segmentationDocs(),
    ...connectionDocs(),
    ...systemOfRecordDocs(),
    ...billingDocs(),
    ...workspaceDocs(),
    ...hostingDocs(owner),
    ...revenueOrganizationDocs({ ...owner, connectorUuid: CONNECTION_SEED.hubspotConnectorUuid, modelUuid: SEED.modelUuid }),
    ...contextDocs({ ...owner, userEmail: SEED.userEmail }),
    ...expressionDocs(owner),
    ...observabilityDocs({ ...owner, workflowUuid: SEED.tool.workflowUuid, modelUuid: SEED.modelUuid }),
  ]
}
