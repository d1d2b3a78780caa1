import { rolldown } from 'rolldown'
const bundle = await rolldown({ input: { entry: './bundle-entry.tmp.js', list: './dist/commands/orchestration/workflow/list.js' }, platform: 'node', external: [/^node:/, /^@napi-rs/, 'better-sqlite3', 'undici', 'ora', 'open', 'cli-table3', 'jmespath', 'typescript', 'ts-node', 'tsx'] , logLevel: 'warn' })
await bundle.write({ dir: '/tmp/exp/b/out', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' })
