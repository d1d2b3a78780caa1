import * as Flags from '@oclif/core/flags'
import { uploadFiles } from '../../../api/endpoints/content.js'
import { fileForm } from '../../../api/file-form.js'
import { normalizeUpload } from '../../../api/schemas/content.js'
import { BaseCommand } from '../../../cli/base-command.js'
import { UsageError } from '../../../cli/cli-error.js'
import { inspectFile, progressLine } from '../../../cli/upload.js'

export default class UploadFile extends BaseCommand {
  static aliases = ['ai:file:upload']
  static summary = 'Upload a local file (PDF, CSV, text, …) so that agents can use it as a knowledge resource.'
  static description = `One multipart request to content/files/upload. Prints {uuid, s3Filename, contentType, name} of the stored file;
attach it to an agent with ai release update-draft --resources '[{"kind":"file","slug":…,"items":[{"kind":"file","fileUuid":"<uuid>"}]}]'.`
  static examples = [
    '<%= config.bin %> content file upload --file ./knowledge-base.pdf',
    '<%= config.bin %> content file upload --file ./product-docs.pdf',
    '<%= config.bin %> content file upload --file ./icp-criteria.pdf --folder-uuid <folder-uuid>',
    '<%= config.bin %> content file upload --file ./notes.pdf --uuid <file-uuid>',
  ]
  static flags = {
    file: Flags.string({ summary: 'Path of the local file to upload (sent as the part named file).', aliases: ['file-path'], required: true, helpGroup: 'REQUIRED' }),
    'folder-uuid': Flags.string({ summary: 'Folder to put the file in.' }),
    uuid: Flags.string({ summary: 'Existing file whose content this upload replaces, keeping its UUID.' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(UploadFile)
    const fields = { folderUuid: flags['folder-uuid'], uuid: flags.uuid }
    const check = uploadFiles.payload.safeParse(fields)
    if (!check.success) throw new UsageError(`Invalid input: ${check.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`)
    const file = await inspectFile(flags.file)
    const client = await this.client(flags.profile)

    const form = await fileForm(file, fields)

    const { io, env } = this.factory
    const progress = io.stderrIsTTY && !env.CI ? progressLine(io.stderr, file.name) : undefined
    progress?.update(0, file.size)
    let answer
    try {
      answer = await client.upload(uploadFiles, form)
      progress?.update(file.size, file.size)
    } finally {
      progress?.end()
    }
    await this.print(normalizeUpload(answer))
  }
}
