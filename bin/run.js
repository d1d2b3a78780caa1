#!/usr/bin/env node
// First statement: hide the command line (a --token value, say) from process listings. Node has shown it
// since exec, so `--token -` (standard input) and CARGO_AI_TOKEN remain the safe ways to pass a token.
process.title = 'cargo-ai'
const { readFileSync } = await import('node:fs')

const argv = process.argv.slice(2)
/** Leaves through exitWithError (src/cli/output.ts), the one exit; `io` says where the JSON error goes. */
async function fail(error, io = { stdout: process.stdout, stderr: process.stderr }) {
  const { exitWithError } = await import('../dist/cli/output.js')
  await exitWithError(io, error, process.env)
}
// A reader that stops early (`cargo-ai … | head`) closes the pipe: stop quietly, as `yes | head` does, not with a stack trace.
// Any other failure of stdout (a full disk, a closed terminal) is reported on stderr, since stdout cannot take it.
process.stdout.on('error', async (error) => {
  if (error.code !== 'EPIPE') await fail(Object.assign(new Error(`Could not write to standard output (${error.code ?? error.message})`), { cause: error }), { stdout: process.stderr, stderr: process.stderr })
  process.exit(process.exitCode ?? 0)
})
// A failure no command caught (a callback that threw, a promise nobody awaited) still leaves as a JSON error, not a stack trace.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, async (error) => {
    await fail(error)
    process.exit(process.exitCode ?? 1)
  })
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
// `--version` is answered before oclif loads: scripts call it often and it should cost no more than node itself.
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${version}\n`)
} else {
  // Every failure, whichever path ran, leaves through exitWithError (src/cli/output.ts): one JSON object, one exit code.
  try {
    // Declared commands start from a build-time table without loading oclif (src/cli/fast-path.ts), through the same parser, checks and transport.
    const fast = await import('../dist/cli/fast-path.js').catch(() => undefined)
    // Agent hosts start `mcp` often and wait for its first answer: its plain forms skip oclif too (src/mcp/entry.ts).
    const served = fast && argv[0] === 'mcp' && (await (await import('../dist/mcp/entry.js')).runMcpWithoutOclif(argv, version))
    if (!served && !(await fast?.runFast(argv, version))) {
      // oclif's DEBUG output prints argv and flags: its lines are redacted before oclif loads.
      if (process.env.DEBUG) (await import('../dist/debug.js')).redactLibraryDebug(argv, process.env)
      const { flush, run } = await import('@oclif/core')
      await run(argv, import.meta.url)
      await flush()
    }
  } catch (error) {
    // what oclif throws before or around a command (unknown command, broken install), or a path's own start-up failure
    await fail(error)
  }
}
