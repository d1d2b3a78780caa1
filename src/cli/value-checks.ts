/**
 * The simple checks of a payload field (lengths, patterns, bounds, allowed values), written as data when
 * the flags are derived from the schema (payload-flags.ts), so that the fast path can tell without zod that
 * a value passes. A value that fails one is handed to zod, which words the error as the oclif path does.
 */
export type ValueCheck =
  | { check: 'minLength' | 'maxLength'; value: number }
  | { check: 'pattern'; source: string; flags: string }
  | { check: 'min' | 'max'; value: number; inclusive: boolean }
  | { check: 'oneOf'; values: string[] }
  /** applies its checks to every element of an array */
  | { check: 'each'; checks: ValueCheck[] }

export function meetsChecks(value: unknown, checks: readonly ValueCheck[]): boolean {
  if (value === null) return true
  return checks.every((check) => meets(value, check))
}

function meets(value: unknown, check: ValueCheck): boolean {
  switch (check.check) {
    case 'minLength':
      return lengthOf(value) >= check.value
    case 'maxLength':
      return lengthOf(value) <= check.value
    case 'pattern':
      return typeof value === 'string' && new RegExp(check.source, check.flags).test(value)
    case 'min':
      return typeof value === 'number' && (check.inclusive ? value >= check.value : value > check.value)
    case 'max':
      return typeof value === 'number' && (check.inclusive ? value <= check.value : value < check.value)
    case 'oneOf':
      return typeof value === 'string' && check.values.includes(value)
    case 'each':
      return Array.isArray(value) && value.every((element) => meetsChecks(element, check.checks))
  }
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : Number.NaN
}
