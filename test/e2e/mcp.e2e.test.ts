/**
 * `cargo-ai mcp` as an agent host runs it: the SDK's own client drives the real bin/run.js over stdio (the
 * embedded emulator), with --server and --remote against a served emulator, and --port over HTTP.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { McpError } from '@modelcontextprotocol/sdk/types.js'
import { join } from 'node:path'
import { fetch as undiciFetch } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AI_SEED } from '../../src/emulator/domains/ai/seed.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { SEED } from '../../src/emulator/kernel/seeded.js'
import { projectRoot } from '../support/run-command.js'
import { cleanEnv, cli, freshConfigDir, type ServedEmulator, startCli, useSignedInEmulator } from './cli-process.js'

const bin = join(projectRoot, 'bin', 'run.js')

const PLATFORM_TOOLS = [
  'whoami',
  'get_usage',
  'search_actions',
  'get_action_schema',
  'autocomplete_action',
  'execute_action',
  'execute_action_batch',
  'get_run',
  'get_batch',
  'list_runs',
  'list_models',
  'describe_model',
  'query_models',
]
const enrichAction = { kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich' }
const toolAction = { kind: 'tool', toolUuid: SEED.tool.uuid }
const UNKNOWN_UUID = '00000000-0000-4000-8000-00000000dead'

interface TextAnswer {
  content: Array<{ type: string; text: string }>
  isError?: boolean
}

/** The SDK client on `cargo-ai mcp <args>` over stdio; stderr is kept, to check that stdout carried only the protocol. */
async function stdioClient(args: string[], env: NodeJS.ProcessEnv): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', ...args], env: env as Record<string, string>, stderr: 'pipe' })
  let stderr = ''
  transport.stderr?.on('data', (chunk) => (stderr += chunk))
  const client = new Client({ name: 'cargo-ai-e2e', version: '1.0.0' })
  await client.connect(transport)
  return { client, stderr: () => stderr }
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; value: any }> {
  const answer = (await client.callTool({ name, arguments: args })) as TextAnswer
  expect(answer.content).toHaveLength(1)
  return { isError: answer.isError === true, value: JSON.parse(answer.content[0].text) }
}

async function succeeds(client: Client, name: string, args: Record<string, unknown> = {}): Promise<any> {
  const { isError, value } = await call(client, name, args)
  expect(isError, `${name}: ${JSON.stringify(value)}`).toBe(false)
  return value
}

