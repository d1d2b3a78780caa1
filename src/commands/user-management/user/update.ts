import { updateCurrentUser } from '../../../api/endpoints/user-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace current-user update'],
  endpoint: updateCurrentUser,
  summary: 'Update your own profile: names and browser-extension settings.',
  examples: [
    '<%= config.bin %> user-management user update --first-name Ada --last-name Lovelace',
    `<%= config.bin %> user-management user update --web-extension-data '{"timezone":"Europe/Paris"}'`,
  ],
})
