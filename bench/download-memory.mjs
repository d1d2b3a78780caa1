// Peak memory of `run download` streaming a large body (default 1 GiB) to a file.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const total = Number(process.env.BENCH_DOWNLOAD_MIB ?? 1024) * 1024 * 1024
const chunk = Buffer.alloc(1024 * 1024, 'x')
const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json')
  if (request.url.startsWith('/v1/')) return response.end(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/file` }))
  response.writeHead(200, { 'content-length': String(total), 'content-type': 'application/octet-stream' })
  let sent = 0
  const pump = () => {
    while (sent < total) {
      sent += chunk.length
      if (!response.write(chunk)) return response.once('drain', pump)
    }
    response.end()
  }
  pump()
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-bench-'))
const target = join(dir, 'runs.ndjson')
const env = { ...process.env, CARGO_AI_CONFIG_DIR: dir, CARGO_AI_BASE_URL: `http://127.0.0.1:${server.address().port}`, CARGO_AI_TOKEN: 'bench' }
const args = ['--import', join(root, 'bench', 'report-rss.mjs'), join(root, 'bin', 'run.js'), 'orchestration', 'run', 'download', '--workflow-uuid', '6f1e2d3c-4b5a-4968-8776-655443322110', '--output', target]
let stderr = ''
const started = Date.now()
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr.on('data', (data) => (stderr += data))
  child.on('close', resolve)
})
const peakMiB = Number(/peak-rss-kib (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024
const size = statSync(target).size
rmSync(dir, { recursive: true })
server.close()
console.log(`run download of ${(size / 2 ** 20).toFixed(0)} MiB: exit ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${peakMiB.toFixed(0)} MiB (target < 100 MiB: ${peakMiB < 100 ? 'met' : 'NOT met'})`)
