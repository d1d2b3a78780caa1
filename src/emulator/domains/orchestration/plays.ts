import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, live, mustGet, on, save } from '../../kernel/context.js'
import { type ModelDoc, type PlayDoc, type SegmentDoc } from './documents.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { badRequest } from '../../kernel/http.js'
import { deployedRelease } from './runtime.js'
import { equal, select } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { checkFolder } from '../workspace-management/handlers.js'
import { createWorkflow, updateWorkflow, workflowChanges } from './workflows.js'

/** Cron and watch schedules get the id of their engine schedule. */
function storedSchedule(schedule: JsonObject | null | undefined): JsonObject | null | undefined {
  if (!schedule) return schedule
  return schedule.type === 'cron' || schedule.type === 'watch' ? { ...schedule, temporalScheduleWorkflowId: `schedule-${randomUUID()}` } : schedule
}

const segmentFields = ['filter', 'sort', 'limit'] as const

/** A play watches a segment of its model, created and updated with it. */
function createSegment(ctx: Ctx, play: { name: string; modelUuid: string; filter?: JsonObject; sort?: JsonObject[]; limit?: number }): SegmentDoc {
  const segment: SegmentDoc = {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    modelUuid: play.modelUuid,
    name: `${play.name} (play)`,
    filter: play.filter ?? { conjonction: 'and', groups: [] },
    sort: play.sort ?? null,
    limit: play.limit ?? null,
    fromPlay: true,
    deletedAt: null,
    ...stamps(ctx),
  }
  save(ctx, 'segment', segment)
  return segment
}

function updateSegment(ctx: Ctx, segmentUuid: string, changes: Partial<SegmentDoc>): void {
  const segment = ctx.store.get<SegmentDoc>('segment', segmentUuid)
  if (segment && Object.keys(changes).length > 0) save(ctx, 'segment', { ...segment, ...changes, updatedAt: iso(ctx.now) })
}

const playFilters = {
  isEnabled: equal('isEnabled'),
  modelUuid: equal('modelUuid'),
  segmentUuid: equal('segmentUuid'),
  scheduleType: ((play: Record<string, unknown>, type: string) => (play.schedule as JsonObject | null)?.type === type) as never,
}

export const playHandlers = [
  on(api.listPlays, (ctx, payload) => ({ plays: select(live<PlayDoc>(ctx, 'play'), payload, playFilters).map(publicView) })),
  on(api.getPlay, (ctx, { uuid }) => ({ play: publicView(mustGet<PlayDoc>(ctx, 'play', uuid, 'play')) })),
  on(api.createPlay, (ctx, payload) => {
    mustGet<ModelDoc>(ctx, 'model', payload.modelUuid, 'model')
    checkFolder(ctx, payload.folderUuid)
    const uuid = randomUUID()
    const workflow = createWorkflow(ctx, { playUuid: uuid }, payload.folderUuid ?? null)
    const segment = createSegment(ctx, payload as never)
    const play: PlayDoc = {
      uuid,
      workspaceUuid: ctx.workspaceUuid,
      workflowUuid: workflow.uuid,
      userUuid: ctx.userUuid,
      modelUuid: payload.modelUuid,
      segmentUuid: segment.uuid,
      changeKinds: payload.changeKinds,
      runCreationRule: payload.runCreationRule,
      name: payload.name,
      description: payload.description ?? null,
      schedule: storedSchedule(payload.schedule as JsonObject | undefined) ?? null,
      isEnabled: false,
      healthThreshold: 0.5,
      healthAlertActions: [],
      folderUuid: payload.folderUuid ?? null,
      deletedAt: null,
      ...stamps(ctx),
    }
    save(ctx, 'play', play)
    return { play: publicView(play) }
  }),
  on(api.updatePlay, (ctx, payload) => {
    const play = mustGet<PlayDoc>(ctx, 'play', payload.uuid, 'play')
    checkFolder(ctx, payload.folderUuid)
    if (payload.isEnabled === true && !deployedRelease(ctx, play.workflowUuid)) throw badRequest('playNotDeployed')
    const changes = sent(payload, ['name', 'description', 'isEnabled', 'changeKinds', 'runCreationRule', 'healthThreshold', 'healthAlertActions', 'folderUuid'])
    const schedule = payload.schedule === undefined ? {} : { schedule: storedSchedule(payload.schedule as JsonObject | null) ?? null }
    const updated = { ...play, ...changes, ...schedule, updatedAt: iso(ctx.now) } as PlayDoc
    save(ctx, 'play', updated)
    updateSegment(ctx, play.segmentUuid, sent(payload, segmentFields) as Partial<SegmentDoc>)
    updateWorkflow(ctx, play.workflowUuid, workflowChanges(play.workflowUuid, payload))
    return { play: publicView(updated) }
  }),
  on(api.removePlay, (ctx, { uuid }) => {
    const play = mustGet<PlayDoc>(ctx, 'play', uuid, 'play')
    const deletedAt = iso(ctx.now)
    save(ctx, 'play', { ...play, deletedAt })
    updateSegment(ctx, play.segmentUuid, { deletedAt })
    updateWorkflow(ctx, play.workflowUuid, { deletedAt })
  }),
]
