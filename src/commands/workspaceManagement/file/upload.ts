import * as Flags from '@oclif/core/flags'
import { BaseCommand } from '../../../cli/base-command.js'
import { inspectFile, progressLine, uploadWorkspaceFile } from '../../../cli/upload.js'

/** Not one request: a multipart POST, or create/sign/PUT/complete for large files (src/cli/upload.ts). */
export default class Upload extends BaseCommand {
  static aliases = ['workspace:file:upload']
  static summary = 'Upload a local file (e.g. a CSV for batch create) and print its s3Filename.'
  static description = `Files under 50 MiB go in one multipart request; larger ones go straight to storage in 8 MiB
parts (4 at a time, 3 attempts each). Use the printed s3Filename with
orchestration batch create --data '{"kind":"file","s3Filename":"..."}' and workspaceManagement file list-columns.`
  static examples = [
    '<%= config.bin %> workspaceManagement file upload --file ./my-companies.csv',
    '<%= config.bin %> workspaceManagement file upload --file ./my-companies.csv --query s3Filename --raw',
  ]
  static flags = {
    file: Flags.string({ summary: 'Local file to upload.', aliases: ['file-path'], required: true, helpGroup: 'REQUIRED' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Upload)
    const file = await inspectFile(flags.file)
    const client = await this.client(flags.profile)
    const { io, env, onInterrupt } = this.factory
    const progress = io.stderrIsTTY && !env.CI ? progressLine(io.stderr, file.name) : undefined
    const interrupt = new AbortController()
    const stopListening = onInterrupt(() => interrupt.abort())
    let result
    try {
      result = await uploadWorkspaceFile(client, file, { onProgress: progress?.update, signal: interrupt.signal })
    } finally {
      stopListening()
      progress?.end()
    }
    await this.print(result)
  }
}
