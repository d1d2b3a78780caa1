/**
 * `workspaceManagement file upload` as a command: the multipart POST, the printed result, the progress line, and the
 * errors (the S3 flow of large files is exercised in test/unit/upload.test.ts with small thresholds).
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Login from '../../../src/commands/login.js'
import ListColumns from '../../../src/commands/workspaceManagement/file/list-columns.js'
import Upload from '../../../src/commands/workspaceManagement/file/upload.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { TEST_TOKEN, TEST_WORKSPACE, runCommand } from '../../support/run-command.js'
import { expectSuccess, printed, version } from '../../support/spec-table.js'

const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-upload-cmd-'))
const csvPath = join(dir, 'my-companies.csv')
writeFileSync(csvPath, 'company,domain\nAcme,acme.com\n')
const UPLOAD = '/v1/workspaceManagement/files/upload'
const answer = { s3Filename: 'abc123-my-companies.csv', contentType: 'text/csv', name: 'my-companies.csv' }

describe('workspaceManagement file upload', () => {
  it('sends one multipart POST with the form field file, and prints the answer', async () => {
    stubApi('POST', UPLOAD, { ...answer, uuid: null })
    const result = await runCommand(Upload, ['--file', csvPath])

    expectSuccess(result, printed(answer))
    expect(requests).toHaveLength(1)
    const [request] = requests
    expect([request.method, request.path, request.query]).toEqual(['POST', UPLOAD, ''])
    expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`)
    expect(request.headers['selected-workspace-uuid']).toBe(TEST_WORKSPACE)
    expect(request.headers['x-cargo-origin-version']).toBe(version)
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request.headers['content-type'])?.[1]
    expect(boundary).toBeDefined()
    const body = String(request.body)
    expect(body.split(`--${boundary}`).filter((part) => part.includes('Content-Disposition'))).toEqual([
      '\r\nContent-Disposition: form-data; name="file"; filename="my-companies.csv"\r\nContent-Type: text/csv\r\n\r\ncompany,domain\nAcme,acme.com\n\r\n',
    ])
  })

  it('shows a progress line on stderr when it is a terminal, and nothing otherwise', async () => {
    stubApi('POST', UPLOAD, answer)
    const tty = await runCommand(Upload, ['--file', csvPath], { stderrIsTTY: true })
    expect(tty.stdout).toBe(printed(answer))
    expect(tty.stderr).toBe('\rUploading my-companies.csv: 0% (0 B of 29 B)\u001B[K\rUploading my-companies.csv: 100% (29 B of 29 B)\u001B[K\n')

    stubApi('POST', UPLOAD, answer)
    expect((await runCommand(Upload, ['--file', csvPath])).stderr).toBe('')
  })

  it.each([
    ['a missing file', join(dir, 'missing.csv'), `--file: no such file: ${join(dir, 'missing.csv')}`],
    ['a directory', dir, `--file: ${dir} is a directory; give a file`],
  ])('refuses %s with exit 2, before any request', async (_, path, message) => {
    const result = await runCommand(Upload, ['--file', path])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: message })
    expect(requests).toEqual([])
  })

  it('requires --file', async () => {
    const result = await runCommand(Upload, [])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(/Missing required flag --file/)
  })

  it('reports a refused upload as JSON with the reason message (exit 1)', async () => {
    stubApi('POST', UPLOAD, { reason: 'noFile' }, 400)
    const result = await runCommand(Upload, ['--file', csvPath])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: 'The request carried no file.', reason: 'noFile', status: 400 })
  })
})

describe('workspaceManagement file upload against the embedded emulator', () => {
  it('sends a 50 MiB file in S3 parts, whose header row list-columns then reads', async () => {
    const env = { CARGO_AI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cargo-ai-upload-emu-')), CARGO_AI_KEYRING: 'off' }
    expect((await runCommand(Login, ['--emulator'], { env })).exitCode).toBe(0)
    const path = join(dir, 'large.csv')
    writeFileSync(path, 'email,score\n')
    truncateSync(path, 50 * 1024 * 1024)

    const upload = await runCommand(Upload, ['--file', path], { env })
    expect(upload.stderr).toBe('')
    expect(upload.json()).toEqual({ s3Filename: expect.stringMatching(/^[0-9a-f-]{36}-large\.csv$/), contentType: 'text/csv', name: 'large.csv' })
    const columns = await runCommand(ListColumns, ['--s3-filename', upload.json().s3Filename], { env })
    expect(columns.json()).toEqual({ columns: [{ type: 'string', name: 'email' }, { type: 'string', name: 'score' }] })
  }, 30_000)
})
