import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { normalizeArgv } from '@oclif/core/help'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InterruptSource } from '../../src/cli/factory.js'
import { SEED } from '../../src/emulator/kernel/seeded.js'
import { type EmulatorServer, startEmulatorServer } from '../../src/emulator/server.js'
import { AI_SEED } from '../../src/emulator/domains/ai/seed.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { CONTENT_SEED } from '../../src/emulator/domains/content/seed.js'
import { HOSTING_SEED } from '../../src/emulator/domains/hosting/index.js'
import { SEGMENTATION_SEED } from '../../src/emulator/domains/segmentation/seed.js'
import { STORAGE_SEED } from '../../src/emulator/domains/storage/seed.js'
import { SYSTEM_OF_RECORD_SEED } from '../../src/emulator/domains/system-of-record/seed.js'
import { WORKSPACE_SEED } from '../../src/emulator/domains/workspace-management/seed.js'
import { oclifConfig, projectRoot, runCommand, type RunResult } from '../support/run-command.js'
import { tempDir } from './cli-process.js'

/**
 * Every example of every command's --help, run against the emulator (issue 11 point 5). The examples are
 * for people, so they keep readable placeholders; this file says what each one stands for:
 * - `<thing-uuid>` (and `<uuid>` after `--thing-uuid`) is the seeded (or, for runs and batches, created)
 *   thing; a bare `<uuid>` is the thing the command is about (`orchestration run get <uuid>`: a run);
 * - `<tool.workflowUuid>` and the like name a field of a seeded entity;
 * - `@name.json` and other files are written to a temporary directory, where the examples run.
 * Commands run in-process (oclif's classes from src/, the emulator embedded through an emulator profile),
 * which keeps ~400 examples within seconds; the fast path and the process boundary have tests of their own.
 * An example that shows a failure on purpose is listed in EXPECTED_FAILURES with its exit code and why.
 */

interface ManifestCommand {
  id: string
  aliases?: string[]
  examples?: Array<string | { command: string }>
}

const manifest = JSON.parse(readFileSync(join(projectRoot, '.oclif.manifest.json'), 'utf8')) as { commands: Record<string, ManifestCommand> }

/** Examples that end in a non-zero exit, on purpose or because the emulator cannot do better: example → exit code and why. */
const EXPECTED_FAILURES: Record<string, { exit: number; why: string }> = {
  '<%= config.bin %> login --email you@company.com --code 123456': { exit: 3, why: 'the code arrives by email: a made-up one is refused' },
  'echo 123456 | <%= config.bin %> login --email you@company.com --code -': { exit: 3, why: 'the code arrives by email: a made-up one is refused' },
  '<%= config.bin %> login --oauth': { exit: 3, why: 'nobody approves the device code in a browser, so the sign-in expires' },
  'echo \'{"number":"4242424242424242","expMonth":12,"expYear":2030,"cvc":"123"}\' | <%= config.bin %> billing subscription update-payment-method --card-stdin': {
    exit: 1,
    why: 'the card is checked, but handing it to Stripe is not possible (the key and call are not public); the command says so',
  },
  "<%= config.bin %> billing subscription update-credits-overage-behaviors --credits-overage-behaviors '[{\"unit\":\"billing.credits\",\"action\":\"allow\"}]'": {
    exit: 1,
    why: "enterprise subscriptions only; the emulator's subscription is not one",
  },
  '<%= config.bin %> storage query download --query "SELECT * FROM default.companies" --format parquet': { exit: 1, why: 'the emulator exports CSV only' },
  '<%= config.bin %> orchestration batch cancel <batch-uuid>': { exit: 1, why: 'at instant speed the batch has finished before it can be cancelled' },
  '<%= config.bin %> storage run cancel <run-uuid>': { exit: 1, why: "the seeded model sync run has finished; the emulator starts none that could be cancelled" },
  '<%= config.bin %> hosting deployment cancel --uuid 00000000-0000-4000-8000-000000071112': {
    exit: 1,
    why: 'the seeded deployment it names has ended (its build failed), and at instant speed a new build ends before it can be cancelled',
  },
}

/**
 * Topics of an issue of their own (issue 11 leaves them out): their commands are being built, and their
 * emulator handlers with them. A topic leaves this list when its examples run.
 */
const OWN_ISSUE_TOPICS: string[] = []

/** Examples that still fail, not fixed in time: each a known gap, to fix and then remove from here. */
const STILL_FAILING: Record<string, string> = {}

