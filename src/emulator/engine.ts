import type { Node } from '../api/schemas/orchestration.js'
import { type ActionResult, integrationAction, isNativeAction, type NativeActionSlug, stableHash } from './catalog.js'
import { ExpressionError, ExpressionScope, type Json, type JsonObject, isTruthy, resolveConfig } from './expressions.js'

/**
 * Executes a node graph on one record, at once and deterministically. The result is the run's whole
 * story; the simulation then reveals it step by step as simulated time passes.
 */

export interface PlannedExecution {
  node: Node
  status: 'success' | 'error'
  errorMessage: string | null
  childIndex: number | null
  nextNodeUuid: string | null
  title: string | null
  creditsUsedCount: number
}

export interface RunPlan {
  executions: PlannedExecution[]
  /** node slug → output */
  context: Record<string, Json>
  /** node slug → computed config */
  computedConfigs: Record<string, JsonObject>
  status: 'success' | 'error'
  errorMessage: string | null
  /** slug of the end node reached, whose variables are the workflow output */
  outputSlug: string | null
}

export interface EngineEnv {
  /** the graph a tool node runs (its tool's deployed release), or undefined when it has none */
  toolGraph(node: Node & { kind: 'tool' }): Node[] | undefined
}

type Outcome =
  | { ok: true; output: Json; childIndex: number | null; title: string | null; credits: number }
  | { ok: false; errorMessage: string; credits: number }

export interface NodeRun {
  node: Node
  config: JsonObject
  scope: ExpressionScope
  env: EngineEnv
  depth: number
  seed: string
}

const MAX_STEPS = 500
const MAX_DEPTH = 5

export function isStartNode(node: Node): boolean {
  return node.kind === 'native' && node.actionSlug === 'start'
}

export function findStartNode(nodes: readonly Node[]): Node | undefined {
  return nodes.find(isStartNode)
}

export function executeGraph(nodes: readonly Node[], input: JsonObject, env: EngineEnv, parentNodes?: Record<string, Json>, depth = 0): RunPlan {
  const plan: RunPlan = { executions: [], context: {}, computedConfigs: {}, status: 'success', errorMessage: null, outputSlug: null }
  const byUuid = new Map(nodes.map((node) => [node.uuid, node]))
  const seed = String(input._id ?? JSON.stringify(input))
  const scope = new ExpressionScope({ nodes: plan.context, parentNodes })
  let current = findStartNode(nodes)
  if (!current) return { ...plan, status: 'error', errorMessage: 'The node graph has no start node' }
  for (let step = 0; current && step < MAX_STEPS; step++) {
    const node: Node = current
    const outcome = runNode(node, input, plan, { env, depth, scope, seed })
    const next = nextNode(node, outcome)
    plan.executions.push(toExecution(node, outcome, next))
    if (!outcome.ok && !node.fallbackOnFailure) {
      plan.status = 'error'
      plan.errorMessage = `${node.slug}: ${outcome.errorMessage}`
      break
    }
    current = next ? byUuid.get(next) : undefined
  }
  return plan
}

function runNode(
  node: Node,
  input: JsonObject,
  plan: RunPlan,
  options: { env: EngineEnv; depth: number; scope: ExpressionScope; seed: string },
): Outcome {
  if (node.kind === 'native' && node.actionSlug === 'start') {
    plan.computedConfigs[node.slug] = {}
    plan.context[node.slug] = input
    return { ok: true, output: input, childIndex: 0, title: recordTitle(input), credits: 0 }
  }
  let config: JsonObject
  try {
    config = computeConfig(node, options.scope)
  } catch (error) {
    return { ok: false, errorMessage: `could not compute the config: ${(error as Error).message}`, credits: 0 }
  }
  plan.computedConfigs[node.slug] = config
  const outcome = executeNode({ node, config, ...options })
  if (outcome.ok) {
    plan.context[node.slug] = outcome.output
    if (node.kind === 'native' && node.actionSlug === 'end') plan.outputSlug = node.slug
  }
  return outcome
}

export function computeConfig(node: Node, scope: ExpressionScope): JsonObject {
  return resolveConfig(node.config as JsonObject, scope) as JsonObject
}

