/**
 * `okr build`: until the site lands, the build checks the OKRs and reports
 * each objective's progress; it fails only on lint errors.
 */
import path from 'node:path';
import { totals } from '../core/lint.ts';
import { resolvePeriod } from '../core/period.ts';
import { objectiveProgress } from '../core/score.ts';
import { buildWorkspace, validObjectives } from '../core/workspace.ts';
import { formatStylish } from '../format/stylish.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { colorsFor } from './colors.ts';
import { lintPaths } from './lint.ts';
import { parseNow } from './usage.ts';

export interface BuildFlags {
  repo: string;
  now?: string;
}

export async function buildCommand(flags: BuildFlags): Promise<number> {
  const now = parseNow(flags.now);
  const cwd = path.resolve(flags.repo);
  const results = await lintPaths(['okrs'], now, cwd);
  const colors = colorsFor(process.stdout);
  process.stdout.write(formatStylish(results, colors));
  const workspace = buildWorkspace('okrs', await readOkrTree('okrs', cwd));
  process.stdout.write(`\n${colors.bold('Progress')} (${now})\n`);
  for (const objective of validObjectives(workspace)) {
    const percent = Math.round(objectiveProgress(objective.data) * 100);
    process.stdout.write(`  ${String(percent).padStart(3)}%  ${objective.data.title}  ${colors.dim(resolvePeriod(objective.data.period).label)}\n`);
  }
  return totals(results).errorCount > 0 ? 1 : 0;
}
