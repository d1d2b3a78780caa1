/**
 * The `ai` commands that are more than one payload → one request, and the traps of the spec notes:
 * waiting for an agent's answer, the icon flags, deploy-draft filling from the draft, defaults the API
 * requires, a DELETE with a query string, ids that go in the path only, and the messages list's nulls.
 */
import { describe, expect, it } from 'vitest'
import { listMessages } from '../../../src/api/endpoints/ai.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand } from '../../support/run-command.js'
import { type ExpectedRequest, expectApiHeaders, expectSuccess, loadCommand, pick, printed } from '../../support/spec-table.js'
import { agent, agentUuid, assistantMessageUuid, chatUuid, draftReleaseUuid, jsonSamples, message, release, resultFixtures } from '../../fixtures/ai.js'

const run = async (id: string, argv: string[], options: Parameters<typeof runCommand>[2] = {}) => runCommand(await loadCommand(id), argv, options)
const get = (path: string, query = ''): ExpectedRequest => ({ method: 'GET', path, query, body: undefined })
const parts = JSON.stringify(jsonSamples.parts)

describe('ai message create --wait-until-finished', () => {
  const created = resultFixtures['ai.createMessage']
  const polled = (status: string) => ({ message: message('assistant', status) })
  function stubAnswer(statuses: string[]) {
    stubApi('POST', '/v1/ai/messages', created)
    stubApi('GET', '/v1/ai/messages/{uuid}', (_request, index) => polled(statuses[Math.min(index, statuses.length - 1)]))
  }

  it('polls the assistant message every 2 s and prints its final {message}', async () => {
    stubAnswer(['pending', 'generating', 'success'])
    const clock = new FakeClock()
    const result = await run('ai message create', ['--chat-uuid', chatUuid, '--parts', parts, '--wait-until-finished'], { clock })
    expectSuccess(result, printed(stripNulls(polled('success'))))
    expect(requests.map(pick)).toStrictEqual([
      { method: 'POST', path: '/v1/ai/messages', query: '', body: { chatUuid, parts: jsonSamples.parts } },
      ...Array(3).fill(get(`/v1/ai/messages/${assistantMessageUuid}`)),
    ])
    requests.forEach((request) => expectApiHeaders(request))
    expect(clock.sleeps).toEqual([2000, 2000])
  })

  it.each([
    { status: 'error', plain: 0, strict: 5 },
    { status: 'cancelled', plain: 0, strict: 5 },
    { status: 'success', plain: 0, strict: 0 },
  ])('ends on $status: exit $plain, or $strict with --exit-status', async ({ status, plain, strict }) => {
    const argv = ['--chat-uuid', chatUuid, '--parts', parts, '--wait-until-finished']
    stubAnswer([status])
    const first = await run('ai message create', argv, { clock: new FakeClock() })
    stubAnswer([status])
    const second = await run('ai message create', [...argv, '--exit-status'], { clock: new FakeClock() })
    expect([first.exitCode, first.json().message.status, second.exitCode, second.json().message.status]).toEqual([plain, status, strict, status])
  })

  it('--wait-timeout gives up with the command that resumes the wait', async () => {
    stubAnswer(['generating'])
    const clock = new FakeClock()
    const result = await run('ai message create', ['--chat-uuid', chatUuid, '--parts', parts, '--wait-until-finished', '--wait-timeout', '5s'], { clock })
    expect(result.exitCode).toBe(4)
    expect(result.json()).toEqual({
      errorMessage: `Stopped waiting after 5s: message ${assistantMessageUuid} is still generating and keeps running. Resume with: cargo-ai ai message wait ${assistantMessageUuid}`,
      reason: 'waitTimeout',
      uuid: assistantMessageUuid,
      lastStatus: 'generating',
    })
  })

  it('without the flag prints the create answer at once, the assistant message pending', async () => {
    stubAnswer(['success'])
    const clock = new FakeClock()
    const result = await run('ai message create', ['--chat-uuid', chatUuid, '--parts', parts], { clock })
    expectSuccess(result, printed(stripNulls(created)))
    expect(requests).toHaveLength(1)
    expect(clock.sleeps).toEqual([])
  })

  it('ai message wait <uuid> polls only the get call, at --polling-interval', async () => {
    stubApi('GET', '/v1/ai/messages/{uuid}', (_request, index) => polled(index === 0 ? 'generating' : 'error'))
    const clock = new FakeClock()
    const result = await run('ai message wait', [assistantMessageUuid, '--exit-status', '--polling-interval', '500'], { clock })
    expect(result.exitCode).toBe(5)
    expect(result.json()).toEqual(stripNulls(polled('error')))
    expect(requests.map(pick)).toStrictEqual(Array(2).fill(get(`/v1/ai/messages/${assistantMessageUuid}`)))
    expect(clock.sleeps).toEqual([500])
  })
})

