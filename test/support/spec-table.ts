/**
 * Table-driven tests for one topic of spec/commands/<topic>.json, from data only.
 *
 * For every command of the topic, `describeSpecTable` checks the real command class against the spec:
 * - flags (names, boolean kind, required, options) and positional args, in order;
 * - the exact HTTP request (method, path, query string, JSON body, Cargo headers) for a sample value of
 *   every payload flag, and the exact stdout for a realistic answer (`resultFixtures`, nulls stripped
 *   except at the endpoint's keepNulls paths, where the fixture must hold one; `{}` for void results,
 *   which have no fixture; for `textResult` endpoints the fixture is the text body, served as text/plain
 *   and printed as is, plus a final newline when it has none - or `textOutputs[command id]`);
 * - downloads (`output: 'file'`): `--url-only` prints the answer, a plain run streams every signed URL
 *   (`{url}` or `{urls: [...]}`) to stdout without Cargo headers;
 * - wait (spec `wait`): the request test runs without waiting (no sleep; `... wait` commands poll once,
 *   so their fixture must hold a terminal status); a second test runs with --wait-until-finished (`... wait`
 *   commands always wait) and expects a first poll answered with `pendingStatus`, one sleep of the spec's
 *   intervalMs, a second poll answered with the fixture, and that fixture printed;
 * - once per topic: every answer fixture fits its endpoint's result schema after null stripping, the
 *   spec commands use every endpoint of the given modules except exactly those in `unusedEndpoints`
 *   (e.g. endpoints of login), and the invocations of a command together cover every payload flag.
 * Commands in `skip` (uploads, composed calls) and commands without a spec request (login) only get the
 * flag/arg check; their requests are tested by hand.
 *
 * Samples: string flags get `v-<flag>` (the last option for enums, a uuid for path fields and `*-uuid`
 * flags), integers 2, 3, ..., numbers 0.5, booleans true (flag given without value), csv the first two
 * options, two uuids for `*-uuids` flags, or `v-<flag>-1,v-<flag>-2`, dates 2025-01-10, 2025-01-11, ..., JSON flags `jsonSamples[payload field]`
 * (or `jsonSampleOverrides[command id][field]`), args `argSamples[payload name]`.
 *
 * Minimal use, in test/commands/<topic>/spec-table.test.ts:
 *
 * ```ts
 * import * as ai from '../../../src/api/endpoints/ai.js'
 * import { describeSpecTable, without } from '../../support/spec-table.js'
 * import { jsonSamples, resultFixtures } from '../../fixtures/ai.js'
 *
 * describeSpecTable({
 *   topic: 'ai',
 *   endpoints: ai,
 *   jsonSamples,                 // { resources: [...], ... } by payload field
 *   resultFixtures,              // { 'ai.getAgent': { agent: {...} }, ... } by endpoint name
 *   invocations: { 'ai agent create': [without('a'), without('b')] },  // flags that exclude each other
 *   skip: { 'content file upload': 'multipart upload, see upload.test.ts' },
 * })
 * ```
 *
 * Topic-specific cases go beside it in the same file; the helpers below (loadSpec, loadCommand,
 * endpointsOf, endpointOf, sampleInvocation, expectedRequest, pick, printed, expectSuccess,
 * expectApiHeaders, stubSignedUrls, valueAt, withValueAt) are exported for them. Each command file is
 * loaded from its id: `a b c` is src/commands/a/b/c.ts, `login` src/commands/login.ts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Endpoint } from '../../src/api/endpoint.js'
import { stripNulls } from '../../src/api/null-stripping.js'
import { serializeQuery } from '../../src/api/query-string.js'
import { payloadFields } from '../../src/cli/payload-flags.js'
import { type RecordedRequest, requests, server, stubApi } from './api-stub.js'
import { FakeClock, projectRoot, runCommand, type RunResult, TEST_TOKEN, TEST_WORKSPACE } from './run-command.js'
import { NOT_BUILT } from './not-built.js'

// ---------------------------------------------------------------------------------------------
// The spec

export interface SpecFlag {
  name: string
  type: 'string' | 'boolean' | 'integer' | 'number' | 'json' | 'csv' | 'date' | 'file'
  required: boolean
  payload: string | null
  options?: string[]
  default?: unknown
}
export interface SpecArg {
  name: string
  required: boolean
  payload: string
}
export interface SpecWait {
  method: string
  path: string
  uuidFrom: string
  statusAt: string
  intervalMs: number
  terminal: string[]
}
export interface SpecCommand {
  id: string
  /** older ids that must keep working */
  aliases?: string[]
  args?: SpecArg[]
  flags: SpecFlag[]
  /** null (or absent) for commands that call no endpoint of their own (login, logout) */
  request?: { method: string; path: string; in: 'body' | 'query' | 'none' } | null
  output: 'json' | 'file' | 'text'
  wait?: SpecWait
}
export interface SpecFile {
  topic: string
  commands: SpecCommand[]
}

