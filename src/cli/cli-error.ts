/** Exit codes of the output contract (DESIGN.md). */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  unavailable: 4,
  waitedFailed: 5,
  interrupted: 130,
} as const

/** An error the CLI raises itself, with the exit code and JSON fields to print. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Bad input: nothing was sent. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage)
    this.name = 'UsageError'
  }
}

export class NotSignedInError extends CliError {
  constructor(message = 'Not signed in. Run `cargo-ai login --token <token>` (or set CARGO_AI_TOKEN) first.') {
    super(message, ExitCode.auth)
    this.name = 'NotSignedInError'
  }
}