describe('cargo-ai mcp over stdio, on the embedded emulator', () => {
  let client: Client
  let stderr: () => string
  const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), CARGO_AI_EMULATOR_SPEED: 'instant' })

  beforeAll(async () => {
    expect((await cli(['login', '--emulator'], env)).code).toBe(0)
    ;({ client, stderr } = await stdioClient([], env))
  })
  afterAll(async () => {
    await client?.close()
  })

  it('answers initialize with its name, version and the tools capability', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'cargo-ai', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    expect(client.getServerCapabilities()).toEqual({ tools: {} })
    expect(client.getInstructions()).toContain('search_actions')
  })

  it('lists the thirteen platform tools, with input schemas generated from the payload schemas', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(PLATFORM_TOOLS)
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object')
      expect(tool.description!.length).toBeGreaterThan(40)
    }
    const execute = tools.find((tool) => tool.name === 'execute_action')!
    expect(execute.inputSchema.required).toEqual(['action'])
    expect(Object.keys(execute.inputSchema.properties!)).toEqual(['action', 'data', 'wait', 'waitTimeoutSeconds'])
    expect(execute.description).toContain('get_run')
    expect(execute.annotations).toMatchObject({ readOnlyHint: false })
    const getRun = tools.find((tool) => tool.name === 'get_run')!
    expect(getRun.inputSchema).toMatchObject({ required: ['uuid'], properties: { uuid: { type: 'string', description: 'UUID of the run' } } })
    expect(getRun.annotations).toMatchObject({ readOnlyHint: true })
  })

  it('whoami, get_usage, search_actions, get_action_schema and autocomplete_action', async () => {
    const me = await succeeds(client, 'whoami')
    expect(me.user.email).toBe('ada@emulator.local')
    expect(me.workspace.uuid).toBe(SEED.workspaceUuid)

    const usage = await succeeds(client, 'get_usage', {})
    expect(usage).toMatchObject({ unit: 'billing.credits', groupBy: 'integration_slug', totals: expect.any(Object), metrics: expect.any(Array) })
    expect(usage.from).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const found = await succeeds(client, 'search_actions', { query: 'company enrich', kind: 'connector', limit: 5 })
    expect(found.results.length).toBeGreaterThan(0)
    expect(found.results.length).toBeLessThanOrEqual(5)
    expect(found.results.every((result: any) => result.kind === 'connector')).toBe(true)
    expect(found.results.map((result: any) => result.action)).toContainEqual(expect.objectContaining(enrichAction))

    const schema = await succeeds(client, 'get_action_schema', { action: enrichAction })
    expect(schema.action).toEqual({ ...enrichAction, config: {} })
    expect(schema.outputSchema).toMatchObject({ type: 'object' })
    expect(schema.inputSchema).toBeDefined()

    const values = await succeeds(client, 'autocomplete_action', { connectorUuid: CONNECTION_SEED.hubspotConnectorUuid, slug: 'listObjects', params: {} })
    expect(values.results.map((item: any) => item.value)).toContain('contacts')
  })

  it('execute_action answers at once with the run, or waits with wait: true; get_run and list_runs find it', async () => {
    const started = await succeeds(client, 'execute_action', { action: toolAction, data: { domain: 'acme.com' } })
    expect(started.run.uuid).toMatch(/^[0-9a-f-]{36}$/)
    const run = await succeeds(client, 'get_run', { uuid: started.run.uuid })
    expect(run.run.uuid).toBe(started.run.uuid)

    const waited = await succeeds(client, 'execute_action', { action: toolAction, data: { domain: 'globex.com' }, wait: true, waitTimeoutSeconds: 20 })
    expect(waited.run.status).toBe('success')
    expect(waited.finished).toBeUndefined()

    const runs = await succeeds(client, 'list_runs', { limit: 10 })
    expect(runs.runs.map((item: any) => item.uuid)).toEqual(expect.arrayContaining([started.run.uuid, waited.run.uuid]))
  })

  it('execute_action_batch and get_batch', async () => {
    const started = await succeeds(client, 'execute_action_batch', { action: toolAction, records: [{ domain: 'acme.com' }, { domain: 'globex.com' }] })
    expect(started.batch.uuid).toMatch(/^[0-9a-f-]{36}$/)
    const batch = await succeeds(client, 'get_batch', { uuid: started.batch.uuid })
    expect(batch.batch.uuid).toBe(started.batch.uuid)
  })

  it('list_models, describe_model and query_models', async () => {
    const { models } = await succeeds(client, 'list_models')
    expect(models.length).toBeGreaterThan(0)
    const model = await succeeds(client, 'describe_model', { uuid: models[0].uuid })
    expect(model.model.uuid).toBe(models[0].uuid)
    const page = await succeeds(client, 'query_models', { modelUuid: models[0].uuid, limit: 2 })
    expect(Array.isArray(page.records)).toBe(true)
    expect(page.records.length).toBeLessThanOrEqual(2)
  })

  it('an API error is a tool error with the errorMessage and reason, and the server keeps serving', async () => {
    const failed = await call(client, 'get_run', { uuid: UNKNOWN_UUID })
    expect(failed.isError).toBe(true)
    expect(failed.value).toMatchObject({ reason: 'runNotFound', status: 404, errorMessage: expect.any(String) })

    const refused = await call(client, 'query_models', { modelUuid: SEED.workspaceUuid, limit: -1 })
    expect(refused.isError).toBe(true)
    expect(refused.value.reason).toBe('invalidArguments')
    expect(refused.value.errorMessage).toContain('limit')

    expect((await succeeds(client, 'whoami')).user.email).toBe('ada@emulator.local')
  })

  it('a malformed request is a JSON-RPC error, not a crash', async () => {
    await expect(client.callTool({ name: 'no_such_tool', arguments: {} })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('no_such_tool') })
    const { CallToolResultSchema } = await import('@modelcontextprotocol/sdk/types.js')
    const missingName = client.request({ method: 'tools/call', params: { arguments: {} } } as never, CallToolResultSchema)
    // the SDK refuses params its schema does not accept before any handler runs
    await expect(missingName).rejects.toBeInstanceOf(McpError)
    await expect(missingName).rejects.toMatchObject({ message: expect.stringContaining('name') })
    await expect(client.request({ method: 'no/such/method' } as never, CallToolResultSchema)).rejects.toMatchObject({ code: -32601 })
    expect((await succeeds(client, 'whoami')).workspace.uuid).toBe(SEED.workspaceUuid)
    expect(stderr()).not.toContain('    at ')
  })
})

describe('cargo-ai mcp: stdout carries only protocol messages', () => {
  it('skips a line that is not JSON (said on stderr) and answers the next requests', async () => {
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir() })
    const lines = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } },
      'this is not json',
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      // not signed in: the call fails as a tool, the server does not
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'whoami', arguments: {} } },
    ]
    const result = await startCli(['mcp'], env, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n').done
    expect(result.code).toBe(0)
    const messages = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(messages.map((message) => message.id)).toEqual([1, 2, 3])
    expect(messages[1].result.tools).toHaveLength(13)
    expect(messages[2].result.isError).toBe(true)
    expect(JSON.parse(messages[2].result.content[0].text).errorMessage).toMatch(/Not signed in/)
    expect(result.stderr).toMatch(/not valid JSON/)
  })

  it('refuses bad flags before serving (exit 2, JSON error)', async () => {
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir() })
    const both = await cli(['mcp', '--remote', '--server', UNKNOWN_UUID], env)
    expect(both.code).toBe(2)
    expect(both.json().errorMessage).toMatch(/--server|--remote/)
    const port = await cli(['mcp', '--port', '70000'], env)
    expect(port.code).toBe(2)
    expect(port.json()).toEqual({ errorMessage: '--port: expected 0 to 65535' })
    const remoteUrl = await cli(['mcp', '--remote'], { ...env, CARGO_AI_MCP_URL: 'ftp://example.com/mcp' })
    expect(remoteUrl.code).toBe(2)
    expect(remoteUrl.json().errorMessage).toContain('CARGO_AI_MCP_URL')
  })
})

