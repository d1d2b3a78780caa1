import type { Handler } from '../kernel/context.js'
import { SEED, SEEDED_AT } from '../kernel/seeded.js'
import type { Kind, StoredDoc } from '../kernel/store.js'
import { aiDocs, aiHandlers } from './ai/index.js'
import { billingDocs, billingHandlers } from './billing/index.js'
import { CONNECTION_SEED, connectionDocs, connectionHandlers } from './connection/index.js'
import { contentDocs, contentHandlers } from './content/index.js'
import { contextDocs, contextHandlers } from './context/index.js'
import { expressionDocs, expressionHandlers } from './expression/index.js'
import { hostingDocs, hostingHandlers } from './hosting/index.js'
import { observabilityAlertHandlers, observabilityDocs } from './observability/index.js'
import { orchestrationDocs, orchestrationHandlers } from './orchestration/index.js'
import { revenueOrganizationDocs, revenueOrganizationHandlers } from './revenue-organization/index.js'
import { segmentationDocs, segmentationHandlers } from './segmentation/index.js'
import { storageDocs, storageHandlers } from './storage/index.js'
import { systemOfRecordDocs, systemOfRecordHandlers } from './system-of-record/index.js'
import { userManagementHandlers } from './user-management/index.js'
import { identityDocs, workspaceDocs, workspaceHandlers } from './workspace-management/index.js'

/**
 * The register of the emulator's domains: each domain's handlers, and the documents it is seeded with. A new
 * domain adds its handlers to `handlers` and its seed to `seededDocs` (and, if its endpoints are a new module of
 * src/api/endpoints, that module to kernel/routes.ts).
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
