import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, live, mustGet, on, save } from '../../kernel/context.js'
import { type ToolDoc } from './documents.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { badRequest } from '../../kernel/http.js'
import { checkFolder } from '../workspace-management/handlers.js'
import { iso } from '../../kernel/timing.js'
import { createWorkflow, updateWorkflow, workflowChanges } from './workflows.js'

/** The server gives each cron trigger the id of its schedule. */
function storedTriggers(triggers: JsonObject[] | undefined): JsonObject[] | undefined {
  return triggers?.map((trigger) => ({ description: null, ...trigger, temporalScheduleWorkflowId: `schedule-${randomUUID()}` }))
}

function editableTool(ctx: Ctx, uuid: string): ToolDoc {
  const tool = mustGet<ToolDoc>(ctx, 'tool', uuid, 'tool')
  if (tool.isReadOnly) throw badRequest('toolIsReadOnly')
  return tool
}

export const toolHandlers = [
  on(api.listTools, (ctx) => ({ tools: live<ToolDoc>(ctx, 'tool').map(publicView) })),
  on(api.getTool, (ctx, { uuid }) => ({ tool: publicView(mustGet<ToolDoc>(ctx, 'tool', uuid, 'tool')) })),
  on(api.createTool, (ctx, payload) => {
    checkFolder(ctx, payload.folderUuid)
    const uuid = randomUUID()
    const workflow = createWorkflow(ctx, { toolUuid: uuid }, payload.folderUuid ?? null)
    const tool: ToolDoc = {
      uuid,
      icon: payload.icon as JsonObject,
      workspaceUuid: ctx.workspaceUuid,
      workflowUuid: workflow.uuid,
      userUuid: ctx.userUuid,
      name: payload.name,
      folderUuid: payload.folderUuid ?? null,
      creditsCost: { kind: 'minMax' },
      description: payload.description ?? null,
      isReadOnly: false,
      triggers: storedTriggers(payload.triggers as JsonObject[] | undefined) ?? [],
      publicForm: null,
      deletedAt: null,
      ...stamps(ctx),
    }
    save(ctx, 'tool', tool)
    return { tool: publicView(tool) }
  }),
  on(api.updateTool, (ctx, payload) => {
    const tool = editableTool(ctx, payload.uuid)
    checkFolder(ctx, payload.folderUuid)
    const changes = sent(payload, ['name', 'icon', 'description', 'publicForm', 'folderUuid'])
    const triggers = storedTriggers(payload.triggers as JsonObject[] | undefined)
    const updated = { ...tool, ...changes, ...(triggers ? { triggers } : {}), updatedAt: iso(ctx.now) } as ToolDoc
    save(ctx, 'tool', updated)
    updateWorkflow(ctx, tool.workflowUuid, workflowChanges(tool.workflowUuid, payload))
    return { tool: publicView(updated) }
  }),
  on(api.removeTool, (ctx, { uuid }) => {
    const tool = editableTool(ctx, uuid)
    save(ctx, 'tool', { ...tool, deletedAt: iso(ctx.now) })
    updateWorkflow(ctx, tool.workflowUuid, { deletedAt: iso(ctx.now) })
  }),
]