describe('cargo-ai mcp against a served emulator', () => {
  let served: ServedEmulator
  let env: NodeJS.ProcessEnv
  useSignedInEmulator(
    (emulator, signedIn) => {
      served = emulator
      env = signedIn
    },
    { CARGO_AI_EMULATOR_SPEED: 'instant' },
  )

  it('--server: the actions of one workspace MCP server become tools, run like action execute', async () => {
    const { client } = await stdioClient(['--server', AI_SEED.mcpServers.internal], env)
    try {
      const { tools } = await client.listTools()
      expect(tools.map((tool) => tool.name)).toEqual(['enrich_company', 'get_run'])
      expect(Object.keys(tools[0].inputSchema.properties!)).toEqual(['data', 'wait', 'waitTimeoutSeconds'])
      const done = await succeeds(client, 'enrich_company', { data: { domain: 'acme.com' }, wait: true, waitTimeoutSeconds: 20 })
      expect(done.run.status).toBe('success')
      expect((await succeeds(client, 'get_run', { uuid: done.run.uuid })).run.uuid).toBe(done.run.uuid)
    } finally {
      await client.close()
    }
  })

  it('CARGO_MCP_SERVER_UUID chooses the server; an unknown one fails tools/list with the API message', async () => {
    const { client } = await stdioClient([], { ...env, CARGO_MCP_SERVER_UUID: UNKNOWN_UUID })
    try {
      await expect(client.listTools()).rejects.toMatchObject({ code: -32603, message: expect.stringMatching(/MCP server|not found/i) })
    } finally {
      await client.close()
    }
  })

  it('the emulator serves /mcp with Bearer auth: 401 and a challenge without a token', async () => {
    const response = await fetch(`${served.baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /)
  })

  it('--remote relays the emulator\'s /mcp (CARGO_AI_MCP_URL) with the stored token', async () => {
    const { client } = await stdioClient(['--remote'], { ...env, CARGO_AI_MCP_URL: `${served.baseUrl}/mcp` })
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(PLATFORM_TOOLS)
      expect((await succeeds(client, 'whoami')).workspace.uuid).toBe(served.workspaceUuid)
      const failed = await call(client, 'get_batch', { uuid: UNKNOWN_UUID })
      expect(failed.isError).toBe(true)
      expect(failed.value.reason).toBe('batchNotFound')
    } finally {
      await client.close()
    }
  })

  it('--remote with a token the server refuses: the call is a tool error, the server stays up', async () => {
    const { client } = await stdioClient(['--remote'], { ...env, CARGO_AI_MCP_URL: `${served.baseUrl}/mcp`, CARGO_AI_TOKEN: 'not-a-token' })
    try {
      const failed = await call(client, 'whoami')
      expect(failed.isError).toBe(true)
      expect(failed.value.errorMessage).toMatch(/401|Unauthorized/i)
    } finally {
      await client.close()
    }
  })

  it('--port serves Streamable HTTP that requires the printed bearer token', async () => {
    const running = startCli(['mcp', '--port', '0'], env)
    const printed = stdoutOf(running)
    try {
      await running.stderrMatch(/listening on/)
      const { url, token } = JSON.parse(await printed)
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/)
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' }, body: '{}' })
      expect(refused.status).toBe(401)
      const client = new Client({ name: 'cargo-ai-e2e', version: '1.0.0' })
      // undici's own fetch: the global one is msw's here (test/support/setup.ts), which stalls this client's requests
      const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } }, fetch: undiciFetch as never })
      await client.connect(transport)
      expect((await client.listTools()).tools).toHaveLength(13)
      expect((await succeeds(client, 'whoami')).workspace.uuid).toBe(served.workspaceUuid)
      await client.close()
    } finally {
      running.child.kill('SIGINT')
    }
    expect((await running.done).code).toBe(0)
  })
})

/** The first JSON document the process printed (it keeps running). */
function stdoutOf(running: ReturnType<typeof startCli>): Promise<string> {
  return new Promise((resolve) => {
    let text = ''
    const onData = (chunk: Buffer) => {
      text += chunk
      try {
        JSON.parse(text)
        running.child.stdout?.off('data', onData)
        resolve(text)
      } catch {
        // not complete yet
      }
    }
    running.child.stdout?.on('data', onData)
  })
}
