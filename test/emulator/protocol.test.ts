import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import { getCurrentUser } from '../../src/api/endpoints/user-management.js'
import { handlers } from '../../src/emulator/domains/index.js'
import { buildEmulator } from '../../src/emulator/emulator.js'
import { SEED } from '../../src/emulator/index.js'
import { parseQuery } from '../../src/emulator/kernel/payload.js'
import { matchRoute } from '../../src/emulator/kernel/routes.js'
import { serializeQuery } from '../../src/api/query-string.js'
import { Harness, ORIGIN } from './harness.js'

describe('emulator protocol', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('auth', () => {
    it('answers 401 without a token or with an unknown one', async () => {
      for (const headers of [{ authorization: '' }, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }]) {
        expect(await h.raw('GET', '/v1/orchestration/tools/list', { headers })).toEqual({ status: 401, body: { errorMessage: 'Unauthorized' } })
      }
    })

    it('answers 403 for a workspace the token cannot access', async () => {
      const answer = await h.call(o.listTools, {}, { workspaceUuid: '99999999-0000-4000-8000-000000000000' })
      expect(answer).toEqual({ status: 403, body: { errorMessage: 'Forbidden' } })
    })

    it("uses the token's workspace when no header names one, and reads the scheme case-insensitively", async () => {
      const answer = await h.raw('GET', '/v1/userManagement/users/current', { headers: { authorization: `bearer ${SEED.token}` } })
      expect(answer.status).toBe(200)
      expect(answer.body.user).toMatchObject({ uuid: SEED.userUuid, email: SEED.userEmail })
      expect((await h.ok(getCurrentUser, {})).user.uuid).toBe(SEED.userUuid)
    })
  })

  describe('routing', () => {
    it('prefers literal segments over placeholders', () => {
      expect(matchRoute('GET', '/orchestration/batches/list')?.endpoint.name).toBe('orchestration.listBatches')
      expect(matchRoute('GET', '/orchestration/batches/abc')?.endpoint.name).toBe('orchestration.getBatch')
      expect(matchRoute('GET', '/orchestration/releases/draft')?.endpoint.name).toBe('orchestration.getDraftRelease')
      expect(matchRoute('POST', '/orchestration/batches/abc/cancel')).toMatchObject({ params: { uuid: 'abc' } })
    })

    it('answers 404 for an unknown path', async () => {
      const answer = await h.raw('GET', '/v1/orchestration/nothing')
      expect(answer).toEqual({ status: 404, body: { errorMessage: 'No such endpoint: GET /v1/orchestration/nothing' } })
      expect((await h.raw('POST', '/elsewhere')).status).toBe(404)
    })

    it('answers 404 with only the reason when the endpoint knows it, and spells it out otherwise', async () => {
      expect(await h.call(o.getTool, { uuid: '00000000-0000-4000-8000-00000000dead' })).toEqual({ status: 404, body: { reason: 'toolNotFound' } })
      expect(await h.call(o.getRun, { uuid: '00000000-0000-4000-8000-00000000dead' })).toEqual({ status: 404, body: { reason: 'runNotFound', errorMessage: 'Run not found.' } })
      expect(await h.call(o.createRun, { workflowUuid: '00000000-0000-4000-8000-00000000dead', data: {} })).toEqual({ status: 404, body: { reason: 'workflowNotFound' } })
    })

    it('answers 501 for an endpoint of the tables without a handler', async () => {
      const table = new Map(handlers)
      table.delete(o.listTools.name)
      const partial = buildEmulator({ dbPath: h.dbPath }, table)
      const response = await partial.handle(new Request(`${ORIGIN}/v1/orchestration/tools/list`, { headers: { authorization: `Bearer ${SEED.token}` } }))
      expect(response.status).toBe(501)
      expect(await response.json()).toEqual({ errorMessage: 'GET /orchestration/tools/list (orchestration.listTools) is not emulated' })
      partial.close()
    })
  })

  describe('payloads', () => {
    it('refuses an invalid payload with 400 naming the field', async () => {
      const answer = await h.raw('POST', '/v1/orchestration/spans/list', { body: JSON.stringify({ limit: -1 }) })
      expect(answer.status).toBe(400)
      expect(answer.body.reason).toBe('invalidPayload')
      expect(answer.body.errorMessage).toMatch(/executionStartedAfter/)
      expect(answer.body.errorMessage).toMatch(/limit/)
    })

    it("uses the endpoint's own validation reason where it declares one", async () => {
      const run = await h.raw('POST', '/v1/orchestration/runs', { body: JSON.stringify({ workflowUuid: SEED.tool.workflowUuid }) })
      expect(run.body).toMatchObject({ reason: 'invalidData', errorMessage: expect.stringMatching(/data/) })
      const both = await h.raw('POST', '/v1/orchestration/runs', {
        body: JSON.stringify({ workflowUuid: SEED.tool.workflowUuid, releaseUuid: SEED.tool.releaseUuid, nodes: [], data: {} }),
      })
      expect(both).toMatchObject({ status: 400, body: { reason: 'invalidReleaseOrCustomNodes' } })
      const batch = await h.raw('POST', '/v1/orchestration/batches', { body: JSON.stringify({ workflowUuid: SEED.tool.workflowUuid, data: { kind: 'recordIds' } }) })
      expect(batch.body).toMatchObject({ reason: 'dataError', dataError: { reason: 'invalidData' } })
    })

    it('refuses a body that is not JSON', async () => {
      const answer = await h.raw('POST', '/v1/orchestration/runs/count', { body: '{oops' })
      expect(answer).toEqual({ status: 400, body: { errorMessage: 'The request body is not valid JSON', reason: 'invalidPayload' } })
    })

    it('parses query strings qs-style and coerces them by the schema', async () => {
      expect(parseQuery('a[]=x&a[]=y&b[c]=1&s=Q1+campaigns,+EU&sort[][columnSlug]=a&sort[][kind]=asc&r=a&r=b')).toEqual({
        a: ['x', 'y'],
        b: { c: '1' },
        s: 'Q1 campaigns, EU',
        sort: [{ columnSlug: 'a', kind: 'asc' }],
        r: ['a', 'b'],
      })
      const query = serializeQuery({ workflowUuids: [SEED.play.workflowUuid], isFinished: false, limit: 5 })
      const answer = await h.raw('GET', `/v1/orchestration/batches/list${query}`)
      expect(answer).toEqual({ status: 200, body: { batches: [] } })
      const single = await h.raw('GET', '/v1/orchestration/releases/list?statuses[]=deployed&limit=1')
      expect(single.body.releases).toHaveLength(1)
      const wrong = await h.raw('GET', '/v1/orchestration/releases/list?limit=many')
      expect(wrong).toMatchObject({ status: 400, body: { reason: 'invalidPayload', errorMessage: expect.stringMatching(/^Invalid payload: limit/) } })
    })

    it('reads the JSON body of every method, and answers {} for void calls', async () => {
      const answer = await h.raw('DELETE', `/v1/orchestration/tools/${SEED.tool.uuid}`, { body: '{}' })
      expect(answer).toEqual({ status: 200, body: {} })
      expect((await h.call(o.getTool, { uuid: SEED.tool.uuid })).body).toEqual({ reason: 'toolNotFound' })
      h.emulator.reset()
      expect((await h.call(o.getTool, { uuid: SEED.tool.uuid })).status).toBe(200)
    })
  })

  it('sends nulls for nullable fields, as the real server does', async () => {
    const { tool } = await h.ok(o.getTool, { uuid: SEED.tool.uuid })
    expect(tool).toMatchObject({ publicForm: null, deletedAt: null })
  })
})
