// Peak memory of `workspaceManagement file upload` sending a large file (default 500 MiB) through the S3
// multipart flow (create, sign + PUT per 8 MiB part, complete) to a local stub of the API and of storage.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const total = Number(process.env.BENCH_UPLOAD_MIB ?? 500) * 1024 * 1024
let received = 0
let parts = 0
const server = createServer(async (request, response) => {
  const origin = `http://127.0.0.1:${server.address().port}`
  if (request.method === 'PUT') {
    for await (const chunk of request) received += chunk.length
    parts++
    return response.writeHead(200, { etag: `"part-${parts}"` }).end()
  }
  let text = ''
  for await (const chunk of request) text += chunk
  const body = text ? JSON.parse(text) : {}
  response.setHeader('content-type', 'application/json')
  if (request.url.endsWith('/multipart/create')) return response.end(JSON.stringify({ s3Filename: 'bench-big.csv', uploadId: 'up-1' }))
  if (request.url.endsWith('/multipart/sign')) return response.end(JSON.stringify({ url: `${origin}/s3/bench-big.csv/${body.partNumber}` }))
  if (request.url.endsWith('/multipart/complete')) return response.end(JSON.stringify({ s3Filename: 'bench-big.csv' }))
  response.end('{}')
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-bench-'))
const file = join(dir, 'big.csv')
// a sparse file: the disk is not the thing measured
writeFileSync(file, '')
truncateSync(file, total)
const env = { ...process.env, CARGO_AI_CONFIG_DIR: dir, CARGO_AI_BASE_URL: `http://127.0.0.1:${server.address().port}`, CARGO_AI_TOKEN: 'bench', CARGO_AI_KEYRING: 'off' }
const args = ['--import', join(root, 'bench', 'report-rss.mjs'), join(root, 'bin', 'run.js'), 'workspaceManagement', 'file', 'upload', '--file', file]
let stderr = ''
const started = Date.now()
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr.on('data', (data) => (stderr += data))
  child.on('close', resolve)
})
const peakMiB = Number(/peak-rss-kib (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024
rmSync(dir, { recursive: true })
server.close()
const sentMiB = (received / 2 ** 20).toFixed(0)
console.log(
  `workspace file upload of ${(total / 2 ** 20).toFixed(0)} MiB: exit ${code}, ${parts} parts, ${sentMiB} MiB received, ${((Date.now() - started) / 1000).toFixed(1)} s, peak RSS ${peakMiB.toFixed(0)} MiB (target < 100 MiB: ${peakMiB < 100 ? 'met' : 'NOT met'})`,
)