/** One node on its computed config; `node execute` calls this directly. */
export function executeNode(run: NodeRun): Outcome {
  try {
    switch (run.node.kind) {
      case 'native':
        return isNativeAction(run.node.actionSlug)
          ? natives[run.node.actionSlug](run)
          : failure(`unknown native action "${run.node.actionSlug}"`)
      case 'connector':
        return runConnector(run.node, run.config)
      case 'tool':
        return runTool(run as NodeRun & { node: Node & { kind: 'tool' } })
      case 'agent':
        return success(agentAnswer(run.config), 0, 'Agent answered', 1)
    }
  } catch (error) {
    if (error instanceof ExpressionError) return failure(error.message)
    throw error
  }
}

function nextNode(node: Node, outcome: Outcome): string | null {
  if (!outcome.ok) return node.fallbackOnFailure ? (node.fallbackChildUuid ?? node.childrenUuids[0] ?? null) : null
  return outcome.childIndex === null ? null : (node.childrenUuids[outcome.childIndex] ?? null)
}

function toExecution(node: Node, outcome: Outcome, next: string | null): PlannedExecution {
  return {
    node,
    status: outcome.ok ? 'success' : 'error',
    errorMessage: outcome.ok ? null : outcome.errorMessage,
    childIndex: outcome.ok ? outcome.childIndex : null,
    nextNodeUuid: next,
    title: outcome.ok ? outcome.title : null,
    creditsUsedCount: outcome.credits,
  }
}

function success(output: Json, childIndex: number | null, title: string | null = null, credits = 0): Outcome {
  return { ok: true, output, childIndex, title, credits }
}

function failure(errorMessage: string, credits = 0): Outcome {
  return { ok: false, errorMessage, credits }
}

// ---------------------------------------------------------------------------------------------
// Native actions

const natives: Record<NativeActionSlug, (run: NodeRun) => Outcome> = {
  start: ({ config }) => success(config, 0),
  end: ({ config }) => {
    const output = variablesOf(config)
    return success(output, null, summary(output))
  },
  variables: ({ config }) => {
    const output = variablesOf(config)
    return success(output, 0, summary(output))
  },
  filter: ({ config }) => {
    const passed = isTruthy(config.filter)
    return success({ result: passed }, passed ? 0 : null, passed ? 'Passed' : 'Stopped')
  },
  branch: ({ config }) => {
    const yes = isTruthy(config.condition)
    return success({ result: yes }, yes ? 0 : 1, yes ? 'Yes' : 'No')
  },
  switch: ({ config }) => {
    const routes = Array.isArray(config.routes) ? (config.routes as JsonObject[]) : []
    const index = routes.findIndex((route) => isTruthy(route?.value))
    if (index < 0) return success({ route: null }, null, 'No route matched')
    const name = typeof routes[index].name === 'string' ? routes[index].name : `route ${index}`
    return success({ route: name, routeIndex: index }, index, name)
  },
  split: ({ config, node, seed }) => {
    const percentage = typeof config.percentage === 'number' ? config.percentage : 50
    const variantA = stableHash(`${seed}:${node.uuid}`) % 100 < percentage
    return success({ variant: variantA ? 'A' : 'B' }, variantA ? 0 : 1, variantA ? 'A' : 'B')
  },
  delay: ({ config }) => success({ minutes: config.minutes ?? 0 }, 0, `Waited ${config.minutes ?? 0} min`),
  group: runGroup,
  agent: ({ config }) => success(agentAnswer(config), 0, 'Agent answered', 1),
  python: () => failure('python nodes are not emulated'),
  script: ({ node, scope }) => {
    const script = (node.config as JsonObject).script
    if (typeof script !== 'string') return failure('config.script must be a string')
    const result = scope.evaluateBody(script) ?? null
    return success({ result }, 0, summary({ result }))
  },
}

interface Variable {
  name: string
  type?: string
  value: Json
}

function variablesOf(config: JsonObject): JsonObject {
  const variables = Array.isArray(config.variables) ? (config.variables as unknown as Variable[]) : []
  return Object.fromEntries(
    variables.filter((variable) => typeof variable?.name === 'string').map((variable) => [variable.name, typed(variable.value, variable.type)]),
  )
}

