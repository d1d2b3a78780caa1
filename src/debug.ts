import { createRequire } from 'node:module'
import { formatWithOptions, type InspectOptions } from 'node:util'

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

/** Token values this process knows (flag, standard input, environment, stored credentials): hidden wherever they appear. */
const knownSecrets = new Set<string>()

export function registerSecrets(...values: Array<string | undefined>): void {
  for (const value of values) if (value && value !== '-') knownSecrets.add(value)
}

/** Hides known token values, bearer tokens and anything labelled as a token. */
export function redact(text: string): string {
  let hidden = text
  for (const secret of knownSecrets) hidden = hidden.replaceAll(secret, '[redacted]')
  return hidden
    .replace(/(bearer\s+)[^\s"']+/gi, '$1[redacted]')
    .replace(/("?(?:token|accessToken|refreshToken|access_token|refresh_token)"?\s*[:=]\s*"?)[^\s",}]+/gi, '$1[redacted]')
}

/** The variables through which a token reaches the CLI (see DESIGN.md, Configuration). */
const TOKEN_VARIABLES = ['CARGO_AI_TOKEN', 'CARGO_API_TOKEN', 'CARGO_API_KEY']

/** Registers the token values given on the command line (`--token X`, `--token=X`) and in the environment. */
export function registerSecretsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  argv.forEach((arg, index) => {
    if (arg === '--token') registerSecrets(argv[index + 1])
    else if (arg.startsWith('--token=')) registerSecrets(arg.slice('--token='.length))
  })
  registerSecrets(...TOKEN_VARIABLES.map((name) => env[name]))
}

interface DebugPackage {
  log: (...args: unknown[]) => unknown
  inspectOpts?: InspectOptions
}

/**
 * oclif logs through the `debug` package, and with DEBUG=* it prints process.argv, the command's argv and
 * its flags: a `--token` value among them. Every line that package writes goes through its `log`
 * function, which is replaced here by one that redacts first. The package is the instance oclif resolves
 * (required from oclif's own location). Called before oclif loads, only when DEBUG is set.
 */
export function redactLibraryDebug(argv: readonly string[], env: NodeJS.ProcessEnv, write: (text: string) => unknown = (text) => process.stderr.write(text)): void {
  registerSecretsFrom(argv, env)
  const fromOclif = createRequire(createRequire(import.meta.url).resolve('@oclif/core'))
  const debugPackage = fromOclif('debug') as DebugPackage
  debugPackage.log = (...args: unknown[]) => write(`${redact(formatWithOptions(debugPackage.inspectOpts ?? {}, ...args))}\n`)
}