export const SAMPLE_UUID = '6f1e2d3c-4b5a-4968-8776-655443322110'
export const SAMPLE_UUIDS = ['6f1e2d3c-4b5a-4968-8776-655443322111', '6f1e2d3c-4b5a-4968-8776-655443322112']

/** `--workflow-uuid`, `--run-uuids`, `--uuid`: flags whose values must be UUIDs. */
const isUuidFlag = (flag: SpecFlag) => /(^|-)uuids?$/.test(flag.name)
export const DEFAULT_ARG_SAMPLES: Record<string, string> = { uuid: SAMPLE_UUID, slug: 'company-enrichment' }
export const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }

export function loadSpec(topic: string): SpecFile {
  return JSON.parse(readFileSync(join(projectRoot, `spec/commands/${topic}.json`), 'utf8')) as SpecFile
}

export type CommandClass = Parameters<typeof runCommand>[0] & {
  flags: Record<string, { type: string; required?: boolean; options?: readonly string[]; allowNo?: boolean }>
  args: Record<string, { required?: boolean }>
}

/** The command class of a spec id: `a b c` is src/commands/a/b/c.ts, `login` src/commands/login.ts. */
export async function loadCommand(id: string): Promise<CommandClass> {
  const file = join(projectRoot, 'src/commands', `${id.split(' ').join('/')}.ts`)
  const module = (await import(/* @vite-ignore */ file)) as { default: CommandClass }
  return module.default
}

/** The endpoints exported by endpoint modules (namespace imports), without duplicates. */
export function endpointsOf(modules: object | object[]): Endpoint[] {
  const values = (Array.isArray(modules) ? modules : [modules]).flatMap((module) => Object.values(module) as unknown[])
  const found = values.filter(
    (value): value is Endpoint => typeof value === 'object' && value !== null && 'path' in value && 'method' in value && 'name' in value,
  )
  return [...new Set(found)]
}

/** The endpoints whose method and path are those of a spec command's request. */
export function endpointsMatching(cmd: SpecCommand, endpoints: Endpoint[]): Endpoint[] {
  if (!cmd.request) return []
  const { method, path } = cmd.request
  return endpoints.filter((e) => e.method === method && `/v1${e.path}` === path)
}

/** The one endpoint a spec command calls, found by its method and path. */
export function endpointOf(cmd: SpecCommand, endpoints: Endpoint[]): Endpoint {
  const matches = endpointsMatching(cmd, endpoints)
  expect(matches.map((e) => e.name), `one endpoint for ${cmd.request?.method} ${cmd.request?.path}`).toHaveLength(1)
  return matches[0]
}

export const isVoid = (endpoint: Endpoint): boolean => endpoint.result.def.type === 'void'
export const printed = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

// ---------------------------------------------------------------------------------------------
// Sample values

/** A set of payload flags for one invocation: flags that cannot go together are spread over several. */
export interface Selection {
  label: string
  keep: (flag: SpecFlag) => boolean
}
export const every: Selection = { label: 'every payload flag', keep: () => true }
export const without = (...names: string[]): Selection => ({
  label: `all but --${names.join(', --')}`,
  keep: (flag) => !names.includes(flag.name),
})
export const only = (...names: string[]): Selection => ({ label: `only --${names.join(', --')}`, keep: (flag) => names.includes(flag.name) })

