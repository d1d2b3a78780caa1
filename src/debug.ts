import { createRequire } from 'node:module'
import { formatWithOptions, type InspectOptions } from 'node:util'
import { TOKEN_VARIABLES } from './auth/environment-variables.js'

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
  return (message) => write(`${noticeOnce()}${namespace} ${redact(message)}\n`)
}

/** Token values this process knows (flag, standard input, environment, stored credentials). */
const knownSecrets = new Set<string>()

/**
 * Shorter than this, a value is not a real token (every API token is far longer), and hiding every
 * occurrence of one or two letters would garble the whole log: it is not redacted at all.
 */
export const MIN_REDACTED_LENGTH = 3
/** From this length a value is hidden wherever it appears, even inside other text (URL-encoded, say). */
const ANYWHERE_LENGTH = 16

/** a value too short to redact was given: the log says so once, so that nobody takes it for a leak */
let shortValueNotice: string | undefined

export function registerSecrets(...values: Array<string | undefined>): void {
  for (const value of values) {
    if (!value || value === '-') continue
    if (value.length >= MIN_REDACTED_LENGTH) knownSecrets.add(value)
    else shortValueNotice ??= `cargo-ai a token of ${value.length} character(s) is not redacted in this log: too short to be a real API token, and hiding it would garble every line\n`
  }
}

/** The notice about a too-short token, the first time a debug line is written after it was registered. */
function noticeOnce(): string {
  const notice = shortValueNotice ?? ''
  if (shortValueNotice) shortValueNotice = ''
  return notice
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A short value is hidden only as a whole word: `abc` in `/v1/abcdef` is not the token. */
function hideSecret(text: string, secret: string): string {
  if (secret.length >= ANYWHERE_LENGTH) return text.replaceAll(secret, '[redacted]')
  return text.replace(new RegExp(`(?<![\\w.~-])${escapeRegExp(secret)}(?![\\w.~-])`, 'g'), '[redacted]')
}

/** Hides known token values, bearer tokens and anything labelled as a token. */
export function redact(text: string): string {
  let hidden = text
  for (const secret of knownSecrets) hidden = hideSecret(hidden, secret)
  return hidden
    .replace(/(bearer\s+)[^\s"']+/gi, '$1[redacted]')
    .replace(/("?(?:token|accessToken|refreshToken|access_token|refresh_token)"?\s*[:=]\s*"?)[^\s",}]+/gi, '$1[redacted]')
}

/** Flags whose value is a secret: an API token, or the one-time code of an email sign-in. */
const SECRET_FLAGS = ['--token', '--code']

/** Registers the secret values given on the command line (`--token X`, `--code=X`) and the tokens in the environment. */
export function registerSecretsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  argv.forEach((arg, index) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag) registerSecrets(argv[index + 1])
      else if (arg.startsWith(`${flag}=`)) registerSecrets(arg.slice(flag.length + 1))
    }
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
  debugPackage.log = (...args: unknown[]) => write(`${noticeOnce()}${redact(formatWithOptions(debugPackage.inspectOpts ?? {}, ...args))}\n`)
}
