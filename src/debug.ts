/** `DEBUG=cargo-ai*` (or `cargo-ai:http`, `*`) writes diagnostics to stderr. Secrets never reach it. */
export function debugEnabled(namespace: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = env.DEBUG
  if (!setting) return false
  return setting.split(/[\s,]+/).some((pattern) => {
    if (!pattern) return false
    const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`)
    return regex.test(namespace)
  })
}

export type DebugLog = (message: string) => void

export function createDebug(namespace: string, env: NodeJS.ProcessEnv = process.env, write = (text: string) => process.stderr.write(text)): DebugLog {
  if (!debugEnabled(namespace, env)) return () => {}
  return (message) => write(`${namespace} ${redact(message)}\n`)
}

/** Hides bearer tokens and anything that looks like a long secret. */
export function redact(text: string): string {
  return text.replace(/(bearer\s+)[^\s"']+/gi, '$1[redacted]').replace(/("?(?:token|accessToken|refreshToken|access_token|refresh_token)"?\s*[:=]\s*"?)[^\s",}]+/gi, '$1[redacted]')
}
