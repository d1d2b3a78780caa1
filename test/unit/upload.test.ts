import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CargoClient } from '../../src/api/client.js'
import { sendParts } from '../../src/api/multipart-upload.js'
import { sendHttp } from '../../src/api/transport.js'
import { CliError, ExitCode, UsageError } from '../../src/cli/cli-error.js'
import { server as msw } from '../support/api-stub.js'
import { formatBytes, inspectFile, type LocalFile, progressText, uploadWorkspaceFile } from '../../src/cli/upload.js'

/**
 * The upload flows against a scripted transport (no msw): the API's create/sign/complete/abort calls and
 * the signed part URLs are answered here, so that in-flight parts, retries and orders can be observed.
 * Small thresholds and part sizes stand in for 50 MiB and 8 MiB.
 */

const BASE = 'https://api.cargo.test'
const S3 = 'https://s3.cargo.test'
const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-upload-'))

function localFile(name: string, content: Buffer): LocalFile {
  const path = join(dir, name)
  writeFileSync(path, content)
  return { path, name, size: content.length, contentType: 'text/csv' }
}

const bytes = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => 97 + (i % 26)))

interface Script {
  /** part number → how many of its PUTs fail before one succeeds */
  failures?: Record<number, number>
  /** the status of those failures (default 503, which the client's retry policy retries) */
  failureStatus?: number
  /** milliseconds a part PUT takes */
  delay?: (partNumber: number) => number
  /** answer part PUTs without an ETag header */
  noEtag?: boolean
  abortStatus?: number
}

interface Seen {
  api: Array<{ path: string; body: any }>
  puts: Array<{ partNumber: number; url: string; headers: Record<string, string>; body: Buffer }>
  inFlight: number
  maxInFlight: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function scriptedClient(script: Script = {}): { client: CargoClient; seen: Seen } {
  const seen: Seen = { api: [], puts: [], inFlight: 0, maxInFlight: 0 }
  const failures = { ...script.failures }
  let signatures = 0
  const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } })
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (url.origin === S3) {
      const partNumber = Number(url.pathname.split('/').pop())
      seen.inFlight++
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight)
      try {
        const body = Buffer.from(await request.arrayBuffer())
        seen.puts.push({ partNumber, url: request.url, headers: Object.fromEntries(request.headers), body })
        await sleep(script.delay?.(partNumber) ?? 5)
        if ((failures[partNumber] ?? 0) > 0) {
          failures[partNumber]--
          return new Response('<Error>SlowDown</Error>', { status: script.failureStatus ?? 503 })
        }
        return new Response(null, { status: 200, headers: script.noEtag ? {} : { etag: `"etag-${partNumber}"` } })
      } finally {
        seen.inFlight--
      }
    }
    const multipart = request.headers.get('content-type')?.startsWith('multipart/form-data')
    const body = request.method === 'GET' || multipart ? undefined : JSON.parse((await request.text()) || '{}')
    const path = url.pathname.replace('/v1/workspaceManagement/files/', '')
    seen.api.push({ path, body })
    switch (path) {
      case 'multipart/create':
        return json({ s3Filename: 'abc-big.csv', uploadId: 'up-1' })
      case 'multipart/sign':
        return json({ url: `${S3}/abc-big.csv/up-1/${body.partNumber}?X-Amz-Signature=${++signatures}` })
      case 'multipart/complete':
        return json({ s3Filename: 'abc-big.csv' })
      case 'multipart/abort':
        return json({}, script.abortStatus ?? 200)
      default:
        return json({ errorMessage: `unexpected ${path}` }, 500)
    }
  }
  // no jitter: retries come at once
  return { client: new CargoClient({ baseUrl: BASE, token: 't', workspaceUuid: 'w', version: 'test', fetch, random: () => 0 }), seen }
}

const small = { threshold: 100, partSize: 10 }
const signs = (seen: Seen, partNumber?: number) =>
  seen.api.filter((call) => call.path === 'multipart/sign' && (partNumber === undefined || call.body.partNumber === partNumber))

