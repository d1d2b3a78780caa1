import { BaseCommand } from '../../cli/base-command.js'

export default class EmulatorReset extends BaseCommand {
  static summary = "Clear the local emulator's state and seed its catalogue again."
  static examples = ['<%= config.bin %> emulator reset']

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(EmulatorReset)
    const session = await this.session(flags.profile)
    const { emulatorDbPath, openEmulator } = await import('../../emulator/in-process.js')
    const emulator = openEmulator(session.configDir)
    try {
      emulator.reset()
    } finally {
      emulator.close()
    }
    await this.print({ reset: true, database: emulatorDbPath(session.configDir), ...emulator.credentials })
  }
}