export interface Samples {
  jsonSamples: Record<string, unknown>
  jsonSampleOverrides?: Record<string, Record<string, unknown>>
  argSamples?: Record<string, string>
}

export interface Invocation {
  argv: string[]
  /** the payload the command must build, args first then flags in spec order */
  payload: Record<string, unknown>
}

/** argv and expected payload for the spec's args and the payload flags `keep` accepts. */
export function sampleInvocation(cmd: SpecCommand, samples: Samples, keep: (flag: SpecFlag) => boolean = () => true): Invocation {
  const argSamples = { ...DEFAULT_ARG_SAMPLES, ...samples.argSamples }
  const argv: string[] = []
  const payload: Record<string, unknown> = {}
  const pathFields = new Set([...(cmd.request?.path ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]))
  for (const arg of cmd.args ?? []) {
    const value = argSamples[arg.payload]
    expect(value, `a sample for the argument ${arg.name} (argSamples.${arg.payload})`).toBeDefined()
    argv.push(value)
    payload[arg.payload] = value
  }
  let integer = 2
  let day = 10
  for (const flag of cmd.flags.filter((f) => f.payload !== null && keep(f))) {
    const field = flag.payload as string
    let value: unknown
    let text: string | undefined
    switch (flag.type) {
      case 'string':
        // ids must look like UUIDs: the CLI refuses a malformed one before sending anything
        value = pathFields.has(field) || isUuidFlag(flag) ? SAMPLE_UUID : flag.options ? flag.options[flag.options.length - 1] : `v-${flag.name}`
        break
      case 'integer':
        value = integer++
        break
      case 'number':
        value = 0.5
        break
      case 'boolean':
        value = true
        break
      case 'csv':
        value = flag.options ? flag.options.slice(0, 2) : isUuidFlag(flag) ? SAMPLE_UUIDS : [`v-${flag.name}-1`, `v-${flag.name}-2`]
        text = (value as string[]).join(',')
        break
      case 'date':
        value = `2025-01-${day++}`
        break
      case 'json':
        value = samples.jsonSampleOverrides?.[cmd.id]?.[field] ?? samples.jsonSamples[field]
        expect(value, `a JSON sample for ${field} (jsonSamples.${field})`).toBeDefined()
        text = JSON.stringify(value)
        break
      case 'file':
        throw new Error(`${cmd.id} --${flag.name}: file flags have no sample; test the command by hand (skip)`)
    }
    payload[field] = value
    argv.push(`--${flag.name}`, ...(flag.type === 'boolean' ? [] : [text ?? String(value)]))
  }
  return { argv, payload }
}

// ---------------------------------------------------------------------------------------------
// Requests

export interface ExpectedRequest {
  method: string
  path: string
  query: string
  body: unknown
}

/** The path of a spec request with `{field}`s filled from the payload. */
function filledPath(path: string, payload: Record<string, unknown>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => String(payload[name] ?? SAMPLE_UUID))
}

/** The request the spec describes for a payload: path fields into the path, the rest into body or query. */
export function expectedRequest(cmd: SpecCommand, payload: Record<string, unknown>): ExpectedRequest {
  if (!cmd.request) throw new Error(`${cmd.id} has no request`)
  const rest = { ...payload }
  const path = cmd.request.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(rest[name])
    delete rest[name]
    return value
  })
  const { method } = cmd.request
  if (cmd.request.in === 'query') return { method, path, query: serializeQuery(rest).replace(/^\?/, ''), body: undefined }
  if (cmd.request.in === 'body' && method !== 'GET') return { method, path, query: '', body: rest }
  expect(rest, `${cmd.id} sends nothing but path fields`).toEqual({})
  return { method, path, query: '', body: undefined }
}

export function pick(request: RecordedRequest): ExpectedRequest {
  return { method: request.method, path: request.path, query: request.query, body: request.body }
}

