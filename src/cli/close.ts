/** `okr close <period>`: final grades, a retro beside the objectives, and with --carry-forward the unfinished key results in the next period. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { closePeriod } from '../core/close.ts';
import { parseObjective } from '../core/parse.ts';
import { periodLabelPattern } from '../core/schema.ts';
import { terminalText } from '../core/terminal-text.ts';
import { buildWorkspace, validObjectives } from '../core/workspace.ts';
import { runGit } from '../git/run.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { writeAllWhole, WriteError } from '../io/write-whole.ts';
import { reportWriteError } from './written.ts';
import { parseRoot, UsageError } from './usage.ts';

export interface CloseFlags {
  repo: string;
  root: string;
  carryForward?: boolean;
  commit?: boolean;
}

export async function closeCommand(period: string, flags: CloseFlags): Promise<number> {
  const label = /^\d{4}-(q|h)\d$/.test(period) ? period.toUpperCase() : period;
  if (!periodLabelPattern.test(label) && !label.includes('..')) throw new UsageError(`Name the period as the files do, e.g. 2026-Q4 or 2026-10-05..2026-12-18; got \`${period}\``);
  const root = parseRoot(flags.root) ?? 'okrs';
  const workspace = buildWorkspace(root, await readOkrTree(root, flags.repo));
  const objectives = await Promise.all(
    validObjectives(workspace).map(async (objective) => ({ path: objective.path, id: objective.id, data: objective.data, text: await readFile(path.join(flags.repo, objective.path), 'utf8') })),
  );
  const plan = closePeriod(objectives, label, { carryForward: flags.carryForward === true, exists: (file) => existsSync(path.join(flags.repo, file)) });
  for (const file of plan.kept) process.stdout.write(`kept ${terminalText(file)} (exists)\n`);
  if (plan.graded.length === 0 && plan.created.length === 0) {
    process.stderr.write(`okr: nothing to close in ${terminalText(label)}: ${plan.kept.length > 0 ? 'it is closed already' : 'no objective has this period'}\n`);
    return plan.kept.length > 0 ? 0 : 1;
  }
  for (const file of plan.graded) {
    if (parseObjective(file.path, file.text).data === undefined) throw new Error(`Writing the grade would break ${file.path}; nothing was written`);
  }
  const files = [...plan.graded, ...plan.created];
  try {
    await writeAllWhole(files.map((file) => ({ file: path.join(flags.repo, file.path), text: file.text })));
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    reportWriteError(
      error,
      files.map((file) => file.path),
    );
    return 1;
  }
  for (const file of plan.graded) process.stdout.write(`graded ${terminalText(file.path)}: ${file.grade.toFixed(1)}\n`);
  for (const file of plan.created) process.stdout.write(`wrote ${terminalText(file.path)}\n`);
  if (flags.commit) {
    const paths = files.map((file) => file.path);
    await runGit(flags.repo, ['add', '--', ...paths]);
    await runGit(flags.repo, ['commit', '-q', '-m', `Close ${label}: grades and retro${flags.carryForward ? ', unfinished key results carried forward' : ''}`, '--', ...paths]);
    process.stdout.write(`committed ${(await runGit(flags.repo, ['rev-parse', '--short', 'HEAD'])).toString('utf8').trim()}\n`);
  }
  return 0;
}