describe('ai message list keeps every null', () => {
  it('prints the answer exactly as received', async () => {
    const answer = resultFixtures['ai.listMessages']
    stubApi('GET', '/v1/ai/messages/list', answer)
    const result = await run('ai message list', ['--chat-uuid', chatUuid, '--limit', '20'])
    expectSuccess(result, printed(answer))
    expect(listMessages.keepNulls).toEqual(['*'])
    expect(result.json().messages[1]).toMatchObject({ errorMessage: null, connectorUuid: null, deletedAt: null })
    expect(requests.map(pick)).toStrictEqual([get('/v1/ai/messages/list', `chatUuid=${chatUuid}&limit=20`)])
  })
})

describe('ai release deploy-draft fills what the API requires from the current draft', () => {
  const draft = release(draftReleaseUuid, 'draft')
  const deployPath = '/v1/ai/releases/draft/deploy'

  it('reads the draft and sends its values for the required fields left out, the flags winning', async () => {
    stubApi('GET', '/v1/ai/releases/draft', { release: draft })
    stubApi('POST', deployPath, resultFixtures['ai.deployDraftRelease'])
    const result = await run('ai release deploy-draft', ['--agent-uuid', agentUuid, '--language-model-slug', 'gpt-4o-mini', '--capabilities', '[]', '--description', 'Cheaper'])
    expectSuccess(result, printed(stripNulls(resultFixtures['ai.deployDraftRelease'])))
    const fromDraft = stripNulls(draft) as typeof draft
    expect(requests.map(pick)).toStrictEqual([
      get('/v1/ai/releases/draft', `agentUuid=${agentUuid}`),
      {
        method: 'POST',
        path: deployPath,
        query: '',
        body: {
          agentUuid,
          languageModelSlug: 'gpt-4o-mini',
          capabilities: [],
          description: 'Cheaper',
          integrationSlug: 'openai',
          actions: fromDraft.actions,
          mcpClients: fromDraft.mcpClients,
          resources: fromDraft.resources,
          suggestedActions: fromDraft.suggestedActions,
        },
      },
    ])
    // what update-draft attached is deployed, not wiped
    expect((requests[1].body as { resources: unknown[] }).resources).toHaveLength(1)
  })

  it('reads nothing when every required field is given', async () => {
    stubApi('POST', deployPath, resultFixtures['ai.deployDraftRelease'])
    const given = ['--integration-slug', 'openai', '--language-model-slug', 'gpt-4o', '--actions', '[]', '--mcp-clients', '[]', '--resources', '[]', '--capabilities', '[]', '--suggested-actions', '[]']
    const result = await run('ai release deploy-draft', ['--agent-uuid', agentUuid, ...given])
    expect(result.exitCode).toBe(0)
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`POST ${deployPath}`])
  })

  it('a missing agent stops at the draft read (agentNotFound from the API)', async () => {
    stubApi('GET', '/v1/ai/releases/draft', { reason: 'agentNotFound' }, 404)
    const result = await run('ai release deploy-draft', ['--agent-uuid', agentUuid])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toMatchObject({ status: 404, reason: 'agentNotFound' })
    expect(requests).toHaveLength(1)
  })
})

