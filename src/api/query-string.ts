/**
 * Query strings as the official client writes them (wire.md §4): nulls skipped, top-level arrays as
 * `key[]`, nested objects bracketed, arrays inside objects indexed, `:` `$` `,` left literal, spaces as `+`.
 */
export function serializeQuery(params: Record<string, unknown>): string {
  const pairs: string[] = []
  const add = (key: string, value: unknown) => pairs.push(`${encode(key)}=${encode(String(value))}`)

  const expand = (prefix: string, value: unknown, indexArrays: boolean): void => {
    if (value === null || value === undefined) return
    if (Array.isArray(value)) {
      value.forEach((item, index) => expand(indexArrays ? `${prefix}[${index}]` : `${prefix}[]`, item, true))
    } else if (typeof value === 'object') {
      for (const [key, sub] of Object.entries(value)) expand(`${prefix}[${key}]`, sub, true)
    } else {
      add(prefix, value)
    }
  }

  for (const [key, value] of Object.entries(params)) expand(key, value, false)
  return pairs.length > 0 ? `?${pairs.join('&')}` : ''
}

function encode(text: string): string {
  return encodeURIComponent(text)
    .replaceAll('%3A', ':')
    .replaceAll('%24', '$')
    .replaceAll('%2C', ',')
    .replaceAll('%20', '+')
}
