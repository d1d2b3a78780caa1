import { describe, expect, it } from 'vitest'
import { CargoClient } from '../../src/api/client.js'
import type { FetchLike } from '../../src/api/transport.js'
import { NotSignedInError } from '../../src/cli/cli-error.js'
import { plainMcpArgv } from '../../src/mcp/entry.js'
import { localToolSet, UnknownToolError } from '../../src/mcp/local-tools.js'
import { platformTools } from '../../src/mcp/platform-tools.js'
import { checkMcpFlags } from '../../src/mcp/start.js'
import { bearerMatches } from '../../src/mcp/http-server.js'

const RUN_UUID = '6f1e2d3c-4b5a-4968-8776-655443322110'

function clientAnswering(answer: FetchLike): { client: CargoClient; sent: string[] } {
  const sent: string[] = []
  const client = new CargoClient({
    baseUrl: 'https://api.test',
    token: 'token',
    version: '0.0.0',
    sleep: async () => {},
    fetch: async (url, init) => {
      sent.push(`${init?.method} ${url}`)
      return answer(url, init)
    },
  })
  return { client, sent }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const signal = new AbortController().signal
const textOf = (answer: { content: Array<{ text: string }> }) => JSON.parse(answer.content[0].text)

describe('the platform tool set', () => {
  it('lists every tool with an object JSON Schema, descriptions and read-only hints', async () => {
    const tools = await localToolSet(async () => [...platformTools], async () => clientAnswering(async () => json(200, {})).client).list()
    expect(tools).toHaveLength(13)
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object')
      expect(tool.inputSchema).not.toHaveProperty('$schema')
      expect(JSON.parse(JSON.stringify(tool.inputSchema))).toEqual(tool.inputSchema)
    }
    expect(tools.filter((tool) => tool.annotations?.readOnlyHint === false).map((tool) => tool.name)).toEqual(['execute_action', 'execute_action_batch'])
    const usage = tools.find((tool) => tool.name === 'get_usage')!
    // from and to have defaults here, though the endpoint requires them
    expect(usage.inputSchema.required ?? []).toEqual([])
    expect(Object.keys(usage.inputSchema.properties as object)).toEqual(expect.arrayContaining(['from', 'to', 'groupBy', 'unit']))
  })

  it('an API refusal is a tool error carrying errorMessage, reason and status', async () => {
    const { client } = clientAnswering(async () => json(404, { reason: 'runNotFound', errorMessage: 'Run not found' }))
    const answer = await localToolSet(async () => [...platformTools], async () => client).call('get_run', { uuid: RUN_UUID }, signal)
    expect(answer.isError).toBe(true)
    expect(textOf(answer)).toEqual({ errorMessage: 'Run not found', reason: 'runNotFound', status: 404 })
  })

  it('a network failure is a tool error too, after the client\'s retries of a read', async () => {
    const { client, sent } = clientAnswering(async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    })
    const answer = await localToolSet(async () => [...platformTools], async () => client).call('list_models', {}, signal)
    expect(answer.isError).toBe(true)
    expect(textOf(answer).errorMessage).toMatch(/could not reach api\.test \(ECONNREFUSED\)/)
    expect(sent).toHaveLength(3)
  })

  it('no sign-in fails the call, not the server', async () => {
    const tools = localToolSet(async () => [...platformTools], async () => {
      throw new NotSignedInError()
    })
    const answer = await tools.call('whoami', {}, signal)
    expect(answer.isError).toBe(true)
    expect(textOf(answer).errorMessage).toMatch(/^Not signed in/)
  })

  it('arguments the payload schema refuses are a tool error, and nothing is sent', async () => {
    const { client, sent } = clientAnswering(async () => json(200, {}))
    const tools = localToolSet(async () => [...platformTools], async () => client)
    const answer = await tools.call('execute_action', { action: { kind: 'connector' }, data: {} }, signal)
    expect(answer.isError).toBe(true)
    expect(textOf(answer)).toMatchObject({ reason: 'invalidArguments', errorMessage: expect.stringContaining('Invalid arguments for execute_action') })
    const tooLong = await tools.call('execute_action', { action: { kind: 'native', actionSlug: 'x' }, wait: true, waitTimeoutSeconds: 601 }, signal)
    expect(textOf(tooLong).errorMessage).toContain('waitTimeoutSeconds')
    expect(sent).toEqual([])
  })

  it('execute_action sends the action with an empty config and {} as data, and answers at once without wait', async () => {
    const bodies: unknown[] = []
    const { client } = clientAnswering(async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)))
      return json(200, { run: { uuid: RUN_UUID, status: 'pending' } })
    })
    const answer = await localToolSet(async () => [...platformTools], async () => client).call('execute_action', { action: { kind: 'native', actionSlug: 'python' } }, signal)
    expect(answer.isError).toBeUndefined()
    expect(textOf(answer)).toEqual({ run: { uuid: RUN_UUID, status: 'pending' } })
    expect(bodies).toEqual([{ action: { kind: 'native', actionSlug: 'python', config: {} }, data: {} }])
  })

  it('an unknown tool is a protocol error (the server turns it into invalid params)', async () => {
    const tools = localToolSet(async () => [...platformTools], async () => clientAnswering(async () => json(200, {})).client)
    await expect(tools.call('drop_tables', {}, signal)).rejects.toBeInstanceOf(UnknownToolError)
  })
})

describe('the mcp command line', () => {
  it('reads the plain stdio forms without oclif, and leaves everything else to it', () => {
    expect(plainMcpArgv([])).toEqual({})
    expect(plainMcpArgv(['--server', RUN_UUID, '--profile=ci'])).toEqual({ server: RUN_UUID, profile: 'ci' })
    expect(plainMcpArgv(['--remote'])).toEqual({ remote: true })
    for (const words of [['--help'], ['--port', '8080'], ['--server'], ['--server', '--remote'], ['--remote', '--remote'], ['--remote', '--server', RUN_UUID], ['--profile', 'a', '--profile', 'b'], ['extra']]) {
      expect(plainMcpArgv(words), words.join(' ')).toBeUndefined()
    }
  })

  it('refuses --remote with a workspace server, and ports out of range', () => {
    expect(() => checkMcpFlags({ remote: true }, { CARGO_MCP_SERVER_UUID: RUN_UUID })).toThrow(/leave out CARGO_MCP_SERVER_UUID/)
    expect(() => checkMcpFlags({ port: 65_536 }, {})).toThrow('--port: expected 0 to 65535')
    expect(checkMcpFlags({ server: RUN_UUID }, { CARGO_MCP_SERVER_UUID: 'other' })).toEqual({ serverUuid: RUN_UUID })
    expect(checkMcpFlags({}, { CARGO_MCP_SERVER_UUID: RUN_UUID })).toEqual({ serverUuid: RUN_UUID })
  })

  it('the HTTP server takes exactly its bearer token', () => {
    expect(bearerMatches('Bearer secret', 'secret')).toBe(true)
    expect(bearerMatches('bearer secret ', 'secret')).toBe(true)
    for (const header of [undefined, '', 'secret', 'Bearer secre', 'Bearer secrets', 'Basic secret', 'Bearer secret extra']) {
      expect(bearerMatches(header, 'secret'), String(header)).toBe(false)
    }
  })
})
