import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Files that need a fresh module graph: fast-path.test.ts imports other test files to run them again (a cached
// import would register nothing), and spinner.test.ts sets FORCE_COLOR before chalk first loads.
const needFreshModules = ['test/commands/fast-path.test.ts', 'test/unit/spinner.test.ts']

export default defineConfig({
  test: {
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    // hooks start emulator processes: on a loaded machine that can take longer than vitest's 10 s default
    hookTimeout: 30_000,
    pool: 'forks',
    // Two workers on a 2-core machine (the default leaves one idle).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: needFreshModules,
          // Modules loaded once per worker instead of once per file (msw and the emulator cost about a second a
          // file). Tests hold no module state across files: msw handlers reset after each test, emulators are per file.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: needFreshModules, isolate: true } },
    ],
  },
})