function typed(value: Json, type: string | undefined): Json {
  if (value === null || value === undefined) return null
  if (type === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value)
  if (type === 'boolean' && typeof value === 'string') return isTruthy(value)
  if (type === 'string' && typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value) : String(value)
  return value
}

function runGroup({ node, config, scope, env, depth }: NodeRun): Outcome {
  const items = config.items
  const subNodes = (node.config as JsonObject)._nodes as unknown as Node[] | undefined
  if (!Array.isArray(items)) return failure('config.items must evaluate to an array')
  if (!Array.isArray(subNodes)) return failure('config._nodes must be a node graph')
  if (depth >= MAX_DEPTH) return failure('groups and tools are nested too deeply')
  const plans = items.map((item, index) => {
    const input: JsonObject = item && typeof item === 'object' && !Array.isArray(item) ? { ...item } : { value: item }
    input._id ??= `${index}`
    return executeGraph(subNodes, input, env, scope.data.nodes, depth + 1)
  })
  const failed = plans.filter((plan) => plan.status === 'error')
  if (failed.length > 0 && config.failOnItemFailure === true) return failure(`${failed.length} item(s) failed: ${failed[0].errorMessage}`)
  const output = plans.map((plan) => (plan.outputSlug ? plan.context[plan.outputSlug] : {}))
  return success(output, 0, `${items.length} item(s), ${failed.length} failed`)
}

// ---------------------------------------------------------------------------------------------
// Connector, tool and agent nodes

function runConnector(node: Node & { kind: 'connector' }, config: JsonObject): Outcome {
  const action = integrationAction(node.integrationSlug, node.actionSlug)
  if (!action) return failure(`the integration "${node.integrationSlug}" has no action "${node.actionSlug}"`)
  const result: ActionResult = action.execute(config)
  return result.ok ? success(result.output, 0, result.title, action.creditsCost) : failure(result.errorMessage, action.creditsCost)
}

function runTool(run: NodeRun & { node: Node & { kind: 'tool' } }): Outcome {
  if (run.depth >= MAX_DEPTH) return failure('tools are nested too deeply')
  const graph = run.env.toolGraph(run.node)
  if (!graph) return failure('the tool has no deployed release')
  const plan = executeGraph(graph, { ...run.config, _id: run.seed }, run.env, undefined, run.depth + 1)
  if (plan.status === 'error') return failure(`the tool failed: ${plan.errorMessage}`, creditsOf(plan))
  const output = plan.outputSlug ? plan.context[plan.outputSlug] : {}
  return success(output, 0, summary(output), creditsOf(plan))
}

export function creditsOf(plan: RunPlan): number {
  return plan.executions.reduce((sum, execution) => sum + execution.creditsUsedCount, 0)
}

/** A canned answer: text, or an object shaped by the requested JSON schema. */
function agentAnswer(config: JsonObject): JsonObject {
  const output = config.output as JsonObject | undefined
  const prompt = typeof config.prompt === 'string' ? config.prompt : JSON.stringify(config.prompt ?? '')
  if (output?.type === 'jsonSchema' && output.jsonSchema && typeof output.jsonSchema === 'object') {
    return { answer: sampleOf(output.jsonSchema as JsonObject) }
  }
  return { answer: `Emulated answer to: ${prompt.slice(0, 200)}` }
}

function sampleOf(schema: JsonObject): Json {
  if (Array.isArray(schema.enum)) return schema.enum[0] ?? null
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonObject>
      return Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, sampleOf(sub)]))
    }
    case 'array':
      return []
    case 'number':
    case 'integer':
      return 0
    case 'boolean':
      return false
    default:
      return 'emulated'
  }
}

// ---------------------------------------------------------------------------------------------

const titleKeys = ['title', 'name', 'domain', 'email', 'company'] as const

export function recordTitle(record: JsonObject): string {
  for (const key of titleKeys) {
    const value = record[key]
    if (typeof value === 'string' && value.trim()) return value
  }
  return String(record._id ?? '')
}

function summary(output: Json): string {
  const text = JSON.stringify(output)
  return text.length > 120 ? `${text.slice(0, 119)}…` : text
}
