import { initCommand } from '../../../cli/init-command.js'

export default initCommand('app', [
  '<%= config.bin %> hosting app init ./new-app --list-templates',
  '<%= config.bin %> hosting app init ./new-app --template blank --name "My App"',
  '<%= config.bin %> hosting app init ./territories --template territories-overview',
])
