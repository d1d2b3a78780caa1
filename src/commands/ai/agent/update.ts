import { z } from 'zod'
import { getAgent, updateAgent } from '../../../api/endpoints/ai.js'
import { agentIconHalves } from '../../../api/schemas/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

const { icon: _icon, ...fields } = updateAgent.payload.shape

export default defineCommand({
  // the same call, offered with --icon-color and --icon-face instead of an --icon object
  endpoint: { ...updateAgent, payload: z.object({ ...fields, ...agentIconHalves(false) }) },
  summary: "Change an agent's name, description, icon, folder, triggers or template sharing; only the flags given change.",
  description: 'The API replaces the icon as a whole: when only --icon-color or --icon-face is given, the other half is read from the agent.',
  examples: [
    '<%= config.bin %> ai agent update --uuid <agent-uuid> --name "Senior Lead Researcher" --description "Updated description"',
    '<%= config.bin %> ai agent update --uuid <agent-uuid> --folder-uuid <folder-uuid>',
    '<%= config.bin %> ai agent update --uuid <agent-uuid> --name <name>',
    '<%= config.bin %> ai agent update --uuid <agent-uuid> --icon-face 🦉',
  ],
  async prepare({ iconColor, iconFace, ...payload }, { client }) {
    if (iconColor === undefined && iconFace === undefined) return payload as never
    const current = iconColor === undefined || iconFace === undefined ? (await client.call(getAgent, { uuid: payload.uuid })).agent.icon : undefined
    return { ...payload, icon: { color: iconColor ?? current?.color, face: iconFace ?? current?.face } } as never
  },
})
