import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Two workers on a 2-core machine (the default leaves one idle), and modules loaded once per worker instead of
    // once per file (msw and the emulator cost about a second a file): the suite runs in about 3.5 min instead of 6.
    // Tests hold no module state across files: msw handlers reset after each test, emulators are per test file.
    maxWorkers: Math.max(2, availableParallelism()),
    isolate: false,
  },
})
