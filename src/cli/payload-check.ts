import { UUID_PATTERN } from '../api/schemas/uuid-pattern.js'
import type { FieldFlag } from './flag-values.js'
import { UsageError } from './cli-error.js'

interface PayloadSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } }
}

/**
 * Refuses a payload its schema rejects (exit 2), naming flags and arguments rather than payload fields.
 * The payload itself is sent as the user wrote it, not as zod outputs it: loose schemas must never drop
 * or reshape fields.
 */
export function checkPayload(schema: PayloadSchema, payload: Record<string, unknown>, fields: FieldFlag[], argNames: string[]): void {
  const check = schema.safeParse(payload)
  if (check.success) return
  const { issues } = check.error
  const problems = issues.slice(0, 5).map((issue) => `${describeIssuePath(issue.path, fields, argNames)}: ${issue.message}`)
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
  throw new UsageError(`Invalid input: ${problems.join('; ')}${more}`)
}

/** The flag (or argument) name a payload path belongs to, for error messages. */
function describeIssuePath(path: PropertyKey[], fields: FieldFlag[], args: string[]): string {
  const [head, ...rest] = path
  const field = fields.find((candidate) => candidate.field === head)
  const label = field ? `--${field.name}` : args.includes(String(head)) ? `<${String(head)}>` : head === undefined ? 'input' : String(head)
  const suffix = rest.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')
  return `${label}${suffix}`
}

/**
 * Refuses an id that goes into the URL path under a uuid name (`{uuid}`, `{workflowUuid}`) and is not a
 * UUID, whatever its schema says (the `uuid` schema already refuses one): `run get ..` would otherwise
 * address another path of the API. Both command paths call it before anything is sent.
 */
export function checkPathUuids(path: string, payload: Record<string, unknown>, fields: FieldFlag[], argNames: string[]): void {
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    const value = payload[name]
    if (!/uuid$/i.test(name) || typeof value !== 'string' || UUID_PATTERN.test(value)) continue
    throw new UsageError(`${describeIssuePath([name], fields, argNames)}: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ${JSON.stringify(value)}`)
  }
}
