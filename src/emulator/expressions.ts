import vm from 'node:vm'

/**
 * Evaluation of the `{{ … }}` template expressions and JS expressions of node configs (entities.md §0.1).
 * User code runs in a separate V8 context without string code generation, and only JSON crosses the
 * boundary in either direction, so no host object (and no `process`) is reachable from it.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export class ExpressionError extends Error {}

/**
 * A script's budget is CPU work, not wall-clock time: on a busy machine (50 CLI processes on 2 cores) a
 * one-line condition can wait far longer than it computes. vm only bounds wall-clock time, so a script
 * that hits it without having used its CPU budget was waiting: it runs again, in a fresh context, with
 * more time (it only maps JSON to JSON, so running it again is harmless), up to a wall-clock ceiling.
 */
export const SCRIPT_CPU_BUDGET_MS = 250
export const SCRIPT_WALL_CEILING_MS = 30_000
const scripts = new Map<string, vm.Script>()

function compile(source: string): vm.Script {
  let script = scripts.get(source)
  if (!script) {
    if (scripts.size > 500) scripts.clear()
    script = new vm.Script(source)
    scripts.set(source, script)
  }
  return script
}

/** The variables an expression sees: `nodes` (this run's outputs by slug) and `parentNodes` (group loops). */
export interface ScopeData {
  nodes: Record<string, Json>
  parentNodes?: Record<string, Json>
}

export class ExpressionScope {
  private context: vm.Context | undefined

  /** `data` is read at each evaluation, so a run's scope follows its context as nodes complete. */
  constructor(readonly data: ScopeData) {}

  /** The value of a JS expression. */
  evaluate(code: string): Json | undefined {
    const path = readPath(code, this.data)
    return path.found ? path.value : this.run(`(${code})`, code)
  }

  /** The return value of a JS function body (script nodes). */
  evaluateBody(body: string): Json | undefined {
    return this.run(`(() => {\n${body}\n})()`, 'script')
  }

  private run(expression: string, label: string): Json | undefined {
    const source = `(() => { const { nodes, parentNodes = {} } = JSON.parse(__scope); return JSON.stringify({ value: ${expression} }) })()`
    const fail = (message: string) => new ExpressionError(`${label.trim().slice(0, 120)}: ${message}`)
    let script: vm.Script
    try {
      script = compile(source)
    } catch (error) {
      throw fail((error as Error).message ?? String(error))
    }
    let output: unknown
    for (let wallMs = SCRIPT_CPU_BUDGET_MS; ; wallMs = Math.min(wallMs * 4, SCRIPT_WALL_CEILING_MS)) {
      this.context ??= vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false } })
      this.context.__scope = JSON.stringify(this.data)
      const before = process.cpuUsage()
      try {
        output = script.runInContext(this.context, { timeout: wallMs })
        break
      } catch (error) {
        if ((error as { code?: string })?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw fail((error as Error)?.message ?? String(error))
        const used = process.cpuUsage(before)
        const cpuMs = (used.user + used.system) / 1000
        // a context left by an interrupted script may hold its half-done globals
        this.context = undefined
        if (cpuMs >= SCRIPT_CPU_BUDGET_MS) throw fail(`Script used more than ${SCRIPT_CPU_BUDGET_MS} ms of CPU and was stopped`)
        if (wallMs >= SCRIPT_WALL_CEILING_MS) throw fail(`Script did not finish within ${SCRIPT_WALL_CEILING_MS / 1000} s (the machine is too busy)`)
      }
    }
    if (typeof output !== 'string') return undefined
    return (JSON.parse(output) as { value?: Json }).value
  }
}

const pathExpression = /^\s*(nodes|parentNodes)((?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(?:"(?:[^"\\]|\\.)*"|\d+)\s*\])*)\s*$/
const pathStep = /\.\s*([A-Za-z_$][\w$]*)|\[\s*("(?:[^"\\]|\\.)*"|\d+)\s*\]/g

/**
 * `nodes.start["domain"]` and the like, the bulk of a batch's expressions, read without a V8 context
 * (creating one per run was most of a 10,000-record batch's time). Only a walk through own properties
 * of JSON objects and arrays is read here; anything else (a missing key, a method, a string's length)
 * is left to the script, which gives the same answer or error as before.
 */
function readPath(code: string, data: ScopeData): { found: true; value: Json } | { found: false } {
  const match = pathExpression.exec(code)
  if (!match) return { found: false }
  let value: unknown = match[1] === 'nodes' ? data.nodes : (data.parentNodes ?? {})
  for (const step of match[2].matchAll(pathStep)) {
    const key = step[1] ?? jsonKey(step[2])
    if (key === undefined || !value || typeof value !== 'object' || !Object.hasOwn(value, key)) return { found: false }
    value = (value as Record<string, unknown>)[key]
  }
  if (value === undefined) return { found: false }
  return { found: true, value: value !== null && typeof value === 'object' ? (JSON.parse(JSON.stringify(value)) as Json) : (value as Json) }
}

/** A quoted key or an index as JSON reads it; undefined for JS escapes JSON lacks (left to the script). */
function jsonKey(text: string): string | number | undefined {
  try {
    return JSON.parse(text) as string | number
  } catch {
    return undefined
  }
}

const wholeTemplate = /^\s*\{\{([\s\S]*?)\}\}\s*$/
const placeholder = /\{\{([\s\S]*?)\}\}/g

/** A template with one placeholder and nothing else keeps the value's type; otherwise the parts are joined as text. */
export function evaluateTemplate(template: string, scope: ExpressionScope): Json | undefined {
  const whole = wholeTemplate.exec(template)
  if (whole && !whole[1].includes('{{')) return scope.evaluate(whole[1])
  return template.replace(placeholder, (_, code: string) => asText(scope.evaluate(code)))
}

function asText(value: Json | undefined): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

interface ExpressionValue {
  kind: 'templateExpression' | 'jsExpression'
  expression: string
}

export function isExpression(value: unknown): value is ExpressionValue {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const { kind, expression } = value as Record<string, unknown>
  return (kind === 'templateExpression' || kind === 'jsExpression') && typeof expression === 'string'
}

/** Config keys whose values are sub-graphs or raw code, resolved later by the node itself. */
const unresolvedKeys = new Set(['_nodes', 'script'])

/**
 * The computed config of a node: every expression object and every string holding `{{ }}` replaced by
 * its value (undefined becomes null, as JSON has no undefined).
 */
export function resolveConfig(value: Json, scope: ExpressionScope): Json {
  if (isExpression(value)) {
    const result = value.kind === 'jsExpression' ? scope.evaluate(value.expression) : evaluateTemplate(value.expression, scope)
    return result ?? null
  }
  if (typeof value === 'string') return value.includes('{{') ? (evaluateTemplate(value, scope) ?? null) : value
  if (Array.isArray(value)) return value.map((item) => resolveConfig(item, scope))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, sub]) => [key, unresolvedKeys.has(key) ? sub : resolveConfig(sub, scope)]),
    )
  }
  return value
}

/** Conditions coming out of templates may be text: "false", "0" and "" are false. */
export function isTruthy(value: Json | undefined): boolean {
  if (typeof value === 'string') return !['', 'false', '0', 'null', 'undefined'].includes(value.trim().toLowerCase())
  return Boolean(value)
}

export function templateExpression(expression: string) {
  return { kind: 'templateExpression', expression, instructTo: 'none', fromRecipe: false } as const
}
