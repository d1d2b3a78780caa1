#!/usr/bin/env node
// `--version` is answered before oclif loads: scripts call it often and it should cost no more than node itself.
if (process.argv[2] === '--version' && process.argv.length === 3) {
  const { readFileSync } = await import('node:fs')
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${version}\n`)
} else {
  // Hide the arguments (a --token value, say) from process listings.
  process.title = 'cargo-ai'
  const { flush, run } = await import('@oclif/core')
  try {
    await run(process.argv.slice(2), import.meta.url)
    await flush()
  } catch (error) {
    const { handleFatal } = await import('../dist/cli/fatal.js')
    process.exitCode = await handleFatal(error)
  }
}
