import { z } from 'zod'

/**
 * The operators of a segmentation filter's conditions, by condition kind (entities.md §4.1). The API
 * refuses any other operator (`invalidFilter`); checking them here refuses a typo before anything is sent,
 * naming the operators that would have worked. Kinds not listed (sql, and any the API adds later) pass
 * through unchecked.
 */

const presence = ['isNull', 'isNotNull'] as const
const emptiness = ['isEmpty', 'isNotEmpty'] as const
const textMatch = ['is', 'isNot', 'contains', 'doesNotContain', 'startsWith', 'endsWith'] as const
const ordered = ['is', 'isNot', 'greaterThan', 'lowerThan', 'between'] as const

export const CONDITION_OPERATORS: Readonly<Record<string, readonly string[]>> = {
  string: [...textMatch, ...presence, ...emptiness],
  number: [...ordered, ...presence],
  date: [...ordered, ...presence],
  boolean: ['isTrue', 'isFalse', ...presence],
  object: ['matchConditions', ...presence],
  array: ['matchConditions', ...presence],
  vector: presence,
  any: presence,
  segment: ['in', 'notIn'],
}

/** Conditions on a property of an object or array column (`propertyConditions`). */
export const PROPERTY_OPERATORS: readonly string[] = [...textMatch, 'greaterThan', 'lowerThan', 'between', ...presence, ...emptiness]
/** `frequency` and `period` of enrollment and occurrence conditions. */
export const FREQUENCY_OPERATORS: readonly string[] = ['not', 'moreThan', 'lessThan', 'exactly']
export const PERIOD_OPERATORS: readonly string[] = ['lessThan', 'moreThan', 'exactly']

/** The operators for --help, one line per kind. */
export function describeFilterOperators(): string {
  const lines = Object.entries(CONDITION_OPERATORS).map(([kind, operators]) => `${kind}: ${operators.join(', ')}`)
  return [
    'Condition operators, by condition kind (any other is refused before the request is sent):',
    ...lines,
    `objectProperty (in propertyConditions): ${PROPERTY_OPERATORS.join(', ')}`,
    `enrollment, occurrence: frequency.operator ${FREQUENCY_OPERATORS.join(', ')}; period.operator ${PERIOD_OPERATORS.join(', ')}`,
  ].join('\n')
}

type Issues = z.core.$RefinementCtx

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function checkOperator(value: Record<string, unknown>, valid: readonly string[], what: string, path: PropertyKey[], ctx: Issues): void {
  const operator = value.operator
  if (typeof operator === 'string' && valid.includes(operator)) return
  const found = operator === undefined ? 'no operator' : `unknown operator ${JSON.stringify(operator)}`
  ctx.addIssue({ code: 'custom', path: [...path, 'operator'], message: `${found} for ${what}; valid operators: ${valid.join(', ')}` })
}

function checkCondition(condition: Record<string, unknown>, path: PropertyKey[], ctx: Issues): void {
  const kind = String(condition.kind)
  const operators = CONDITION_OPERATORS[kind]
  if (operators) checkOperator(condition, operators, `a ${kind} condition`, path, ctx)
  if (Array.isArray(condition.propertyConditions)) {
    condition.propertyConditions.forEach((property, index) => {
      if (isObject(property)) checkOperator(property, PROPERTY_OPERATORS, 'a property condition', [...path, 'propertyConditions', index], ctx)
    })
  }
  if (kind === 'enrollment' || kind === 'occurrence') {
    if (isObject(condition.frequency)) checkOperator(condition.frequency, FREQUENCY_OPERATORS, `the frequency of an ${kind} condition`, [...path, 'frequency'], ctx)
    if (isObject(condition.period)) checkOperator(condition.period, PERIOD_OPERATORS, `the period of an ${kind} condition`, [...path, 'period'], ctx)
  }
  if (kind === 'occurrence' && Array.isArray(condition.conditions)) {
    condition.conditions.forEach((inner, index) => {
      if (isObject(inner)) checkCondition(inner, [...path, 'conditions', index], ctx)
    })
  }
}

/** One condition of a filter group: its kind, and the operators it uses where the kind has a known list. */
export const filterCondition = z.looseObject({ kind: z.string() }).superRefine((condition, ctx) => checkCondition(condition, [], ctx))
