import { Help } from '@oclif/core'
import type { Command } from '@oclif/core'

/**
 * oclif's help, except that an older id of a renamed command (an alias) shows the help of the command under its
 * current id, the older one listed under ALIASES: help always teaches the newest spelling.
 */
export default class CargoHelp extends Help {
  async showCommandHelp(command: Command.Loadable): Promise<void> {
    const isAlias = (command.aliases ?? []).includes(command.id)
    const current = isAlias ? this.config.commands.find((other) => other.id !== command.id && (other.aliases ?? []).includes(command.id)) : undefined
    return super.showCommandHelp(current ?? command)
  }
}
