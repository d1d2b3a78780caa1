/**
 * The official client turns nulls in results into absent keys, except at a few paths where the raw value
 * is kept (wire.md §5). Paths: `a.b`, `list[].field`, `map.*.field`.
 */
export function stripNulls(value: unknown, keepPaths: readonly string[] = []): unknown {
  const keep = keepPaths.map((path) => path.replaceAll('[]', '.[]').split('.'))
  return strip(value, keep.length > 0 ? keep : undefined)
}

function strip(value: unknown, keep: string[][] | undefined): unknown {
  if (Array.isArray(value)) {
    const inner = descend(keep, '[]')
    return value.map((item) => (item === null ? null : strip(item, inner)))
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, sub] of Object.entries(value)) {
      if (keep?.some((path) => path.length === 1 && (path[0] === key || path[0] === '*'))) {
        out[key] = sub
      } else if (sub !== null) {
        out[key] = strip(sub, descend(keep, key))
      }
    }
    return out
  }
  return value
}

function descend(keep: string[][] | undefined, segment: string): string[][] | undefined {
  if (!keep) return undefined
  const next = keep.filter((path) => path.length > 1 && (path[0] === segment || path[0] === '*')).map((path) => path.slice(1))
  return next.length > 0 ? next : undefined
}
