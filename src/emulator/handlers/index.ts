import type { Handler } from '../kernel/context.js'
import { aiHandlers } from './ai.js'
import { contentHandlers } from './content.js'
import { contextHandlers } from '../domains/context/index.js'
import { expressionHandlers } from '../domains/expression/index.js'
import { observabilityAlertHandlers } from '../domains/observability/index.js'
import { storageHandlers } from './storage.js'
import { segmentationHandlers } from './segmentation.js'
import { connectionHandlers } from './connection.js'
import { systemOfRecordHandlers } from './system-of-record.js'
import { billingHandlers } from './billing.js'
import { actionHandlers } from './actions.js'
import { batchHandlers } from './batches.js'
import { downloadHandlers } from './downloads.js'
import { identityHandlers } from './identity.js'
import { nodeHandlers } from './nodes.js'
import { observabilityHandlers } from './observability.js'
import { playHandlers } from './plays.js'
import { queryHandlers } from './query.js'
import { recordHandlers } from './records.js'
import { releaseHandlers } from './releases.js'
import { runHandlers } from './runs.js'
import { toolHandlers } from './tools.js'
import { workflowHandlers } from './workflows.js'
import { workspaceHandlers } from './workspace.js'
import { hostingHandlers } from '../domains/hosting/index.js'
import { revenueOrganizationHandlers } from '../domains/revenue-organization/index.js'

/** Endpoint name → handler, for every emulated endpoint. */
export const handlers: ReadonlyMap<string, Handler> = new Map([
  ...actionHandlers,
  ...batchHandlers,
  ...downloadHandlers,
  ...identityHandlers,
  ...nodeHandlers,
  ...observabilityHandlers,
  ...playHandlers,
  ...queryHandlers,
  ...recordHandlers,
  ...releaseHandlers,
  ...runHandlers,
  ...toolHandlers,
  ...workflowHandlers,
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