/** Examples that cannot run here at all, with the reason. */
const NOT_RUNNABLE: Record<string, string> = {
  'source <(<%= config.bin %> autocomplete bash)': 'a shell feature (process substitution); `autocomplete bash` runs',
  'claude mcp add cargo -- cargo-ai mcp': 'runs another program (Claude Code), which then starts `cargo-ai mcp`',
  'claude mcp add cargo -- cargo-ai mcp --server <mcp-server-uuid>': 'runs another program (Claude Code), which then starts `cargo-ai mcp`',
  '<%= config.bin %> emulator start --port 4010': 'a fixed port may be taken on a shared machine; `emulator start` (any free port) runs',
  '<%= config.bin %> mcp --port 8765': 'a fixed port may be taken on a shared machine',
}

const tool = SEED.tool
const play = SEED.play

/** What a `<kind-uuid>` (or `<uuid>` after `--kind-uuid`, or a bare `<uuid>` in a `… kind …` command) stands for. */
function uuidsOf(id: string, created: Record<string, string>): Record<string, string> {
  const uuids = baseUuids(created)
  // a release of an agent, a run of a model sync: the topic says which
  if (id.startsWith('ai:')) uuids.release = AI_SEED.agent.releaseUuid
  if (id.startsWith('storage:')) uuids.run = STORAGE_SEED.companiesRunUuid
  // a model read by an extractor of HubSpot goes into the HubSpot connector's dataset (the default one has contacts)
  if (id === 'storage:model:create') uuids.dataset = STORAGE_SEED.hubspotDatasetUuid
  // renaming or replacing the seeded knowledge file would move it away from .files/knowledge-base.md, where
  // the context examples read it: those changes go to a file uploaded for them
  if (/^content:file:(update|upload)$/.test(id)) uuids.file = created.file
  if (/^connection:connector:(autocomplete|get-dynamic-schema)/.test(id)) uuids.connector = CONNECTION_SEED.hubspotConnectorUuid
  if (id === 'connection:connector:get-language-models') uuids.connector = CONNECTION_SEED.openaiConnectorUuid
  // what a removal removes was made for it (or is not in use), so that the seed stays whole for the others
  const removable: Record<string, string> = {
    agent: created.agent,
    connector: CONNECTION_SEED.openaiConnectorUuid,
    folder: created.folder,
    model: created.model,
    token: created.token,
    user: WORKSPACE_SEED.grace.uuid,
  }
  const kind = kindOfCommand(id)
  if (DESTRUCTIVE.test(id) && removable[kind]) uuids[kind] = removable[kind]
  return uuids
}

function baseUuids(created: Record<string, string>): Record<string, string> {
  return {
    workspace: SEED.workspaceUuid,
    action: tool.uuid,
    'from-model': STORAGE_SEED.contactsModelUuid,
    'to-model': SEED.modelUuid,
    agent: AI_SEED.agent.uuid,
    'assistant-message': AI_SEED.chat.assistantMessageUuid,
    'assistant-msg': AI_SEED.chat.assistantMessageUuid,
    'user-message': AI_SEED.chat.userMessageUuid,
    msg: AI_SEED.chat.assistantMessageUuid,
    message: AI_SEED.chat.assistantMessageUuid,
    chat: AI_SEED.chat.uuid,
    document: AI_SEED.documentUuid,
    memory: AI_SEED.memories.agent,
    'mcp-server': AI_SEED.mcpServers.internal,
    batch: created.batch,
    run: created.run,
    'run-uuid-1': created.run,
    'run-uuid-2': created.secondRun,
    change: SEGMENTATION_SEED.usCompaniesChangeUuid,
    model: SEED.modelUuid,
    'company-model': SEED.modelUuid,
    'companies-model': SEED.modelUuid,
    companies: SEED.modelUuid,
    contacts: STORAGE_SEED.contactsModelUuid,
    connector: SEED.clearbitConnectorUuid,
    'custom-integration': CONNECTION_SEED.customIntegrationUuid,
    dataset: STORAGE_SEED.datasetUuid,
    relationship: STORAGE_SEED.relationshipUuid,
    file: CONTENT_SEED.fileUuid,
    folder: SEED.folders.tools,
    release: tool.releaseUuid,
    workflow: tool.workflowUuid,
    tool: tool.uuid,
    'email-finder-tool': tool.uuid,
    play: play.uuid,
    segment: SEED.segmentUuid,
    sor: SYSTEM_OF_RECORD_SEED.bigQueryUuid,
    'target-sor': created.sor,
    token: SEED.tokenUuid,
    user: SEED.userUuid,
    resource: SEED.modelUuid,
    record: created.record,
    column: SEED.modelUuid,
    usage: SEED.workspaceUuid,
    trace: created.trace,
    worker: HOSTING_SEED.worker.uuid,
  }
}