describe('agents: --icon-color and --icon-face make the icon object', () => {
  it('create sends {icon: {color, face}}', async () => {
    stubApi('POST', '/v1/ai/agents', resultFixtures['ai.createAgent'])
    const triggers = JSON.stringify(jsonSamples.triggers)
    const result = await run('ai agent create', ['--name', 'Lead Researcher', '--icon-color', 'blue', '--icon-face', '🤖', '--description', 'Finds leads', '--triggers', triggers])
    expectSuccess(result, printed(stripNulls(resultFixtures['ai.createAgent'])))
    expect(requests.map(pick)).toStrictEqual([
      { method: 'POST', path: '/v1/ai/agents', query: '', body: { name: 'Lead Researcher', description: 'Finds leads', triggers: jsonSamples.triggers, icon: { color: 'blue', face: '🤖' } } },
    ])
    expectApiHeaders(requests[0])
  })

  it('create refuses a colour the API does not have, and a missing face, before sending', async () => {
    const badColour = await run('ai agent create', ['--name', 'X', '--icon-color', 'pink', '--icon-face', '🤖'])
    const noFace = await run('ai agent create', ['--name', 'X', '--icon-color', 'blue'])
    expect([badColour.exitCode, noFace.exitCode]).toEqual([2, 2])
    expect(noFace.json().errorMessage).toMatch(/icon-face/)
    expect(requests).toEqual([])
  })

  it('update with one half reads the agent for the other; the uuid goes in the path only', async () => {
    stubApi('GET', '/v1/ai/agents/{uuid}', { agent })
    stubApi('PUT', '/v1/ai/agents/{uuid}', { agent })
    const result = await run('ai agent update', ['--uuid', agentUuid, '--icon-face', '🦉', '--description', 'null'])
    expect(result.exitCode).toBe(0)
    expect(requests.map(pick)).toStrictEqual([
      get(`/v1/ai/agents/${agentUuid}`),
      { method: 'PUT', path: `/v1/ai/agents/${agentUuid}`, query: '', body: { description: null, icon: { color: 'blue', face: '🦉' } } },
    ])
  })

  it('update with both halves, or none, reads nothing', async () => {
    stubApi('PUT', '/v1/ai/agents/{uuid}', { agent })
    await run('ai agent update', ['--uuid', agentUuid, '--icon-color', 'red', '--icon-face', '🔥'])
    await run('ai agent update', ['--uuid', agentUuid, '--name', 'Renamed', '--template', JSON.stringify(jsonSamples.template)])
    expect(requests.map(pick)).toStrictEqual([
      { method: 'PUT', path: `/v1/ai/agents/${agentUuid}`, query: '', body: { icon: { color: 'red', face: '🔥' } } },
      { method: 'PUT', path: `/v1/ai/agents/${agentUuid}`, query: '', body: { name: 'Renamed', template: jsonSamples.template } },
    ])
  })
})

describe('fields the API requires, sent when the flag is absent', () => {
  it('mcp-server create sends empty actions and resources', async () => {
    stubApi('POST', '/v1/ai/mcpServers', resultFixtures['ai.createMcpServer'])
    const result = await run('ai mcp-server create', ['--name', 'Internal Tools'])
    expect(result.exitCode).toBe(0)
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path: '/v1/ai/mcpServers', query: '', body: { name: 'Internal Tools', actions: [], resources: [] } }])
  })

  it('mcp-server create --url (a docs example) is refused with the way to attach a URL (§19.11)', async () => {
    const result = await run('ai mcp-server create', ['--name', 'Internal Tools', '--url', 'https://mcp.example.com'])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(/no URL.*ai release update-draft --agent-uuid <uuid> --mcp-clients/)
    expect(requests).toEqual([])
  })

  it('prompt evaluate sends empty actions, resources and capabilities', async () => {
    stubApi('POST', '/v1/ai/prompts/evaluate', resultFixtures['ai.evaluatePrompt'])
    await run('ai prompt evaluate', ['--prompt', 'Hi', '--capabilities', '[{"slug":"memory"}]'])
    expect(requests[0].body).toStrictEqual({ prompt: 'Hi', capabilities: [{ slug: 'memory' }], actions: [], resources: [] })
  })

  it('vote upsert sends isUpvoted false without --is-upvoted', async () => {
    stubApi('PUT', '/v1/ai/votes', resultFixtures['ai.upsertVote'])
    await run('ai vote upsert', ['--chat-uuid', chatUuid, '--message-uuid', assistantMessageUuid])
    await run('ai vote upsert', ['--chat-uuid', chatUuid, '--message-uuid', assistantMessageUuid, '--is-upvoted'])
    expect(requests.map((request) => request.body)).toStrictEqual([
      { chatUuid, messageUuid: assistantMessageUuid, isUpvoted: false },
      { chatUuid, messageUuid: assistantMessageUuid, isUpvoted: true },
    ])
  })
})

