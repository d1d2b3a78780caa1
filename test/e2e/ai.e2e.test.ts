import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, type ServedEmulator, tempDir, useSignedInEmulator } from './cli-process.js'

/**
 * The `ai` topic through the real CLI process against a served emulator: an agent, its chat, a message
 * answered on simulated time, a deploy that keeps what update-draft attached, and a knowledge file.
 */

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

useSignedInEmulator((served, signedIn) => {
  emulator = served
  env = signedIn
})

async function ok(args: string[]) {
  const result = await cli(args, env)
  expect(result.stderr).toBe('')
  expect(result.code, result.stdout).toBe(0)
  return result.json()
}

describe('ai: agent → chat → answered message', () => {
  let agentUuid: string
  let chatUuid: string

  it('creates an agent from the icon flags, with a draft release', async () => {
    const { agent } = await ok(['ai', 'agent', 'create', '--name', 'E2E Researcher', '--icon-color', 'purple', '--icon-face', '🔍'])
    expect(agent).toMatchObject({ name: 'E2E Researcher', icon: { color: 'purple', face: '🔍' } })
    expect(agent.deployedRelease).toBeUndefined()
    agentUuid = agent.uuid
    const { release } = await ok(['ai', 'release', 'get-draft', '--agent-uuid', agentUuid])
    expect(release).toMatchObject({ agentUuid, status: 'draft' })
  })

  it('opens a chat and waits for the answer to a message', async () => {
    const { chat } = await ok(['ai', 'chat', 'create', '--trigger', '{"type":"draft"}', '--agent-uuid', agentUuid, '--name', 'E2E session'])
    chatUuid = chat.uuid
    const parts = JSON.stringify([{ type: 'text', text: 'Who is the VP of Sales at Acme?' }])
    const { message } = await ok(['ai', 'message', 'create', '--chat-uuid', chatUuid, '--parts', parts, '--wait-until-finished', '--polling-interval', '500'])
    expect(message).toMatchObject({ type: 'assistant', status: 'success', chatUuid, agentUuid })
    expect(message.parts).toEqual([{ type: 'step-start' }, { type: 'text', text: expect.stringContaining('Who is the VP of Sales at Acme?'), state: 'done' }])
    expect(message.errorMessage).toBeUndefined()

    const { messages } = await ok(['ai', 'message', 'list', '--chat-uuid', chatUuid])
    expect(messages.map((entry: { type: string }) => entry.type)).toEqual(['user', 'assistant'])
    // this list keeps the API's nulls
    expect(messages[0].errorMessage).toBeNull()
  })

  it('a failed answer exits 5 with --exit-status', async () => {
    const parts = JSON.stringify([{ type: 'text', text: 'Please #fail' }])
    const result = await cli(['ai', 'message', 'create', '--chat-uuid', chatUuid, '--parts', parts, '--wait-until-finished', '--exit-status', '--polling-interval', '500'], env)
    expect(result.code).toBe(5)
    expect(result.json().message).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/#fail/) })
  })

  it('deploy-draft with only --agent-uuid keeps what update-draft attached', async () => {
    const mcpClients = JSON.stringify([{ kind: 'custom', name: 'Wiki', url: 'https://wiki.example.com/mcp', authentication: null, disabledToolSlugs: [] }])
    await ok(['ai', 'release', 'update-draft', '--agent-uuid', agentUuid, '--system-prompt', 'Be brief', '--mcp-clients', mcpClients])
    const { release } = await ok(['ai', 'release', 'deploy-draft', '--agent-uuid', agentUuid])
    expect(release).toMatchObject({ status: 'deployed', version: '1.0.0', systemPrompt: 'Be brief', mcpClients: [{ kind: 'custom', name: 'Wiki' }] })
    expect((await ok(['ai', 'agent', 'get', agentUuid])).agent.deployedRelease).toMatchObject({ uuid: release.uuid, version: '1.0.0' })
  })
})

describe('ai: knowledge files', () => {
  it('uploads a small file and lists it', async () => {
    const path = join(tempDir(), 'icp-criteria.md')
    writeFileSync(path, '# ICP\n\nB2B, more than 100 employees.\n')
    const uploaded = await ok(['content', 'file', 'upload', '--file', path])
    expect(uploaded).toEqual({ uuid: expect.any(String), s3Filename: `${uploaded.uuid}-icp-criteria.md`, contentType: 'text/markdown', name: 'icp-criteria.md' })

    const { files } = await ok(['content', 'file', 'list', '--kind', 'native'])
    expect(files.find((file: { uuid: string }) => file.uuid === uploaded.uuid)).toMatchObject({ name: 'icp-criteria.md', size: 37, kind: 'native' })
  })

  it('refuses a path that does not exist (exit 2, JSON error)', async () => {
    const result = await cli(['content', 'file', 'upload', '--file', join(tempDir(), 'nope.pdf')], env)
    expect(result.code).toBe(2)
    expect(result.json().errorMessage).toMatch(/no such file/)
  })
})
