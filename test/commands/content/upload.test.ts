/**
 * `content file upload --file`: one multipart POST to content/files/upload (wire.md §9.1) with the part
 * `file` (base name, content type from the extension) and the optional folderUuid / uuid fields; the
 * answer `{files: [File]}` printed as the official client reports it: {uuid, s3Filename, contentType, name}.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type RecordedRequest, requests, stubApi } from '../../support/api-stub.js'
import { runCommand, TEST_TOKEN, TEST_WORKSPACE } from '../../support/run-command.js'
import { loadCommand, printed, version } from '../../support/spec-table.js'
import { contentFile, fileUuid, folderUuid } from '../../fixtures/ai.js'

const uploadPath = '/v1/content/files/upload'
const bytes = '%PDF-1.4 fake pdf\n'
let dir: string
let pdf: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cargo-ai-upload-'))
  pdf = join(dir, 'knowledge-base.pdf')
  writeFileSync(pdf, bytes)
  mkdirSync(join(dir, 'folder.pdf'))
})

const upload = async (argv: string[], options: Parameters<typeof runCommand>[2] = {}) => runCommand(await loadCommand('content file upload'), argv, options)

/** The multipart body as the server reads it. */
async function formOf(request: RecordedRequest): Promise<FormData> {
  return new Response(request.body as string, { headers: { 'content-type': request.headers['content-type'] } }).formData()
}

describe('content file upload', () => {
  it('sends one multipart request with the file part and the fields given, and prints the first file', async () => {
    stubApi('POST', uploadPath, { files: [contentFile] })
    const result = await upload(['--file', pdf, '--folder-uuid', folderUuid, '--uuid', fileUuid])

    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout).toBe(printed({ uuid: fileUuid, s3Filename: contentFile.s3Filename, contentType: 'application/pdf', name: 'knowledge-base.pdf' }))
    expect(requests.map((request) => `${request.method} ${request.path}${request.query}`)).toEqual([`POST ${uploadPath}`])
    const [request] = requests
    expect(request.headers).toMatchObject({ authorization: `Bearer ${TEST_TOKEN}`, 'selected-workspace-uuid': TEST_WORKSPACE, 'x-cargo-origin': 'cli', 'x-cargo-origin-version': version })
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    const form = await formOf(request)
    expect([...form.keys()]).toEqual(['file', 'folderUuid', 'uuid'])
    const file = form.get('file') as File
    expect([file.name, file.type, await file.text()]).toEqual(['knowledge-base.pdf', 'application/pdf', bytes])
    expect([form.get('folderUuid'), form.get('uuid')]).toEqual([folderUuid, fileUuid])
  })

  it('sends only the file part when no field is given; an empty answer prints empty strings', async () => {
    const notes = join(dir, 'notes.unknown-ext')
    writeFileSync(notes, 'x')
    stubApi('POST', uploadPath, () => new Response('', { status: 200 }))
    const result = await upload(['--file', notes])
    expect(result.stdout).toBe(printed({ s3Filename: '', contentType: '', name: '' }))
    const form = await formOf(requests[0])
    expect([...form.keys()]).toEqual(['file'])
    expect((form.get('file') as File).type).toBe('application/octet-stream')
  })

  it.each([
    { name: 'a missing file', path: () => join(dir, 'missing.pdf'), message: /--file: no such file: .*missing\.pdf/ },
    { name: 'a directory', path: () => join(dir, 'folder.pdf'), message: /--file: .*folder\.pdf is a directory/ },
  ])('refuses $name with a JSON error, exit 2, and sends nothing', async ({ path, message }) => {
    const result = await upload(['--file', path()])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(message)
    expect(requests).toEqual([])
  })

  it('shows progress on stderr only when it is a terminal', async () => {
    stubApi('POST', uploadPath, { files: [contentFile] })
    const tty = await upload(['--file', pdf], { stderrIsTTY: true })
    expect(tty.stderr).toContain(`Uploading knowledge-base.pdf: 100% (${bytes.length} B of ${bytes.length} B)`)
    expect(tty.stderr.endsWith('\n')).toBe(true)
    expect(tty.json().uuid).toBe(fileUuid)
    const piped = await upload(['--file', pdf])
    expect(piped.stderr).toBe('')
  })

  it('a refused upload prints {errorMessage} and exits 1', async () => {
    stubApi('POST', uploadPath, { reason: 'noFile' }, 400)
    const result = await upload(['--file', pdf])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toMatchObject({ errorMessage: 'The upload request did not carry a file.', reason: 'noFile', status: 400 })
  })
})