/** Placeholders that are not uuids; `<slug>` and `<id>` depend on the command. */
function namedValues(id: string, created: Record<string, string>): Record<string, string> {
  const slug = id.startsWith('ai:template')
    ? AI_SEED.templates.researcher
    : id.startsWith('orchestration:template')
      ? SEED.templates.tool
      : id === 'storage:column:remove'
        ? REMOVABLE_COLUMN.slug
        : id.startsWith('storage:column')
          ? 'website_url'
          : 'end'
  return {
    slug,
    id: id.startsWith('ai:memory') ? AI_SEED.memories.agent : 'session-1',
    'node-slug': 'enrich',
    name: 'Senior Lead Researcher',
    key: 'sk-example',
    'dataset-slug': 'default',
    'model-slug': 'companies',
    'tool.workflowUuid': tool.workflowUuid,
    'play.workflowUuid': play.workflowUuid,
    folderUuid: SEED.folders.tools,
    's3-filename': WORKSPACE_SEED.companiesCsv.s3Filename,
    // an extractor of the HubSpot integration (the emulator's catalogue), for a model of its connector's dataset
    'extractor-slug': 'contacts',
    state: created.oauthState,
  }
}

/** A shell word list: quotes, backslashes, `$VAR`. The examples write `|` and `>` as words of their own. */
function shellWords(line: string, env: Record<string, string>): string[] {
  const words: string[] = []
  let word: string | undefined
  const push = () => {
    if (word !== undefined) words.push(word)
    word = undefined
  }
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char === ' ') push()
    else if (char === "'") {
      const end = line.indexOf("'", i + 1)
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (char === '"') {
      let text = ''
      for (i++; line[i] !== '"'; i++) text += line[i] === '\\' ? line[++i] : line[i]
      word = (word ?? '') + text.replace(/\$(\w+)/g, (_, name: string) => env[name] ?? '')
    } else if (char === '$' && /\w/.test(line[i + 1] ?? '')) {
      const name = /^\w+/.exec(line.slice(i + 1))![0]
      word = (word ?? '') + (env[name] ?? '')
      i += name.length
    } else word = (word ?? '') + (char === '\\' ? line[++i] : char)
  }
  push()
  return words
}

interface Stage {
  words: string[]
}

/** An example as stages of a pipeline (`echo … | cargo-ai …`, `cargo-ai … | cargo-ai …`) and an optional `> file`. */
function pipelineOf(example: string, env: Record<string, string>): { stages: Stage[]; redirect?: string } {
  const words = shellWords(example.replaceAll('<%= config.bin %>', 'cargo-ai'), env)
  const redirectAt = words.indexOf('>')
  const redirect = redirectAt >= 0 ? words[redirectAt + 1] : undefined
  const command = redirectAt >= 0 ? words.slice(0, redirectAt) : words
  const stages: Stage[] = []
  let current: string[] = []
  for (const word of command) {
    if (word === '|') {
      stages.push({ words: current })
      current = []
    } else current.push(word)
  }
  stages.push({ words: current })
  return { stages, redirect }
}

/** The kind a bare `<uuid>` names in a command (`orchestration run get <uuid>` → run). */
function kindOfCommand(id: string): string {
  const words = id.split(':')
  return words.length >= 2 ? words.at(-2)! : words[0]
}

function substitute(words: string[], id: string, uuids: Record<string, string>, named: Record<string, string>): string[] {
  return words.map((word, index) => {
    const flag = index > 0 && words[index - 1].startsWith('--') ? words[index - 1].slice(2) : undefined
    // `--nodes '[...]'` (or '[...your updated node graph...]'): a node graph, documented as such
    if (flag === 'nodes' && /^\[\.\.\..*\]$/.test(word)) return `@${join(process.cwd(), 'nodes.json')}`
    return word.replace(/<([a-zA-Z][\w.-]*)>/g, (match, name: string) => {
      if (name in named) return named[name]
      const kind = name === 'uuid' ? (flag && flag !== 'uuid' && flag.endsWith('-uuid') ? flag.slice(0, -5) : kindOfCommand(id)) : name.replace(/-uuid$/, '')
      const value = uuids[kind] ?? uuids[name]
      if (value === undefined) throw new Error(`no value for ${match} in ${id}`)
      return value
    })
  })
}

/** The uuid of what a create printed: `{uuid}` or `{thing: {uuid}}`. */
function uuidIn(result: RunResult): string {
  const body = result.json()
  const uuid = body.uuid ?? Object.values(body).find((value): value is { uuid: string } => typeof (value as { uuid?: unknown })?.uuid === 'string')?.uuid
  if (typeof uuid !== 'string') throw new Error(`no uuid in ${result.stdout}`)
  return uuid
}