describe('the S3 multipart flow (from the threshold)', () => {
  it('sends every slice once, at most 4 at a time, with no headers, then completes with the parts in order', async () => {
    const content = bytes(95)
    const { client, seen } = scriptedClient({ delay: (n) => 30 - n * 2 }) // later parts finish first
    const result = await uploadWorkspaceFile(client, localFile('big.csv', content), { threshold: 50, partSize: 10 })

    expect(result).toEqual({ s3Filename: 'abc-big.csv', contentType: 'text/csv', name: 'big.csv' })
    expect(seen.api[0]).toEqual({ path: 'multipart/create', body: { contentType: 'text/csv', filename: 'big.csv' } })
    expect(seen.maxInFlight).toBe(4)
    expect(seen.puts.map((put) => put.partNumber).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const ordered = [...seen.puts].sort((a, b) => a.partNumber - b.partNumber)
    expect(Buffer.concat(ordered.map((put) => put.body))).toEqual(content)
    expect(ordered.at(-1)?.body.length).toBe(5)
    for (const put of seen.puts) expect(put.headers).toEqual({})
    const complete = seen.api.at(-1)
    expect(complete?.path).toBe('multipart/complete')
    expect(complete?.body).toEqual({
      s3Filename: 'abc-big.csv',
      uploadId: 'up-1',
      parts: Array.from({ length: 10 }, (_, i) => ({ partNumber: i + 1, etag: `"etag-${i + 1}"` })),
    })
  })

  it('retries a part answered 503 with a newly signed URL, the bytes streamed from the file each time', async () => {
    const { client, seen } = scriptedClient({ failures: { 2: 2 } })
    await uploadWorkspaceFile(client, localFile('retry.csv', bytes(30)), { threshold: 30, partSize: 10 })

    const urls = seen.puts.filter((put) => put.partNumber === 2).map((put) => put.url)
    expect(urls).toHaveLength(3)
    expect(new Set(urls).size).toBe(3)
    expect(signs(seen, 2)).toHaveLength(3)
    expect(signs(seen, 1)).toHaveLength(1)
    expect(seen.puts.filter((put) => put.partNumber === 2).map((put) => put.body.toString())).toEqual(Array(3).fill('klmnopqrst'))
    expect(seen.api.at(-1)?.body.parts.map((part: { partNumber: number }) => part.partNumber)).toEqual([1, 2, 3])
  })

  it('does not retry a part refused with a status the retry policy leaves alone (500, as for any API read)', async () => {
    const { client, seen } = scriptedClient({ failures: { 1: 1 }, failureStatus: 500 })
    const error = (await uploadWorkspaceFile(client, localFile('refused.csv', bytes(10)), { threshold: 10, partSize: 10 }).catch((e: unknown) => e)) as CliError
    expect([error.message, error.exitCode, error.fields]).toEqual([
      'Upload of refused.csv failed: part 1 of 1 could not be sent after 1 attempt: the storage server refused part 1 (HTTP 500). The multipart upload was aborted.',
      ExitCode.unavailable,
      { reason: 'uploadFailed', partNumber: 1, attempts: 1, status: 500 },
    ])
    expect(seen.puts).toHaveLength(1)
  })

  it('gives up after 3 attempts of one part, starts no new part, aborts, and reports a clear error', async () => {
    // part 1 fails at once; the others take long enough that no worker is free before the failure
    const { client, seen } = scriptedClient({ failures: { 1: 3 }, delay: (n) => (n === 1 ? 0 : 40) })
    const error = await uploadWorkspaceFile(client, localFile('doomed.csv', bytes(200)), { threshold: 10, partSize: 10 }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).message).toBe(
      'Upload of doomed.csv failed: part 1 of 20 could not be sent after 3 attempts: the storage server refused part 1 (HTTP 503). The multipart upload was aborted.',
    )
    expect((error as CliError).exitCode).toBe(ExitCode.unavailable)
    expect((error as CliError).fields).toEqual({ reason: 'uploadFailed', partNumber: 1, attempts: 3, status: 503 })
    expect(signs(seen, 1)).toHaveLength(3)
    expect(Math.max(...signs(seen).map((call) => call.body.partNumber))).toBe(4)
    expect(seen.api.map((call) => call.path).filter((path) => path !== 'multipart/sign')).toEqual(['multipart/create', 'multipart/abort'])
    expect(seen.api.at(-1)?.body).toEqual({ s3Filename: 'abc-big.csv', uploadId: 'up-1' })
  })

  it('Ctrl-C stops sending parts, aborts the multipart upload, and exits 130 without completing it', async () => {
    const { client, seen } = scriptedClient({ delay: () => 40 })
    const interrupt = new AbortController()
    setTimeout(() => interrupt.abort(), 15)
    const error = (await uploadWorkspaceFile(client, localFile('stopped.csv', bytes(200)), { threshold: 10, partSize: 10, signal: interrupt.signal }).catch(
      (e: unknown) => e,
    )) as CliError

    expect(error).toBeInstanceOf(CliError)
    expect([error.message, error.exitCode, error.fields]).toEqual([
      'Upload of stopped.csv interrupted; nothing was stored. The multipart upload was aborted.',
      ExitCode.interrupted,
      { reason: 'interrupted' },
    ])
    expect(seen.api.map((call) => call.path).filter((path) => path !== 'multipart/sign')).toEqual(['multipart/create', 'multipart/abort'])
    // the four parts in flight were cut short; no new one started
    expect(seen.puts.length).toBeLessThanOrEqual(4)
  })

  it('counts a part answered without an ETag as failed, and says so when the abort fails too', async () => {
    const { client, seen } = scriptedClient({ noEtag: true, abortStatus: 500 })
    const error = (await uploadWorkspaceFile(client, localFile('noetag.csv', bytes(10)), { threshold: 10, partSize: 10 }).catch((e: unknown) => e)) as CliError

    expect(error.message).toBe(
      'Upload of noetag.csv failed: part 1 of 1 could not be sent after 1 attempt: the storage server accepted part 1 without an ETag header. The multipart upload could not be aborted (Server error (HTTP 500)); storage drops its parts when it expires.',
    )
    expect(error.exitCode).toBe(ExitCode.unavailable)
    expect(error.fields).toEqual({ reason: 'uploadFailed', partNumber: 1, attempts: 1 })
    expect(seen.puts).toHaveLength(1)
    expect(seen.api.map((call) => call.path).at(-1)).toBe('multipart/abort')
  })

  it('uses the S3 flow from the threshold on, and one request just under it', async () => {
    const at = scriptedClient()
    await uploadWorkspaceFile(at.client, localFile('at.csv', bytes(100)), small)
    expect(at.seen.api[0].path).toBe('multipart/create')

    const under = scriptedClient()
    await expect(uploadWorkspaceFile(under.client, localFile('under.csv', bytes(99)), small)).rejects.toThrow(/unexpected upload/)
    expect(under.seen.api.map((call) => call.path)).toEqual(['upload'])
  })
})

