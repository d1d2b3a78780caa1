import { initCommand } from '../../../cli/init-command.js'

export default initCommand('worker', [
  '<%= config.bin %> hosting worker init ./new-worker --list-templates',
  '<%= config.bin %> hosting worker init ./new-worker --template blank --name "My Worker"',
  '<%= config.bin %> hosting worker init ./enrichment-actions --template custom-integration',
])
