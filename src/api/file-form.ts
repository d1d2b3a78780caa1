import { openAsBlob } from 'node:fs'

/**
 * The body of a single-request file upload (wire.md §9.1): the local file as the form field `file`, then
 * the text fields that are set. The file is a file-backed Blob: read from disk as the request is sent
 * (the transport streams the form), never held in memory.
 */
export async function fileForm(file: { path: string; name: string; contentType: string }, fields: Record<string, string | undefined> = {}): Promise<FormData> {
  const form = new FormData()
  form.append('file', await openAsBlob(file.path, { type: file.contentType }), file.name)
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) form.append(field, value)
  return form
}
