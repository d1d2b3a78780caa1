// Renders the command reference (docs/commands.md) from the oclif manifest, so the docs cannot drift
// from the commands: a test renders it again and compares.

const bin = 'cargo-ai'

function flagLine(name, flag) {
  const kind = flag.type === 'boolean' ? '' : ' <value>'
  const char = flag.char ? `-${flag.char}, ` : ''
  const required = flag.required ? ' (required)' : ''
  const options = flag.options ? ` One of: ${flag.options.join(', ')}.` : ''
  const text = [flag.summary, flag.description].filter(Boolean).join(' ').replace(/\s+/g, ' ')
  return `| \`${char}--${name}${kind}\` | ${escape(text)}${required}${escape(options)} |`
}

function escape(text) {
  return String(text ?? '').replaceAll('|', '\\|')
}

export function renderCommandDocs(manifest) {
  const ids = Object.keys(manifest.commands).sort()
  const lines = [
    '# Command reference',
    '',
    `Generated from the command definitions by \`npm run build\`; do not edit by hand. Every command also answers \`--help\`.`,
    '',
    'Global flags of every API command: `--format json|table`, `--query <JMESPath>`, `--profile <name>`.',
    '',
  ]
  const topics = [...new Set(ids.map((id) => id.split(':')[0]))]
  lines.push('## Topics', '', ...topics.map((topic) => `- [${topic}](#${topic})`), '')
  for (const topic of topics) {
    lines.push(`## ${topic}`, '')
    for (const id of ids.filter((candidate) => candidate.split(':')[0] === topic)) {
      const command = manifest.commands[id]
      const words = id.split(':').join(' ')
      const args = Object.values(command.args ?? {}).map((arg) => (arg.required ? `<${arg.name}>` : `[${arg.name}]`))
      lines.push(`### ${bin} ${words}`, '', command.summary ?? '', '')
      if (command.description) lines.push(command.description, '')
      lines.push('```', [bin, words, ...args, '[flags]'].join(' '), '```', '')
      const argEntries = Object.values(command.args ?? {})
      if (argEntries.length > 0) {
        lines.push('| argument | description |', '| --- | --- |')
        for (const arg of argEntries) lines.push(`| \`${arg.name}\` | ${escape(arg.description)} |`)
        lines.push('')
      }
      const flags = Object.entries(command.flags ?? {}).filter(([, flag]) => flag.helpGroup !== 'GLOBAL')
      if (flags.length > 0) {
        lines.push('| flag | description |', '| --- | --- |')
        for (const [name, flag] of flags) lines.push(flagLine(name, flag))
        lines.push('')
      }
      const examples = (command.examples ?? []).map((example) => String(example).replaceAll('<%= config.bin %>', bin))
      if (examples.length > 0) lines.push('Examples:', '', '```sh', ...examples, '```', '')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
