import type { Endpoint } from '../../api/endpoint.js'
import * as ai from '../../api/endpoints/ai.js'
import * as billing from '../../api/endpoints/billing.js'
import * as connection from '../../api/endpoints/connection.js'
import * as content from '../../api/endpoints/content.js'
import * as context from '../../api/endpoints/context.js'
import * as expression from '../../api/endpoints/expression.js'
import * as observability from '../../api/endpoints/observability.js'
import * as hosting from '../../api/endpoints/hosting.js'
import * as revenueOrganization from '../../api/endpoints/revenue-organization.js'
import * as orchestration from '../../api/endpoints/orchestration.js'
import * as segmentation from '../../api/endpoints/segmentation.js'
import * as storage from '../../api/endpoints/storage.js'
import * as systemOfRecord from '../../api/endpoints/system-of-record.js'
import * as userManagement from '../../api/endpoints/user-management.js'
import * as workspaceManagement from '../../api/endpoints/workspace-management.js'

/**
 * Every endpoint of the client's tables is a route of the emulator, so the two cannot drift apart:
 * an endpoint without a handler answers 501 rather than 404.
 */

function isEndpoint(value: unknown): value is Endpoint {
  const candidate = value as Partial<Endpoint>
  return !!candidate && typeof candidate.name === 'string' && typeof candidate.path === 'string' && typeof candidate.method === 'string'
}

export const endpoints: readonly Endpoint[] = [
  orchestration,
  userManagement,
  workspaceManagement,
  ai,
  content,
  context,
  expression,
  observability,
  storage,
  segmentation,
  connection,
  systemOfRecord,
  billing,
  hosting,
  revenueOrganization,
].flatMap((table) =>
  Object.values(table).filter(isEndpoint),
)

interface Route {
  endpoint: Endpoint
  segments: string[]
}

const routes: Route[] = endpoints.map((endpoint) => ({ endpoint, segments: splitPath(endpoint.path) }))

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

function isPlaceholder(segment: string): boolean {
  return /^\{\w+\}$/.test(segment)
}

export interface RouteMatch {
  endpoint: Endpoint
  params: Record<string, string>
}

function matchSegments(route: Route, segments: string[]): Record<string, string> | undefined {
  if (route.segments.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (const [index, pattern] of route.segments.entries()) {
    if (isPlaceholder(pattern)) params[pattern.slice(1, -1)] = safeDecode(segments[index])
    else if (pattern !== segments[index]) return undefined
  }
  return params
}

/** Literal segments win over placeholders, position by position (`batches/list` before `batches/{uuid}`). */
function specificity(route: Route): string {
  return route.segments.map((segment) => (isPlaceholder(segment) ? '0' : '1')).join('')
}

/** `path` is relative to `/v1`. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const segments = splitPath(path)
  const candidates = routes
    .filter((route) => route.endpoint.method === method)
    .map((route) => ({ route, params: matchSegments(route, segments) }))
    .filter((candidate): candidate is { route: Route; params: Record<string, string> } => candidate.params !== undefined)
    .sort((a, b) => specificity(b.route).localeCompare(specificity(a.route)))
  const best = candidates[0]
  return best ? { endpoint: best.route.endpoint, params: best.params } : undefined
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
