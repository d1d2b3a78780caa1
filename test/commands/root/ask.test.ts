import { describe, expect, it } from 'vitest'
import Ask from '../../../src/commands/ask.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'

const AGENT = 'aaaaaaaa-0000-4000-8000-000000000001'
const CHAT = 'cccccccc-0000-4000-8000-000000000001'

function message(status: string, text?: string) {
  return { uuid: 'm-2', chatUuid: CHAT, status, type: 'assistant', parts: text ? [{ type: 'step-start' }, { type: 'text', text }] : [] }
}

function stubConversation(finalStatus = 'success') {
  stubApi('POST', '/v1/ai/chats', { chat: { uuid: CHAT, agentUuid: AGENT } })
  stubApi('POST', '/v1/ai/messages', { userMessage: { uuid: 'm-1', chatUuid: CHAT, status: 'success' }, assistantMessage: message('pending') })
  stubApi('GET', '/v1/ai/messages/m-2', (_request: unknown, index: number) => ({ message: index === 0 ? message('running') : message(finalStatus, 'Jane Doe.') }))
}

describe('ask', () => {
  it('--print: opens a chat, sends the question, waits, prints one JSON answer', async () => {
    stubConversation()
    const result = await runCommand(Ask, ['--agent-uuid', AGENT, '--print', 'Who', 'is', 'the', 'VP?'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ chatUuid: CHAT, agentUuid: AGENT, text: 'Jane Doe.', message: { status: 'success' } })
    expect(requests.map((request) => [request.method, request.path, request.body])).toEqual([
      ['POST', '/v1/ai/chats', { agentUuid: AGENT, name: 'ask: Who is the VP?', trigger: { type: 'draft' } }],
      ['POST', '/v1/ai/messages', { chatUuid: CHAT, agentUuid: AGENT, parts: [{ type: 'text', text: 'Who is the VP?' }] }],
      ['GET', '/v1/ai/messages/m-2', undefined],
      ['GET', '/v1/ai/messages/m-2', undefined],
    ])
  })

  it('reads the question from standard input when it is not a terminal, and picks the only agent', async () => {
    stubApi('GET', '/v1/ai/agents/list', { agents: [{ uuid: AGENT, name: 'Researcher' }] })
    stubConversation()
    const result = await runCommand(Ask, [], { stdin: 'Summarise our deals\n' })
    expect(result.exitCode).toBe(0)
    expect(result.json().text).toBe('Jane Doe.')
    expect(requests[2].body).toMatchObject({ parts: [{ type: 'text', text: 'Summarise our deals' }] })
  })

  it('--continue posts in the newest chat of the agent', async () => {
    stubApi('GET', '/v1/ai/chats/list', {
      chats: [
        { uuid: 'old', createdAt: '2026-01-01T00:00:00.000Z' },
        { uuid: CHAT, createdAt: '2026-02-01T00:00:00.000Z' },
      ],
    })
    stubConversation()
    const result = await runCommand(Ask, ['--agent-uuid', AGENT, '--continue', '--print', 'And', 'the', 'email?'])
    expect(result.exitCode).toBe(0)
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/ai/chats/list', query: `agentUuid=${AGENT}&limit=50` })
    expect(requests.map((request) => request.path)).not.toContain('/v1/ai/chats')
    expect(requests[1].body).toMatchObject({ chatUuid: CHAT })
  })

  it('an answer that ends in error exits 5 with the message printed', async () => {
    stubConversation('error')
    const result = await runCommand(Ask, ['--agent-uuid', AGENT, '--print', 'Hi'])
    expect(result.exitCode).toBe(5)
    expect(result.json().message.status).toBe('error')
  })

  it('several agents and none chosen: exit 2 naming them, no chat opened', async () => {
    stubApi('GET', '/v1/ai/agents/list', { agents: [{ uuid: 'a1', name: 'One' }, { uuid: 'a2', name: 'Two' }] })
    const result = await runCommand(Ask, ['--print', 'Hi'])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toBe('Choose the agent with --agent-uuid: One (a1), Two (a2)')
    expect(requests.map((request) => request.path)).toEqual(['/v1/ai/agents/list'])
  })

  it('nothing to ask: exit 2 before any request', async () => {
    const result = await runCommand(Ask, ['--agent-uuid', AGENT, '--print'], { stdin: '  \n' })
    expect(result.exitCode).toBe(2)
    expect(requests).toEqual([])
  })
})