interface Example {
  id: string
  text: string
}

const DESTRUCTIVE = /:(remove|remove-bulk|delete|cancel|deploy-draft|uninstall|remove-permission|archive|unarchive)$/
const REMOVAL = /:(remove|remove-bulk|delete|uninstall)$/

/** Columns of the Companies model made for the examples: the one most of them name, and one to remove. */
const WEBSITE_COLUMN = { slug: 'website_url', type: 'string', label: 'Website', kind: 'custom' }
const REMOVABLE_COLUMN = { slug: 'legacy_notes', type: 'string', label: 'Legacy notes', kind: 'custom' }

async function allExamples(): Promise<Example[]> {
  const list: Example[] = []
  for (const id of Object.keys(manifest.commands)) {
    // the class's own examples: the manifest may lag behind the sources while they are being edited
    const examples = ((await commandClass(id)).examples ?? []) as Array<string | { command: string }>
    for (const example of examples) list.push({ id, text: typeof example === 'string' ? example : example.command })
  }
  // removals last (what they remove served every other example first), other changes of state just before them
  const rank = (example: Example) => (!DESTRUCTIVE.test(example.id) ? 0 : REMOVAL.test(example.id) ? 2 : 1)
  return [...list].sort((a, b) => rank(a) - rank(b))
}

/** The command class behind an id or older id, imported from src/ (the test's factory override reaches it). */
async function commandClass(id: string) {
  const command = manifest.commands[id] ?? Object.values(manifest.commands).find((entry) => entry.aliases?.includes(id))
  if (!command) throw new Error(`no command ${id}`)
  const module = await import(/* @vite-ignore */ pathToFileURL(join(projectRoot, 'src', 'commands', `${command.id.split(':').join('/')}.ts`)).href)
  return module.default
}

const examples = await allExamples()