/** The Cargo headers: token, workspace (unless the endpoint goes without), origin, JSON content type when there is a body. */
export function expectApiHeaders(request: RecordedRequest, endpoint?: Endpoint): void {
  expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`)
  expect(request.headers['selected-workspace-uuid']).toBe(endpoint?.withoutWorkspace ? undefined : TEST_WORKSPACE)
  expect(request.headers['x-cargo-origin']).toBe('cli')
  expect(request.headers['x-cargo-origin-version']).toBe(version)
  expect(request.headers['content-type']).toBe(request.body === undefined ? undefined : 'application/json')
}

export function expectSuccess(result: RunResult, stdout: string): void {
  expect(result.stdout).toBe(stdout)
  expect(result.exitCode).toBe(0)
  expect(result.stderr).toBe('')
}

/** The value at a dotted path (`run.status`). */
export function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value)
}

/** A deep copy of `value` with `replacement` at a dotted path. */
export function withValueAt<T>(value: T, path: string, replacement: unknown): T {
  const copy = structuredClone(value)
  const keys = path.split('.')
  const last = keys.pop() as string
  const parent = keys.reduce<Record<string, unknown>>((current, key) => current[key] as Record<string, unknown>, copy as Record<string, unknown>)
  parent[last] = replacement
  return copy
}

/** The signed URLs of a download answer: `{url}` or `{urls: [...]}`. */
export function signedUrls(fixture: unknown): string[] {
  const value = (fixture ?? {}) as { url?: unknown; urls?: unknown }
  if (typeof value.url === 'string') return [value.url]
  if (Array.isArray(value.urls)) return value.urls.filter((url): url is string => typeof url === 'string')
  return []
}

/** Serves the given signed URLs with `content(url)`, recording what reaches them (not in `requests`). */
export function stubSignedUrls(urls: string[], content: (url: string) => string, contentType = 'application/octet-stream'): RecordedRequest[] {
  const seen: RecordedRequest[] = []
  for (const url of new Set(urls)) {
    server.use(
      http.get(url, ({ request }) => {
        seen.push({ method: request.method, path: new URL(request.url).pathname, query: '', headers: Object.fromEntries(request.headers.entries()), body: undefined })
        return new HttpResponse(Buffer.from(content(url)), { headers: { 'content-type': contentType } })
      }),
    )
  }
  return seen
}

// ---------------------------------------------------------------------------------------------
// The table

export interface SpecTableOptions extends Samples {
  /** reads spec/commands/<topic>.json */
  topic: string
  /** endpoint module namespace(s), e.g. `import * as ai from '../../../src/api/endpoints/ai.js'` */
  endpoints: object | object[]
  /** payload field name → a valid sample for json-typed flags */
  jsonSamples: Record<string, unknown>
  /** command id → payload field → sample, where a field's schema differs by command */
  jsonSampleOverrides?: Record<string, Record<string, unknown>>
  /** positional arg payload name → sample (defaults: uuid, slug) */
  argSamples?: Record<string, string>
  /** endpoint name → realistic answer (with some nulls); a string for text endpoints; none for void ones */
  resultFixtures: Record<string, unknown>
  /** command id → flag selections, for flags that cannot be combined (default: [every]) */
  invocations?: Record<string, Selection[]>
  /** command id → the exact stdout of a text command, when it is not the text body (+ a final newline) */
  textOutputs?: Record<string, string>
  /** command id → why its request is tested by hand elsewhere (flags and args are still checked) */
  skip?: Record<string, string>
  /** endpoints of the modules that no spec command calls (used by other commands, e.g. login), by name */
  unusedEndpoints?: string[]
  /** what the signed URLs of download fixtures serve (default: a line naming the URL) */
  fileContent?: string | ((url: string) => string)
  /** a status that is not terminal, answered by the first poll of wait tests (default: running) */
  pendingStatus?: string
  /**
   * command id → the entry as UPSTREAM.md (b) changed it, where the JSON still shows the older surface
   * (see `amendFlags`); the table checks and sends the amended entry
   */
  amendments?: Record<string, (cmd: SpecCommand) => SpecCommand>
}

/**
 * A spec entry with flags changed in place (`set`, by name; a new name renames), added (`add`) or taken out (`remove`): for the flag
 * changes UPSTREAM.md (b) lists that the entry's JSON does not carry yet.
 */
export function amendFlags(changes: { set?: Record<string, Partial<SpecFlag>>; add?: SpecFlag[]; remove?: string[] }): (cmd: SpecCommand) => SpecCommand {
  return (cmd) => {
    for (const name of [...Object.keys(changes.set ?? {}), ...(changes.remove ?? [])]) {
      expect(cmd.flags.map((flag) => flag.name), `${cmd.id}: the amended flag --${name} is in the spec`).toContain(name)
    }
    const flags = cmd.flags
      .filter((flag) => !changes.remove?.includes(flag.name))
      .map((flag) => ({ ...flag, ...changes.set?.[flag.name] }))
    return { ...cmd, flags: [...flags, ...(changes.add ?? [])] }
  }
}

/** Registers the describe/it blocks for every command of spec/commands/<topic>.json. */
export function describeSpecTable(options: SpecTableOptions): void {
  const loaded = loadSpec(options.topic)
  const amend = (entry: SpecCommand) => options.amendments?.[entry.id]?.(entry) ?? entry
  const spec = { ...loaded, commands: loaded.commands.filter((entry) => !(entry.id in NOT_BUILT)).map(amend) }
  const all = endpointsOf(options.endpoints)
  const skip = options.skip ?? {}
  const invocations = options.invocations ?? {}
  const unused = options.unusedEndpoints ?? []
  const fixtures = options.resultFixtures
  const content = (url: string) =>
    typeof options.fileContent === 'function' ? options.fileContent(url) : (options.fileContent ?? `contents of ${url}\n`)
  const command = (id: string) => {
    const found = spec.commands.find((candidate) => candidate.id === id)
    if (!found) throw new Error(`no spec command ${id} in spec/commands/${options.topic}.json`)
    return found
  }
  const tested = (cmd: SpecCommand) => Boolean(cmd.request) && !(cmd.id in skip)

  const expectedOutput = (cmd: SpecCommand, endpoint: Endpoint): string => {
    if (endpoint.textResult) {
      const text = fixtures[endpoint.name] as string
      return options.textOutputs?.[cmd.id] ?? (text.endsWith('\n') ? text : `${text}\n`)
    }
    return isVoid(endpoint) ? '{}\n' : printed(stripNulls(fixtures[endpoint.name], endpoint.keepNulls))
  }

  /** Stubs the spec's request (path filled from the payload) with the endpoint's fixture. */
  const stubSpecRequest = (cmd: SpecCommand, endpoint: Endpoint, payload: Record<string, unknown>) => {
    const request = cmd.request!
    const fixture = fixtures[endpoint.name]
    const path = filledPath(request.path, payload)
    if (endpoint.textResult) {
      stubApi(request.method, path, () => new HttpResponse(fixture as string, { headers: { 'content-type': 'text/plain; charset=utf-8' } }))
    } else stubApi(request.method, path, isVoid(endpoint) ? undefined : fixture)
  }

  describe(`spec/commands/${options.topic}.json`, () => {
    it('calls one endpoint per command, uses every endpoint of the modules, and every answer fixture fits its schema after null stripping', () => {
      const used = new Set<string>()
      for (const cmd of spec.commands) {
        if (tested(cmd)) used.add(endpointOf(cmd, all).name)
        else for (const endpoint of endpointsMatching(cmd, all)) used.add(endpoint.name)
      }
      expect(
        all.filter((e) => !used.has(e.name)).map((e) => e.name).sort(),
        'endpoints no spec command calls (list them in unusedEndpoints)',
      ).toEqual([...unused].sort())
      for (const cmd of spec.commands.filter(tested)) {
        const endpoint = endpointOf(cmd, all)
        const fixture = fixtures[endpoint.name]
        if (isVoid(endpoint)) {
          expect(fixture, `${endpoint.name} is void: no fixture`).toBeUndefined()
          continue
        }
        expect(fixture, `fixture for ${endpoint.name}`).toBeDefined()
        if (endpoint.textResult) expect(typeof fixture, `${endpoint.name} answers text`).toBe('string')
        const check = endpoint.result.safeParse(endpoint.textResult ? fixture : stripNulls(fixture, endpoint.keepNulls))
        expect(check.error?.issues ?? [], endpoint.name).toEqual([])
      }
      const names = new Set(all.map((e) => e.name))
      for (const name of Object.keys(fixtures)) expect(names.has(name), `fixture ${name} belongs to an endpoint`).toBe(true)
    })

    it('spreads incompatible flags over invocations that together cover every payload flag', () => {
      for (const [id, selections] of Object.entries(invocations)) {
        const payloadFlags = command(id).flags.filter((flag) => flag.payload !== null)
        const covered = payloadFlags.filter((flag) => selections.some(({ keep }) => keep(flag)))
        expect(covered.map((flag) => flag.name), id).toEqual(payloadFlags.map((flag) => flag.name))
      }
      for (const id of [...Object.keys(skip), ...Object.keys(options.amendments ?? {})]) command(id)
    })
  })

  describe.each(spec.commands)('$id', (cmd) => {
    it('has the spec flags (names, boolean kind, required, options) and args in order', async () => {
      const Command = await loadCommand(cmd.id)
      // a skipped command may call an endpoint of another module: its csv values are then not checked
      const endpoint = tested(cmd) ? endpointOf(cmd, all) : endpointsMatching(cmd, all)[0]
      for (const flag of cmd.flags) {
        const declared = Command.flags[flag.name]
        expect(declared, `--${flag.name}`).toBeDefined()
        expect(declared.type === 'boolean', `--${flag.name} is boolean`).toBe(flag.type === 'boolean')
        expect(Boolean(declared.required), `--${flag.name} required`).toBe(flag.required)
        if (flag.type === 'string' && flag.options) expect(declared.options, `--${flag.name} options`).toEqual(flag.options)
        if (flag.type === 'csv' && flag.options && endpoint) {
          const field = payloadFields(endpoint.payload).find((candidate) => candidate.field === flag.payload)
          expect(new Set(field?.options), `--${flag.name} values`).toEqual(new Set(flag.options))
        }
      }
      const args = Object.entries(Command.args ?? {})
      expect(args.map(([name]) => name)).toEqual((cmd.args ?? []).map((arg) => arg.name))
      expect(args.map(([, arg]) => Boolean(arg.required))).toEqual((cmd.args ?? []).map((arg) => arg.required))
    })

    if (!tested(cmd)) {
      it.skip(`request: ${skip[cmd.id] ?? 'none in the spec (test by hand)'}`, () => {})
      return
    }

    it.each(invocations[cmd.id] ?? [every])('sends the spec request ($label) and prints the answer', async ({ keep }) => {
      const Command = await loadCommand(cmd.id)
      const endpoint = endpointOf(cmd, all)
      expect(endpoint.payloadIn, 'where the payload travels').toBe(cmd.request!.in)
      const { argv, payload } = sampleInvocation(cmd, options, keep)
      const check = endpoint.payload.safeParse(payload)
      expect(check.error?.issues ?? [], 'the samples fit the payload schema').toEqual([])
      stubSpecRequest(cmd, endpoint, payload)
      const clock = new FakeClock()

      const extra = cmd.output === 'file' ? ['--url-only'] : []
      const result = await runCommand(Command, [...argv, ...extra], { clock })

      expectSuccess(result, expectedOutput(cmd, endpoint))
      if (!endpoint.textResult) {
        // the fixtures hold nulls; only the endpoint's keepNulls paths may show them (and the fixtures put one there)
        expect(result.stdout.includes('null'), 'nulls in the output').toBe(Boolean(endpoint.keepNulls))
      }
      expect(requests.map(pick)).toStrictEqual([expectedRequest(cmd, payload)])
      expectApiHeaders(requests[0], endpoint)
      expect(clock.sleeps).toEqual([])
    })

    const { wait } = cmd
    if (wait) {
      // `... wait` commands always wait, on the uuid they are given; the others with --wait-until-finished
      const waitAlways = cmd.id.endsWith(' wait')
      const title = waitAlways
        ? 'polls the spec wait endpoint until a terminal status, then prints it'
        : '--wait-until-finished polls the spec wait endpoint until a terminal status, then prints it'
      it(title, async () => {
        const Command = await loadCommand(cmd.id)
        const pollEndpoint = endpointOf({ ...cmd, request: { method: wait.method, path: wait.path, in: 'none' } }, all)
        const final = fixtures[pollEndpoint.name]
        expect(wait.terminal, `the ${pollEndpoint.name} fixture holds a terminal status at ${wait.statusAt}`).toContain(valueAt(final, wait.statusAt))
        const pending = options.pendingStatus ?? 'running'
        expect(wait.terminal, 'pendingStatus').not.toContain(pending)
        const { argv, payload } = sampleInvocation(cmd, options, (invocations[cmd.id] ?? [every])[0].keep)
        const expected: ExpectedRequest[] = []
        const called: Endpoint[] = []
        let uuid: unknown
        if (waitAlways) uuid = payload.uuid
        else {
          const endpoint = endpointOf(cmd, all)
          stubSpecRequest(cmd, endpoint, payload)
          expected.push(expectedRequest(cmd, payload))
          called.push(endpoint)
          uuid = valueAt(fixtures[endpoint.name], wait.uuidFrom)
        }
        expect(uuid, `a uuid at ${wait.uuidFrom}`).toEqual(expect.any(String))
        const pollPath = wait.path.replace('{uuid}', String(uuid))
        stubApi(wait.method, pollPath, (_request: RecordedRequest, index: number) => (index === 0 ? withValueAt(final, wait.statusAt, pending) : final))
        const poll: ExpectedRequest = { method: wait.method, path: pollPath, query: '', body: undefined }
        expected.push(poll, poll)
        called.push(pollEndpoint, pollEndpoint)
        const clock = new FakeClock()

        const result = await runCommand(Command, [...argv, ...(waitAlways ? [] : ['--wait-until-finished'])], { clock })

        expectSuccess(result, printed(stripNulls(final, pollEndpoint.keepNulls)))
        expect(requests.map(pick)).toStrictEqual(expected)
        requests.forEach((request, index) => expectApiHeaders(request, called[index]))
        expect(clock.sleeps, 'one wait of the spec interval between the polls').toEqual([wait.intervalMs])
      })
    }

    if (cmd.output === 'file') {
      it('streams the signed URL content to stdout, without Cargo headers', async () => {
        const Command = await loadCommand(cmd.id)
        const endpoint = endpointOf(cmd, all)
        const { argv, payload } = sampleInvocation(cmd, options, (invocations[cmd.id] ?? [every])[0].keep)
        stubSpecRequest(cmd, endpoint, payload)
        const urls = signedUrls(fixtures[endpoint.name])
        expect(urls.length, 'signed URLs in the fixture').toBeGreaterThan(0)
        const fileRequests = stubSignedUrls(urls, content)

        const result = await runCommand(Command, argv)

        expectSuccess(result, urls.map(content).join(''))
        expect(requests.map(pick)).toStrictEqual([expectedRequest(cmd, payload)])
        expectApiHeaders(requests[0], endpoint)
        expect(fileRequests.map((request) => request.path)).toEqual(urls.map((url) => new URL(url).pathname))
        for (const request of fileRequests) {
          expect(request.headers.authorization).toBeUndefined()
          expect(request.headers['selected-workspace-uuid']).toBeUndefined()
        }
      })
    }
  })
}

/** The answer fixtures of some API domains only (`content.`, `ai.`), where one fixture file serves two topics. */
export function fixturesOfDomains(fixtures: Record<string, unknown>, ...domains: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fixtures).filter(([name]) => domains.some((domain) => name.startsWith(`${domain}.`))))
}
