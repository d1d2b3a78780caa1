/**
 * 8-4-4-4-12 hexadecimal digits, any version: the shape of every id the API hands out. Its own module,
 * without zod, so that the fast path can check path ids without loading the schemas.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
