import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import { BaseCommand } from './base-command.js'
import { type HostedProjectKind, PROJECT_TEMPLATES, scaffoldProject, templateSlugs } from './scaffold.js'

/** `hosting app init` and `hosting worker init`: the same command over a different template set. */
export function initCommand(kind: HostedProjectKind, examples: string[]) {
  const slugs = templateSlugs(kind)
  return class InitCommand extends BaseCommand {
    static summary = `Create a local ${kind} project from a template that ships with the CLI (no API call, no sign-in).`
    static description = [
      `Writes the template's files into <directory>, creating it and its missing parents. The directory must be new or`,
      'empty: nothing is ever overwritten (exit 2 otherwise, nothing written). --name is the display name written into',
      'the files (default: the directory name); the package name in package.json is made from it. Prints',
      '{directory, kind, template, name, files}. With --list-templates (the directory is still required) it prints',
      '[{slug, description}] and writes nothing.',
      `Deploy the result with: hosting deployment create --${kind}-uuid <uuid> --source <directory> --wait-until-finished.`,
    ].join('\n')
    static examples = examples
    static args = {
      // short: oclif wraps a long description, and the missing-argument message would then list its second line
      directory: Args.string({ description: 'New or empty directory for the project', required: true }),
    }
    static flags = {
      template: Flags.string({ summary: `Template to copy (default ${slugs[0]}); --list-templates says what each holds.`, options: slugs, default: slugs[0] }),
      name: Flags.string({ summary: 'Display name written into the project (default: the directory name).' }),
      'list-templates': Flags.boolean({ summary: 'Print the templates as JSON [{slug, description}] instead of creating a project.' }),
    }

    async run(): Promise<void> {
      const { args, flags } = await this.parseArgv(InitCommand)
      if (flags['list-templates']) return this.print(PROJECT_TEMPLATES[kind].map(({ slug, description }) => ({ slug, description })))
      await this.print(await scaffoldProject(kind, { directory: args.directory, template: flags.template, name: flags.name }))
    }
  }
}