describe('template list', () => {
  it('takes its filters in a POST body, {} when there are none', async () => {
    stubApi('POST', '/v1/ai/templates/list', resultFixtures['ai.listTemplates'])
    await run('ai template list', [])
    await run('ai template list', ['--kinds', 'mcpServer'])
    expect(requests.map(pick)).toStrictEqual([
      { method: 'POST', path: '/v1/ai/templates/list', query: '', body: {} },
      { method: 'POST', path: '/v1/ai/templates/list', query: '', body: { kinds: ['mcpServer'] } },
    ])
    expect(requests[0].headers['content-type']).toBe('application/json')
  })
})

describe('memories', () => {
  it('remove is a DELETE with scope and agentUuid in the query string, mem0Id in the path, no body', async () => {
    stubApi('DELETE', '/v1/ai/memories/{mem0Id}', undefined)
    const result = await run('ai memory remove', ['--mem0-id', 'mem-42', '--scope', 'agent', '--agent-uuid', agentUuid])
    expectSuccess(result, '{}\n')
    expect(requests.map(pick)).toStrictEqual([{ method: 'DELETE', path: '/v1/ai/memories/mem-42', query: `scope=agent&agentUuid=${agentUuid}`, body: undefined }])
    expectApiHeaders(requests[0])
  })

  it('update sends content, scope and agentUuid in the body, mem0Id in the path', async () => {
    stubApi('PUT', '/v1/ai/memories/{mem0Id}', undefined)
    await run('ai memory update', ['--mem0-id', 'mem-42', '--scope', 'user', '--content', 'Likes tables'])
    expect(requests.map(pick)).toStrictEqual([{ method: 'PUT', path: '/v1/ai/memories/mem-42', query: '', body: { content: 'Likes tables', scope: 'user' } }])
  })

  it('the agent scope needs --agent-uuid (nothing sent); the docs-only workspace scope is passed on (§19.12)', async () => {
    const missing = await run('ai memory list', ['--scope', 'agent'])
    expect(missing.exitCode).toBe(2)
    expect(missing.json().errorMessage).toMatch(/--agent-uuid/)
    expect(requests).toEqual([])
    stubApi('GET', '/v1/ai/memories/list', { errorMessage: 'Memories have a user or an agent scope; the API has no workspace scope', reason: 'invalidScope' }, 400)
    const workspace = await run('ai memory list', ['--scope', 'workspace'])
    expect(workspace.json()).toMatchObject({ errorMessage: expect.stringMatching(/no workspace scope/), status: 400 })
    expect(requests.map(pick)).toStrictEqual([get('/v1/ai/memories/list', 'scope=workspace')])
  })
})

describe('ids in the path stay out of the body', () => {
  it.each([
    { id: 'ai chat update', argv: ['--uuid', chatUuid, '--name', 'Renamed'], method: 'PUT', path: `/v1/ai/chats/${chatUuid}`, body: { name: 'Renamed' } },
    { id: 'ai mcp-server update', argv: ['--uuid', agentUuid, '--folder-uuid', 'null'], method: 'PUT', path: `/v1/ai/mcpServers/${agentUuid}`, body: { folderUuid: null } },
    { id: 'content file update', argv: ['--uuid', agentUuid, '--name', 'kb.pdf'], method: 'PUT', path: `/v1/content/files/${agentUuid}`, body: { name: 'kb.pdf' } },
    { id: 'ai release update-draft', argv: ['--agent-uuid', agentUuid, '--max-steps', '5'], method: 'PUT', path: '/v1/ai/releases/draft/update', body: { agentUuid, maxSteps: 5 } },
  ])('$id → $method $path', async ({ id, argv, method, path, body }) => {
    stubApi(method, path, { chat: {}, mcpServer: {}, file: {}, release: {} })
    const result = await run(id, argv)
    expect(result.exitCode).toBe(0)
    expect(requests.map(pick)).toStrictEqual([{ method, path, query: '', body }])
  })
})
