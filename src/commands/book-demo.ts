import * as Flags from '@oclif/core/flags'
import { BaseCommand } from '../cli/base-command.js'
import { openInBrowser } from '../cli/browser.js'

/** Cargo does not publish the calendar's address; this is its public demo page. */
export const DEMO_URL = 'https://www.getcargo.io/book-a-demo'

export default class BookDemo extends BaseCommand {
  static summary = 'Open the page where you book a demo with the Cargo team.'
  static description = 'Prints {"url": …} as JSON either way; the browser opens only on a terminal with a display.'
  static examples = ['<%= config.bin %> book-demo', '<%= config.bin %> book-demo --no-open']
  static flags = {
    open: Flags.boolean({ summary: 'Open the page in a browser (--no-open prints the URL only).', default: true, allowNo: true }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(BookDemo)
    const opened = flags.open ? await openInBrowser(this.factory, DEMO_URL) : false
    await this.print({ url: DEMO_URL, opened })
  }
}
