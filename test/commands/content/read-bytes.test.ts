/**
 * The raw reads, `content file read-bytes <uuid>` and `context runtime read-bytes --path`: one GET with the Cargo
 * headers whose body (bytes, not JSON) goes unchanged to stdout or, with --output, to a file (then a summary is
 * printed); refusals are the usual one JSON error.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'
import { expectApiHeaders, loadCommand, pick, printed } from '../../support/spec-table.js'

const fileUuid = 'f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f'
// not UTF-8: the bytes must arrive untouched
const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0xfe, 0x0a])
const serveBytes = () => new HttpResponse(bytes, { headers: { 'content-type': 'application/pdf' } })

describe('content file read-bytes', () => {
  it('streams the bytes to stdout after one GET with the Cargo headers', async () => {
    stubApi('GET', `/v1/content/files/${fileUuid}/raw`, () => new HttpResponse('# Acme\n\nSells anvils.\n', { headers: { 'content-type': 'text/markdown' } }))
    const result = await runCommand(await loadCommand('content file read-bytes'), [fileUuid])
    expect(result).toMatchObject({ exitCode: 0, stdout: '# Acme\n\nSells anvils.\n', stderr: '' })
    expect(requests.map(pick)).toEqual([{ method: 'GET', path: `/v1/content/files/${fileUuid}/raw`, query: '', body: undefined }])
    expectApiHeaders(requests[0])
  })

  it('writes them, byte for byte, to --output and prints where', async () => {
    stubApi('GET', `/v1/content/files/${fileUuid}/raw`, serveBytes)
    const target = join(mkdtempSync(join(tmpdir(), 'cargo-ai-raw-')), 'file.pdf')
    const result = await runCommand(await loadCommand('content file read-bytes'), [fileUuid, '--output', target])
    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout).toBe(printed({ output: target, bytes: bytes.length, files: 1 }))
    expect(readFileSync(target).equals(bytes)).toBe(true)
  })

  it('reports the refusal with its reason (exit 1), and a malformed uuid before any request (exit 2)', async () => {
    stubApi('GET', `/v1/content/files/${fileUuid}/raw`, { reason: 'fileNotFound' }, 404)
    const refused = await runCommand(await loadCommand('content file read-bytes'), [fileUuid])
    expect(refused.exitCode).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({ errorMessage: 'No file matches this UUID; run `content file list`.', reason: 'fileNotFound', status: 404 })
    requests.length = 0
    const malformed = await runCommand(await loadCommand('content file read-bytes'), ['not-a-uuid'])
    expect(malformed.exitCode).toBe(2)
    expect(requests).toEqual([])
  })
})

describe('context runtime read-bytes', () => {
  it('sends the path as a query parameter and streams the bytes', async () => {
    stubApi('GET', '/v1/context/runtime/raw', () => new HttpResponse('# CFO\n', { headers: { 'content-type': 'text/markdown' } }))
    const result = await runCommand(await loadCommand('context runtime read-bytes'), ['--path', 'persona/cfo.md'])
    expect(result).toMatchObject({ exitCode: 0, stdout: '# CFO\n', stderr: '' })
    expect(requests.map(pick)).toEqual([{ method: 'GET', path: '/v1/context/runtime/raw', query: 'path=persona%2Fcfo.md', body: undefined }])
  })

  it('needs --path', async () => {
    const result = await runCommand(await loadCommand('context runtime read-bytes'), [])
    expect(result.exitCode).toBe(2)
    expect(requests).toEqual([])
  })
})
