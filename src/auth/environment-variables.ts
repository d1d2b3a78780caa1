/**
 * The environment variables that take part in sign-in, in precedence order: our CARGO_AI_* names first,
 * then the real CLI's names (CARGO_API_TOKEN, CARGO_API_KEY, CARGO_BASE_URL, CARGO_WORKSPACE_UUID).
 * A module of its own, free of imports, because the DEBUG redaction needs the token names before anything loads.
 */
export const TOKEN_VARIABLES = ['CARGO_AI_TOKEN', 'CARGO_API_TOKEN', 'CARGO_API_KEY'] as const
export const BASE_URL_VARIABLES = ['CARGO_AI_BASE_URL', 'CARGO_BASE_URL'] as const
export const WORKSPACE_VARIABLES = ['CARGO_AI_WORKSPACE_UUID', 'CARGO_WORKSPACE_UUID'] as const
