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