describe('every example of every --help runs against the emulator', () => {
  const workDir = tempDir('cargo-ai-examples-')
  const configDir = tempDir('cargo-ai-examples-config-')
  // the token in the environment: an example that signs out or switches profile leaves the others signed in
  const env: NodeJS.ProcessEnv = { CARGO_AI_CONFIG_DIR: configDir, CARGO_AI_KEYRING: 'off', HOME: tempDir(), NO_COLOR: '1', CARGO_AI_TOKEN: SEED.token }
  const created: Record<string, string> = {}
  let server: EmulatorServer | undefined
  let previousSpeed: string | undefined
  let previousCwd = process.cwd()

  async function cargo(words: string[], stdin?: string): Promise<RunResult> {
    const config = await oclifConfig()
    const [id, ...argv] = normalizeArgv(config, [...words])
    // `emulator start` serves until interrupted: it is, once it has started
    const onInterrupt: InterruptSource = (handler) => {
      const timer = setTimeout(() => handler('SIGINT'), 100)
      return () => clearTimeout(timer)
    }
    return runCommand(await commandClass(id), argv, { env, stdin, ...(id === 'emulator:start' || id === 'mcp' ? { onInterrupt } : {}) })
  }

  beforeAll(async () => {
    previousSpeed = process.env.CARGO_AI_EMULATOR_SPEED
    process.env.CARGO_AI_EMULATOR_SPEED = 'instant'
    previousCwd = process.cwd()
    process.chdir(workDir)
    server = await startEmulatorServer({ dbPath: join(tempDir('cargo-ai-examples-emulator-'), 'emulator.db') })
    env.CARGO_AI_BASE_URL = server.url
    env.CARGO_AI_AUTH_URL = server.url
    for (const profile of ['ci', 'staging']) expect((await cargo(['login', '--token', SEED.token, '--profile', profile])).exitCode).toBe(0)
    const run = await cargo(['orchestration', 'run', 'create', '--workflow-uuid', tool.workflowUuid, '--data', '{"domain":"acme.com"}'])
    created.run = run.json().run.uuid
    created.trace = run.json().run.traceUuid
    created.secondRun = (await cargo(['orchestration', 'run', 'create', '--workflow-uuid', tool.workflowUuid, '--data', '{"domain":"globex.com"}'])).json().run.uuid
    const batch = await cargo(['orchestration', 'batch', 'create', '--workflow-uuid', play.workflowUuid, '--data', JSON.stringify({ kind: 'segment', segmentUuid: SEED.segmentUuid })])
    created.batch = batch.json().batch?.uuid ?? batch.json().uuid
    created.agent = uuidIn(await cargo(['ai', 'agent', 'create', '--name', 'To remove', '--icon-color', 'blue', '--icon-face', 'x']))
    created.folder = uuidIn(await cargo(['workspaceManagement', 'folder', 'create', '--name', 'To remove', '--emoji-slug', 'x', '--kind', 'tool']))
    created.token = uuidIn(await cargo(['workspaceManagement', 'token', 'create', '--name', 'To remove']))
    created.model = STORAGE_SEED.contactsModelUuid
    for (const column of [WEBSITE_COLUMN, REMOVABLE_COLUMN]) {
      expect((await cargo(['storage', 'column', 'create', '--model-uuid', SEED.modelUuid, '--column', JSON.stringify(column)])).exitCode).toBe(0)
    }
    // complete-oauth is handed the state its start put into the consent URL
    const consentUrl = (await cargo(['connection', 'integration', 'initiate-oauth', '--slug', 'hubspot'])).json().consentUrl
    created.oauthState = new URL(consentUrl).searchParams.get('state') ?? ''
    for (const name of ['knowledge-base.pdf', 'product-docs.pdf', 'icp-criteria.pdf', 'notes.pdf', 'research.pdf']) writeFileSync(join(workDir, name), '%PDF-1.4\n% an example file\n')
    created.file = uuidIn(await cargo(['content', 'file', 'upload', '--file', './research.pdf']))
    // the package roots that `hosting deployment create --source` uploads
    const sources: Record<string, Record<string, string>> = {
      'my-app': { 'package.json': '{ "name": "my-app", "private": true, "scripts": { "build": "vite build" } }\n', 'index.html': '<div id="root"></div>\n' },
      'my-worker': { 'package.json': '{ "name": "my-worker", "private": true }\n', 'src/index.ts': 'export default { fetch: () => new Response("ok") }\n' },
    }
    for (const [root, files] of Object.entries(sources)) {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(workDir, root, path)), { recursive: true })
        writeFileSync(join(workDir, root, path), content)
      }
    }
    writeFileSync(join(workDir, 'my-companies.csv'), 'name,domain\nAcme,acme.com\nGlobex,globex.com\n')
    writeFileSync(join(workDir, 'snowflake.json'), JSON.stringify({ account: 'acme-eu', warehouse: 'COMPUTE_WH', database: 'CARGO', username: 'cargo', password: 'secret' }))
    writeFileSync(join(workDir, 'relationships.json'), JSON.stringify([]))
    created.sor = uuidIn(await cargo(['system-of-record', 'sor', 'create', '--kind', 'snowflake', '--config', '@snowflake.json']))
    const release = await cargo(['orchestration', 'release', 'get-draft', '--workflow-uuid', tool.workflowUuid])
    const nodes = release.json().release?.nodes ?? release.json().nodes ?? []
    writeFileSync(join(workDir, 'nodes.json'), JSON.stringify(nodes))
    writeFileSync(join(workDir, 'node.json'), JSON.stringify(nodes[1] ?? {}))
  })

  afterAll(async () => {
    await server?.close()
    process.chdir(previousCwd)
    if (previousSpeed === undefined) delete process.env.CARGO_AI_EMULATOR_SPEED
    else process.env.CARGO_AI_EMULATOR_SPEED = previousSpeed
  })

  it.each(examples.map((example) => [example.text, example] as const))('%s', async (_text, example) => {
    if (NOT_RUNNABLE[example.text] || STILL_FAILING[example.text] || OWN_ISSUE_TOPICS.some((topic) => example.id === topic || example.id.startsWith(`${topic}:`))) return
    const { stages } = pipelineOf(example.text, { CARGO_API_TOKEN: SEED.token })
    let stdin: string | undefined
    let last: RunResult | undefined
    for (const stage of stages) {
      if (stage.words[0] === 'echo') {
        stdin = `${stage.words.slice(1).join(' ')}\n`
        continue
      }
      // `VAR=value cargo-ai …`: the environment here already points at the emulator
      const start = stage.words.findIndex((word) => !/^[A-Z_]+=/.test(word))
      expect(stage.words[start]).toBe('cargo-ai')
      const words = substitute(stage.words.slice(start + 1), example.id, uuidsOf(example.id, created), namedValues(example.id, created))
      last = await cargo(words, stdin)
      stdin = last.stdout
    }
    const expected = EXPECTED_FAILURES[example.text]
    expect({ exit: last?.exitCode, stdout: last?.exitCode === (expected?.exit ?? 0) ? '' : last?.stdout }).toEqual({ exit: expected?.exit ?? 0, stdout: '' })
  })
})
