/**
 * `okr sync [--commit]`: reads the `source:` of every key result and checks in each value that
 * changed, one commit per change with `Okr-Sync: <source>`. A source that fails, answers no
 * number or jumps by more than `sync.max-jump` leaves its file as it is and makes the exit code 1.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CheckinEditError, editKeyResult } from '../core/checkin-edit.ts';
import { parseObjective } from '../core/parse.ts';
import { DEFAULT_MAX_JUMP } from '../core/schema.ts';
import { isJump, sourceLabel } from '../core/sources/values.ts';
import { syncCommitMessage } from '../core/sources/trailer.ts';
import { terminalText } from '../core/terminal-text.ts';
import { buildWorkspace } from '../core/workspace.ts';
import { GitError, runGit } from '../git/run.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { readSourceValue } from '../io/sources.ts';
import { reasonOf, writeWhole } from '../io/write-whole.ts';
import { colorsFor } from './colors.ts';
import { parseRoot } from './usage.ts';

export interface SyncFlags {
  repo: string;
  root: string;
  commit?: boolean;
}

export async function syncCommand(flags: SyncFlags): Promise<number> {
  const root = parseRoot(flags.root) ?? 'okrs';
  const workspace = buildWorkspace(root, await readOkrTree(root, flags.repo));
  const maxJump = workspace.config?.data?.sync?.['max-jump'] ?? DEFAULT_MAX_JUMP;
  const env = { repo: flags.repo, githubToken: process.env.GITHUB_TOKEN || undefined, githubApiUrl: process.env.GITHUB_API_URL || 'https://api.github.com' };
  const colors = colorsFor(process.stdout);
  const counts = { sources: 0, changed: 0, unchanged: 0, problems: 0 };
  const problem = (where: string, name: string, text: string) => {
    counts.problems++;
    process.stderr.write(`okr: ${terminalText(where)}: ${terminalText(name)}: ${terminalText(text)}\n`);
  };
  for (const objective of workspace.objectives) {
    const krs = objective.data?.key_results ?? [];
    for (const [index, kr] of krs.entries()) {
      if (kr.source === undefined || kr.status === 'dropped') continue;
      counts.sources++;
      const name = `${objective.id}/${kr.id}`;
      const label = sourceLabel(kr.source);
      const read = await readSourceValue(kr.source, env);
      if (!read.ok) {
        problem(objective.path, name, `${label}: ${read.problem}; the file is left as it is`);
        continue;
      }
      const before = kr.current ?? kr.baseline;
      if (kr.current === read.value) {
        counts.unchanged++;
        process.stdout.write(`${colors.dim(`${terminalText(name)}  unchanged at ${read.value}`)}\n`);
        continue;
      }
      if (isJump(before, read.value, maxJump)) {
        problem(
          objective.path,
          name,
          `${label} says ${read.value}, a jump from ${before} by more than the factor ${maxJump} (sync.max-jump in ${root}/config.yml); not written. Check the source, or check in the value by hand: okr checkin ${name} ${read.value}`,
        );
        continue;
      }
      const file = path.join(flags.repo, objective.path);
      const text = await readFile(file, 'utf8');
      let after: string;
      try {
        after = editKeyResult(text, index, { current: read.value });
      } catch (error) {
        if (!(error instanceof CheckinEditError)) throw error;
        problem(objective.path, name, error.message);
        continue;
      }
      if (parseObjective(objective.path, after).data === undefined) {
        problem(objective.path, name, `the value ${read.value} does not fit the schema of the file; the file is left as it is`);
        continue;
      }
      try {
        await writeWhole(file, after);
      } catch (error) {
        problem(objective.path, name, `cannot write the file: ${reasonOf(error)}; it is left as it is`);
        continue;
      }
      counts.changed++;
      const summary = `${kr.current ?? '–'} → ${read.value}${kr.unit ? ` ${kr.unit}` : ''}`;
      process.stdout.write(`${colors.bold(terminalText(name))}  ${terminalText(summary)}  ${colors.dim(terminalText(`synced from ${label}`))}\n`);
      if (flags.commit) {
        try {
          await runGit(flags.repo, ['add', '--', objective.path]);
          await runGit(flags.repo, ['commit', '-q', '-m', syncCommitMessage(name, label, summary), '--', objective.path]);
        } catch (error) {
          if (!(error instanceof GitError)) throw error;
          problem(objective.path, name, `changed but not committed: ${error.message}`);
        }
      }
    }
  }
  const verb = flags.commit ? 'committed' : 'written';
  process.stdout.write(
    `${counts.sources} ${counts.sources === 1 ? 'source' : 'sources'}: ${counts.changed} ${verb}, ${counts.unchanged} unchanged, ${counts.problems} ${counts.problems === 1 ? 'problem' : 'problems'}\n`,
  );
  return counts.problems > 0 ? 1 : 0;
}
