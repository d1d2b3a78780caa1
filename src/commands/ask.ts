import { createInterface } from 'node:readline/promises'
import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import type { CargoClient } from '../api/client.js'
import { createChat, createMessage, listAgents, listChats } from '../api/endpoints/ai.js'
import type { Message } from '../api/schemas/ai.js'
import { BaseCommand } from '../cli/base-command.js'
import { uuidFlag } from '../cli/uuid-flag.js'
import { CliError, ExitCode, UsageError } from '../cli/cli-error.js'
import { readAll } from '../cli/flag-values.js'
import { waitForMessage } from '../cli/waiters/ai.js'
import { waitUntilFinished } from '../cli/wait.js'

/** How many of an agent's chats --continue looks through for the newest. */
const RECENT_CHATS = 50

export default class Ask extends BaseCommand {
  static summary = 'Talk with a workspace agent from the terminal: one question, or a conversation.'
  static description = [
    'Opens a chat with the agent (ai chat create) and sends each question as a message (ai message create), waiting',
    'for the answer. With a prompt and --print, or when standard input is not a terminal, it asks once and prints one',
    'JSON object {chatUuid, agentUuid, text, message}; the prompt is the arguments, else standard input. On a terminal',
    'without --print it keeps asking until an empty line or Ctrl-D. The agent is --agent-uuid, else the only agent of',
    "the workspace. Cargo's own CLI runs a local coding agent here; this one talks to the workspace's agents.",
  ].join('\n')
  static examples = [
    '<%= config.bin %> ask --agent-uuid <agent-uuid> --print "Who is the VP of Sales at Acme?"',
    'echo "Summarise our open deals" | <%= config.bin %> ask --agent-uuid <agent-uuid>',
    '<%= config.bin %> ask --agent-uuid <agent-uuid> --continue --print "And their email?"',
    '<%= config.bin %> ask --agent-uuid <agent-uuid> --print "What can you do?" --query text --raw',
  ]
  static strict = false
  static args = { prompt: Args.string({ description: 'The question (several words are joined); else read from standard input', required: false }) }
  static flags = {
    'agent-uuid': uuidFlag('agent-uuid', { summary: 'Agent to talk with (default: the only agent of the workspace).' }),
    continue: Flags.boolean({ summary: "Go on in the agent's most recent chat instead of opening a new one." }),
    print: Flags.boolean({ summary: 'Ask once and print the answer as one JSON object.' }),
    dir: Flags.string({ summary: "Accepted for compatibility with Cargo's CLI (its local working directory); not used.", hidden: true }),
  }

  async run(): Promise<void> {
    const { flags, argv } = await this.parseArgv(Ask)
    const { io } = this.factory
    const words = (argv as string[]).join(' ').trim()
    const interactive = !flags.print && io.stdinIsTTY && io.stderrIsTTY
    let prompt = words
    if (!prompt && !interactive) prompt = io.stdinIsTTY ? '' : (await readAll(io.stdin, 'standard input')).toString('utf8').trim()
    if (!prompt && !interactive) throw new UsageError('Nothing to ask: give the question as an argument or on standard input')

    const client = await this.client(flags.profile)
    const agentUuid = flags['agent-uuid'] ?? (await onlyAgent(client))
    const chatUuid = flags.continue ? await newestChat(client, agentUuid) : (await client.call(createChat, { agentUuid, name: chatName(prompt), trigger: { type: 'draft' } })).chat.uuid

    if (!interactive) {
      const message = await this.answer(client, chatUuid, agentUuid, prompt)
      await this.print({ chatUuid, agentUuid, text: textOf(message), message })
      if (message.status !== 'success') process.exitCode = ExitCode.waitedFailed
      return
    }
    const lines = createInterface({ input: io.stdin, output: io.stderr, terminal: true })
    try {
      for (let question = prompt; ; question = '') {
        if (!question) question = (await lines.question('you> ').catch(() => '')).trim()
        if (!question) break
        const message = await this.answer(client, chatUuid, agentUuid, question)
        io.stdout.write(`${textOf(message) || `(the agent's answer ended in ${message.status})`}\n\n`)
      }
    } finally {
      lines.close()
    }
    this.note(`Chat ${chatUuid}: go on with ${this.config.bin} ask --agent-uuid ${agentUuid} --continue`)
  }

  /** Sends one question and waits for the agent's answer. */
  private async answer(client: CargoClient, chatUuid: string, agentUuid: string, text: string): Promise<Message> {
    const started = await client.call(createMessage, { chatUuid, agentUuid, parts: [{ type: 'text', text }] })
    const { clock, onInterrupt } = this.factory
    const outcome = await waitUntilFinished(waitForMessage, started.assistantMessage.uuid, { client, clock, onInterrupt }, started)
    if (outcome.outcome !== 'finished') {
      throw new CliError(`Stopped waiting for the answer; it keeps coming in chat ${chatUuid}: ${this.config.bin} ai message wait ${started.assistantMessage.uuid}`, ExitCode.interrupted, {
        reason: 'interrupted',
        chatUuid,
        messageUuid: started.assistantMessage.uuid,
      })
    }
    return (outcome.result as { message: Message }).message
  }
}

async function onlyAgent(client: CargoClient): Promise<string> {
  const { agents } = await client.call(listAgents, {})
  if (agents.length === 1) return agents[0].uuid
  const names = agents.map((agent) => `${agent.name} (${agent.uuid})`).join(', ')
  throw new UsageError(agents.length === 0 ? 'The workspace has no agent to ask; create one with `ai agent create`' : `Choose the agent with --agent-uuid: ${names}`)
}

async function newestChat(client: CargoClient, agentUuid: string): Promise<string> {
  const { chats } = await client.call(listChats, { agentUuid, limit: RECENT_CHATS })
  const newest = [...chats].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0]
  if (!newest) throw new CliError(`No earlier chat with agent ${agentUuid} to continue; leave out --continue to start one`)
  return newest.uuid
}

function chatName(prompt: string): string {
  const firstLine = prompt.split('\n')[0] ?? ''
  return firstLine ? `ask: ${firstLine.slice(0, 60)}` : 'ask'
}

/** The answer's text parts, joined. */
function textOf(message: Message): string {
  return message.parts
    .filter((part) => part.type === 'text' && typeof (part as { text?: unknown }).text === 'string')
    .map((part) => (part as unknown as { text: string }).text)
    .join('\n')
}