describe('the S3 parts over the real transport (node:http, no msw)', () => {
  beforeAll(() => msw.close())
  afterAll(() => msw.listen({ onUnhandledRequest: 'bypass' }))

  it('PUTs each part as the file\'s bytes with its content-length, retrying a 503 with a new signature', async () => {
    const puts: Array<{ url: string; length?: string; body: string }> = []
    let refused = false
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      const body = Buffer.concat(chunks).toString()
      if (request.method === 'PUT') {
        puts.push({ url: String(request.url), length: request.headers['content-length'], body })
        if (!refused && request.url?.startsWith('/s3/2')) {
          refused = true
          return response.writeHead(503, { 'retry-after': '0' }).end('<Error>SlowDown</Error>')
        }
        return response.writeHead(200, { etag: `"e${puts.length}"` }).end()
      }
      const { partNumber } = JSON.parse(body) as { partNumber: number }
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/s3/${partNumber}?X-Amz-Signature=${puts.length}` }))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const client = new CargoClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', version: 'test', fetch: sendHttp, random: () => 0 })
      const content = bytes(25)
      const parts = await sendParts(client, { s3Filename: 'a.csv', uploadId: 'u' }, localFile('real.csv', content).path, 25, { partSize: 10, concurrency: 1 })
      expect(puts).toEqual([
        { url: '/s3/1?X-Amz-Signature=0', length: '10', body: content.subarray(0, 10).toString() },
        { url: '/s3/2?X-Amz-Signature=1', length: '10', body: content.subarray(10, 20).toString() },
        { url: '/s3/2?X-Amz-Signature=2', length: '10', body: content.subarray(10, 20).toString() },
        { url: '/s3/3?X-Amz-Signature=3', length: '5', body: content.subarray(20).toString() },
      ])
      expect(parts).toEqual([
        { partNumber: 1, etag: '"e1"' },
        { partNumber: 2, etag: '"e3"' },
        { partNumber: 3, etag: '"e4"' },
      ])
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})

describe('the single request (under the threshold)', () => {
  function uploadClient(answer: unknown) {
    const seen: Array<{ url: string; headers: Record<string, string>; form: FormData }> = []
    const fetch = async (input: string, init: RequestInit = {}) => {
      const request = new Request(input, init)
      seen.push({ url: request.url, headers: Object.fromEntries(request.headers), form: await request.formData() })
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } })
    }
    return { client: new CargoClient({ baseUrl: BASE, token: 't', workspaceUuid: 'w', version: 'test', fetch }), seen }
  }

  it('posts the file as the form field file, with its name and type', async () => {
    const { client, seen } = uploadClient({ s3Filename: 'abc-small.csv', contentType: 'text/csv', name: 'small.csv' })
    const progress: Array<[number, number]> = []
    const result = await uploadWorkspaceFile(client, localFile('small.csv', Buffer.from('a,b\n1,2\n')), { onProgress: (sent, total) => progress.push([sent, total]) })

    expect(result).toEqual({ s3Filename: 'abc-small.csv', contentType: 'text/csv', name: 'small.csv' })
    expect(seen).toHaveLength(1)
    expect(seen[0].url).toBe(`${BASE}/v1/workspaceManagement/files/upload`)
    expect(seen[0].headers['selected-workspace-uuid']).toBe('w')
    expect(seen[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    const file = seen[0].form.get('file') as File
    expect([file.name, file.type, await file.text()]).toEqual(['small.csv', 'text/csv', 'a,b\n1,2\n'])
    expect(progress).toEqual([[0, 8], [8, 8]])
  })

  it('reads an answer given as files[0], keeping its uuid', async () => {
    const { client } = uploadClient({ files: [{ uuid: 'u-1', s3Filename: 'x-small.csv', contentType: 'text/csv', name: 'small.csv' }] })
    expect(await uploadWorkspaceFile(client, localFile('small.csv', Buffer.from('a\n')))).toEqual({
      uuid: 'u-1',
      s3Filename: 'x-small.csv',
      contentType: 'text/csv',
      name: 'small.csv',
    })
  })

  it('refuses an answer without s3Filename instead of printing an empty one', async () => {
    const { client } = uploadClient({})
    await expect(uploadWorkspaceFile(client, localFile('small.csv', Buffer.from('a\n')))).rejects.toThrow(/answered no s3Filename/)
  })
})

describe('the local file', () => {
  it('is checked before anything is sent: missing files and directories are usage errors', async () => {
    await expect(inspectFile(join(dir, 'nope.csv'))).rejects.toEqual(new UsageError(`--file: no such file: ${join(dir, 'nope.csv')}`))
    await expect(inspectFile(dir)).rejects.toEqual(new UsageError(`--file: ${dir} is a directory; give a file`))
  })

  it('gets its MIME type from its name', async () => {
    const path = join(dir, 'My Companies.CSV')
    writeFileSync(path, 'x')
    expect(await inspectFile(path)).toEqual({ path, name: 'My Companies.CSV', size: 1, contentType: 'text/csv' })
    writeFileSync(join(dir, 'blob.bin'), '')
    expect((await inspectFile(join(dir, 'blob.bin'))).contentType).toBe('application/octet-stream')
  })

  it('shows progress as a percentage and bytes', () => {
    expect(progressText('big.csv', 25 * 1024 * 1024, 100 * 1024 * 1024)).toBe('Uploading big.csv: 25% (25.0 MiB of 100.0 MiB)')
    expect(progressText('empty.csv', 0, 0)).toBe('Uploading empty.csv: 100% (0 B of 0 B)')
    expect(formatBytes(1536)).toBe('1.5 KiB')
  })
})
