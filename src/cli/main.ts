/**
 * The `okr` command line: one subcommand per file, each parses its flags and calls the core.
 * Each command's module is loaded when it runs, so a command pays only for what it uses
 * (`okr history` starts without the linter's language model).
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { OutsideRepositoryError } from '../io/outside-repository.ts';
import { UsageError } from './usage-error.ts';

let pipeWatched = false;

export async function main(argv: readonly string[]): Promise<number> {
  // `okr … | head` closes the pipe early; that is not an error. (Once per process: tests call main many times.)
  if (!pipeWatched) {
    pipeWatched = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  let exitCode = 0;
  const program = new Command('okr').description('OKRs as markdown files in git: lint them, follow their progress, publish it.').version(packageJson.version).showHelpAfterError().exitOverride();
  const run =
    (command: (options: never, ...args: never[]) => Promise<number>) =>
    async (...args: unknown[]) => {
      const command_ = args.at(-1) as Command;
      const positional = args.slice(0, -2);
      exitCode = await command(command_.opts() as never, ...(positional as never[]));
    };

  program
    .command('lint')
    .description('check OKR files against the schema and the OKR-writing criteria')
    .argument('[paths...]', 'files or folders to check', ['okrs'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('--max-warnings <number>', 'fail when there are more warnings than this', parseCount)
    .option('--now <date>', 'the day to judge against, YYYY-MM-DD (default: today)')
    .option('--base <ref>', 'also check the change since this ref (through the merge base): target-eased, kr-removed-mid-period')
    .action(run(async (options, paths) => (await import('./lint.ts')).lintCommand(paths, options)));

  program
    .command('init')
    .description('scaffold okrs/ with a mission, an example objective and a config; --github for an existing repository')
    .option('--dir <folder>', 'where the OKRs live', 'okrs')
    .option('--now <date>', 'the day that picks the period, YYYY-MM-DD (default: today)')
    .option('--github', 'also the GitHub workflows (check, comment, Pages, stale check-ins) and Dependabot, pinned to this version')
    .action(run(async (options) => (await import('./init.ts')).initCommand(options)));

  program
    .command('new')
    .description('write a new objective file with key result placeholders')
    .argument('<title>', 'the objective, e.g. "Deliver engaging presentations"')
    .option('--period <period>', 'e.g. 2026-Q4 (default: the current quarter)')
    .option('--owner <name>', 'who owns the objective')
    .option('--dir <folder>', 'where the OKRs live', 'okrs')
    .option('--now <date>', 'the day that picks the default period, YYYY-MM-DD')
    .action(run(async (options, title) => (await import('./new.ts')).newCommand(title, options)));

  program
    .command('schema')
    .description('print the JSON Schema of objective files, or write all schemas to a folder')
    .addOption(new Option('--kind <kind>', 'which schema to print').choices(['objective', 'mission', 'config', 'okrs', 'okrs-objective', 'org']).default('objective'))
    .option('--write <folder>', 'write the objective, mission, config, okrs.json, objectives/<id>/okrs.json and org.yml schemas into this folder')
    .action(run(async (options) => (await import('./schema.ts')).schemaCommand(options)));

  program
    .command('rules')
    .description('list the rules and what each checks')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .action(run(async (options) => (await import('./rules.ts')).rulesCommand(options)));

  program
    .command('build')
    .description('build the static progress site (HTML, RSS, JSON) from okrs/ and its git history')
    .option('--repo <folder>', 'repository to build from', '.')
    .option('--out <folder>', 'where the site goes (default: <repo>/dist)')
    .option('--site <url>', 'address the site is published at, e.g. https://jane.github.io')
    .option('--base <path>', 'path of the site under that address, e.g. /my-okrs/ for a GitHub Pages project site', '/')
    .option('--now <date>', 'the day to build for, YYYY-MM-DD (default: today); the same day gives the same files')
    .option('--strict', 'fail when a file in okrs/ cannot be used instead of listing it on the site (with --org: also when a source fails or an aligned_to dangles)')
    .option('--history <file>', 'publish this history JSON (`okr history --format json`) instead of reading git')
    .option('--show-problems', 'list the problems of public files on the site (by default the site shows their number; the build prints them)')
    .option('--org <file>', "one site of an organisation from several repositories: the sources listed in this org.yml, beside the repository's own okrs/")
    .option('--cache-dir <folder>', "where the history cache is kept, and in its site/ the site's build cache (default: <git dir>/gitops-okr, and node_modules/.cache/gitops-okr)")
    .option('--no-cache', 'read the whole git history and keep no cache')
    .action(run(async (options) => (await import('./build.ts')).buildCommand(options)));

  program
    .command('history')
    .description('progress over time from the git history of okrs/, as JSON or CSV')
    .option('--repo <folder>', 'repository to read', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('--now <date>', 'the day to report for, YYYY-MM-DD (default: today)')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .option('--include-private', 'keep objectives marked `private: true` (left out by default)')
    .option('--cache-dir <folder>', 'where the history cache is kept (default: <git dir>/gitops-okr)')
    .option('--no-cache', 'read the whole git history and keep no cache')
    .action(run(async (options) => (await import('./history.ts')).historyCommand(options)));

  program
    .command('status')
    .description('a dashboard of the current period: progress, pace and status of each key result')
    .option('--repo <folder>', 'repository to read', '.')
    .option('--now <date>', 'the day to judge against, YYYY-MM-DD (default: today)')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--cache-dir <folder>', 'where the history cache is kept (default: <git dir>/gitops-okr)')
    .option('--no-cache', 'read the whole git history and keep no cache')
    .action(run(async (options) => (await import('./status.ts')).statusCommand(options)));

  program
    .command('checkin')
    .description('record a new value of a key result in its file, keeping comments and formatting')
    .argument('<target>', 'objective and key result ids, e.g. presentations/feedback')
    .argument('[value]', 'the new value; `done` or `not-done` for a milestone')
    .option('--no-change', 'the value has not changed: record the note (-m) as a check-in')
    .option('--confidence <number>', 'how likely the target is reached, 0–1')
    .option('-m, --message <note>', 'the note of the check-in: the commit message with --commit')
    .option('--as-of <date>', 'the day the value was true, when checking in late, YYYY-MM-DD')
    .option('--commit', 'commit the change with the note as message')
    .option('--repo <folder>', 'repository that holds the OKRs', '.')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .action(run(async (options, target, value) => (await import('./checkin.ts')).checkinCommand(target, value, options)));

  program
    .command('sync')
    .description('read the `source:` of each key result and check in the values that changed')
    .option('--commit', 'one commit per changed value, its note naming the source')
    .option('--repo <folder>', 'repository that holds the OKRs', '.')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .action(run(async (options) => (await import('./sync.ts')).syncCommand(options)));

  program
    .command('import')
    .description('import objectives and their check-ins from a Viva Goals export or the generic CSV (docs/import.md)')
    .argument('<format>', '`viva` (Viva Goals Explorer export, CSV or XLSX) or `csv` (the generic format)')
    .argument('<file>', 'the export file')
    .option('--users <file>', 'CSV of name,email,github that maps the people of the export to handles')
    .option('--now <date>', "the day of the import, YYYY-MM-DD (default: today): a Viva objective's Score becomes its grade once its period ended before it")
    .option('--dry-run', 'print what would be imported and what could not be read; write nothing')
    .option('--repo <folder>', 'repository to import into', '.')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .action(run(async (options, format, file) => (await import('./import.ts')).importCommand(format, file, options)));

  program
    .command('export')
    .description('print every objective, key result, initiative and check-in as CSV (the format `okr import csv` reads)')
    .argument('<format>', '`csv`')
    .option('--repo <folder>', 'repository to read', '.')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .option('--now <date>', 'the day to export for, YYYY-MM-DD (default: today)')
    .action(run(async (options, format) => (await import('./export.ts')).exportCommand(format, options)));

  program
    .command('close')
    .description("close a period: each objective's final grade, a retro.md beside them, and the unfinished key results carried forward")
    .argument('<period>', 'the period to close, e.g. 2026-Q4')
    .option('--carry-forward', "write the unfinished key results into the next period's files (never overwriting)")
    .option('--commit', 'commit the grades, the retro and the carried files')
    .option('--repo <folder>', 'repository that holds the OKRs', '.')
    .option('--root <folder>', 'folder of the OKRs inside the repository', 'okrs')
    .action(run(async (options, period) => (await import('./close.ts')).closeCommand(period, options)));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError || error instanceof OutsideRepositoryError) {
      process.stderr.write(`okr: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`okr: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`--max-warnings takes a whole number, got \`${value}\``);
  return count;
}
