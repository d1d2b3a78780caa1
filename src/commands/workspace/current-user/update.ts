import { updateCurrentUser } from '../../../api/endpoints/user-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateCurrentUser,
  summary: 'Update your own profile: names and browser-extension settings.',
  examples: [
    '<%= config.bin %> workspace current-user update --first-name Ada --last-name Lovelace',
    `<%= config.bin %> workspace current-user update --web-extension-data '{"timezone":"Europe/Paris"}'`,
  ],
})
