import { actionHandlers } from './actions.js'
import { batchHandlers } from './batches.js'
import { downloadHandlers } from './downloads.js'
import { nodeHandlers } from './nodes.js'
import { playHandlers } from './plays.js'
import { queryHandlers } from './query.js'
import { recordHandlers } from './records.js'
import { releaseHandlers } from './releases.js'
import { runHandlers } from './runs.js'
import { toolHandlers } from './tools.js'
import { traceHandlers } from './traces.js'
import { workflowHandlers } from './workflows.js'

/** Every orchestration endpoint, one file per resource. */
export const orchestrationHandlers = [
  ...actionHandlers,
  ...batchHandlers,
  ...downloadHandlers,
  ...nodeHandlers,
  ...traceHandlers,
  ...playHandlers,
  ...queryHandlers,
  ...recordHandlers,
  ...releaseHandlers,
  ...runHandlers,
  ...toolHandlers,
  ...workflowHandlers,
]
