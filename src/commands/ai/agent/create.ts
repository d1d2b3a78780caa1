import { z } from 'zod'
import { createAgent } from '../../../api/endpoints/ai.js'
import { agentIconHalves } from '../../../api/schemas/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

const { icon: _icon, ...fields } = createAgent.payload.shape

export default defineCommand({
  // the same call, offered with --icon-color and --icon-face instead of an --icon object
  endpoint: { ...createAgent, payload: z.object({ ...fields, ...agentIconHalves(true) }) },
  summary: 'Create an AI agent (name, icon, description, folder, triggers); configure it through its draft release.',
  description: 'A new agent has a draft release and no deployed one: follow with ai release update-draft, then ai release deploy-draft.',
  examples: [
    '<%= config.bin %> ai agent create --name "Lead Researcher" --icon-color blue --icon-face 🤖 --description "Researches leads and enriches data"',
    '<%= config.bin %> ai agent create --name "Lead Researcher" --icon-color purple --icon-face 🔍 --folder-uuid <folder-uuid>',
    '<%= config.bin %> ai agent create --name "Company Scorer" --icon-color green --icon-face 📊',
    `<%= config.bin %> ai agent create --name "Daily digest" --icon-color yellow --icon-face 📰 --triggers '[{"type":"cron","name":"Every morning","description":null,"cron":"0 8 * * *","text":"Summarize yesterday"}]'`,
  ],
  // the payload the API takes: the two halves become the icon object (types differ, hence the cast)
  prepare: async ({ iconColor, iconFace, ...payload }) => ({ ...payload, icon: { color: iconColor, face: iconFace } }) as never,
})
