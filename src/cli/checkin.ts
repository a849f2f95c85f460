/** `okr checkin <objective>/<kr> <value>`: records a new value in the file, optionally as a commit. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { planCheckin, shownValue } from '../core/checkin-request.ts';
import { CheckinEditError, editKeyResult } from '../core/checkin-edit.ts';
import { parseObjective } from '../core/parse.ts';
import { today } from '../core/period.ts';
import { isCalendarDate } from '../core/schema.ts';
import { buildWorkspace, type ObjectiveFile } from '../core/workspace.ts';
import { GitError, runGit } from '../git/run.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { reasonOf, writeWhole } from '../io/write-whole.ts';
import { colorsFor } from './colors.ts';
import { terminalText } from '../core/terminal-text.ts';
import { parseRoot, UsageError } from './usage.ts';

export interface CheckinFlags {
  repo: string;
  root: string;
  confidence?: string;
  message?: string;
  asOf?: string;
  commit?: boolean;
  /** `--no-change`: the value is still what the file says; the note is the check-in. */
  change?: boolean;
}

export async function checkinCommand(target: string, value: string | undefined, flags: CheckinFlags): Promise<number> {
  const [objectiveId, krId] = splitTarget(target);
  const root = parseRoot(flags.root) ?? 'okrs';
  const workspace = buildWorkspace(root, await readOkrTree(root, flags.repo));
  const objective = findObjective(workspace.objectives, objectiveId);
  if (objective.data === undefined) {
    process.stderr.write(`okr: ${terminalText(objective.path)} does not match the schema; run \`okr lint ${terminalText(objective.path)}\` and fix it first\n`);
    return 1;
  }
  const matching = objective.data.key_results.filter((kr) => kr.id === krId).length;
  if (matching > 1) {
    process.stderr.write(
      `okr: ${objective.path} has ${matching} key results with the id \`${krId}\`, so it is not clear which one to check in. Give each its own \`id:\` first (\`okr lint\` reports it as \`unique-ids\`)\n`,
    );
    return 1;
  }
  const index = objective.data.key_results.findIndex((kr) => kr.id === krId);
  const kr = objective.data.key_results[index];
  if (kr === undefined) {
    throw new UsageError(`Objective \`${objective.id}\` has no key result \`${krId}\`; its key results: ${objective.data.key_results.map((each) => each.id).join(', ') || 'none'}`);
  }
  const noChange = flags.change === false;
  if (value === undefined && !noChange) throw new UsageError(`Give the new value of \`${kr.id}\`, or \`--no-change -m "…"\` to record that it has not changed`);
  const note = flags.message?.trim() ?? '';
  const name = `${objective.id}/${kr.id}`;
  // The same decision as `/checkin` (src/core/checkin-request.ts); only the words of the hints are the command line's.
  const plan = planCheckin(kr, { value, noChange, confidence: readConfidence(flags.confidence), note, ...(flags.asOf === undefined ? {} : { asOf: readAsOf(flags.asOf) }) }, today());
  if (!plan.ok) {
    switch (plan.reason) {
      case 'value':
        throw new UsageError(plan.problem);
      case 'confidence':
        throw new UsageError(`--confidence takes a number from 0 to 1, e.g. 0.7; got \`${flags.confidence}\``);
      case 'no-change-moves':
        throw new UsageError(`--no-change records the value the file has (${shownValue(kr)}); leave it out to check in a new value`);
      case 'nothing-changed':
        process.stderr.write(
          `okr: nothing changed: \`${terminalText(name)}\` is already ${terminalText(shownValue(kr))}. To record a check-in without a change, give its note: okr checkin ${terminalText(name)} --no-change -m "…"\n`,
        );
        return 1;
      case 'already-recorded':
        process.stderr.write(
          `okr: nothing changed: \`${terminalText(name)}\` is already ${terminalText(shownValue(kr))} as of ${kr.as_of}, so there is nothing to ${flags.commit ? 'commit' : 'write'}\n`,
        );
        return 1;
    }
  }
  const { edit, summary } = plan;
  const file = path.join(flags.repo, objective.path);
  const before = await readFile(file, 'utf8');
  let after: string;
  try {
    after = editKeyResult(before, index, edit);
  } catch (error) {
    if (!(error instanceof CheckinEditError)) throw error;
    process.stderr.write(`okr: ${terminalText(objective.path)}: ${terminalText(error.message)}\n`);
    return 1;
  }
  const checked = parseObjective(objective.path, after);
  if (checked.data === undefined) {
    for (const finding of checked.findings) process.stderr.write(`okr: ${terminalText(objective.path)}:${finding.line}: ${terminalText(finding.message)}\n`);
    process.stderr.write('okr: the file was left unchanged\n');
    return 1;
  }
  try {
    await writeWhole(file, after);
  } catch (error) {
    process.stderr.write(`okr: cannot write ${terminalText(objective.path)}: ${terminalText(reasonOf(error))}; the file was left unchanged\n`);
    return 1;
  }
  const colors = colorsFor(process.stdout);
  process.stdout.write(`${colors.bold(terminalText(name))}  ${terminalText(summary)}  ${colors.dim(terminalText(objective.path))}\n`);
  if (flags.commit) {
    const message = note || `Check in ${name}: ${summary}`;
    try {
      await runGit(flags.repo, ['add', '--', objective.path]);
      await runGit(flags.repo, ['commit', '-q', '-m', message, '--', objective.path]);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      process.stderr.write(`okr: the file is changed but not committed: ${error.stderr.trim() || error.message}\n`);
      return 1;
    }
    const commit = (await runGit(flags.repo, ['rev-parse', '--short', 'HEAD'])).toString('utf8').trim();
    process.stdout.write(`committed ${commit}: ${terminalText(message.split('\n')[0] ?? '')}\n`);
  } else if (flags.message !== undefined) {
    process.stdout.write(`${colors.dim('the note becomes the commit message with --commit')}\n`);
  }
  return 0;
}

function splitTarget(target: string): [string, string] {
  const slash = target.indexOf('/');
  if (slash <= 0 || slash === target.length - 1) throw new UsageError(`Name the key result as <objective>/<key result>, e.g. presentations/feedback; got \`${target}\``);
  return [target.slice(0, slash), target.slice(slash + 1)];
}

function findObjective(objectives: readonly ObjectiveFile[], id: string): ObjectiveFile {
  const found = objectives.find((objective) => objective.id === id);
  if (found) return found;
  const ids = objectives.map((objective) => objective.id).sort();
  throw new UsageError(`No objective \`${id}\`; the objectives are: ${ids.join(', ') || 'none (run `okr init`)'}`);
}

function readConfidence(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseNumber(text, '--confidence');
}

function readAsOf(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isCalendarDate(text)) throw new UsageError(`--as-of takes a date such as 2026-11-20, got \`${text}\``);
  return text;
}

function parseNumber(text: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${what} must be a plain number such as 4.2 (no units or commas), got \`${text}\``);
  return value;
}
