/** `okr export csv`: every objective, key result, initiative and check-in as the CSV `okr import csv` reads (docs/import.md). */
import { exportGeneric, readInitiatives } from '../core/import/csv.ts';
import { buildWorkspace, validObjectives } from '../core/workspace.ts';
import { readHistory } from '../git/history.ts';
import { readOkrTree } from '../io/read-tree.ts';
import { parseNow, parseRoot, UsageError } from './usage.ts';

export interface ExportFlags {
  repo: string;
  root: string;
  now?: string;
}

export async function exportCommand(format: string, flags: ExportFlags): Promise<number> {
  if (format !== 'csv') throw new UsageError(`Export as \`csv\`, got \`${format}\`; e.g. okr export csv > okrs.csv`);
  const root = parseRoot(flags.root) ?? 'okrs';
  const workspace = buildWorkspace(root, await readOkrTree(root, flags.repo));
  const history = await readHistory(flags.repo, { now: parseNow(flags.now), root });
  const prefix = workspace.root === '' ? '' : `${workspace.root}/`;
  const objectives = validObjectives(workspace).map((objective) => ({
    folder: objective.path.slice(prefix.length, objective.path.lastIndexOf('/') === -1 ? 0 : objective.path.lastIndexOf('/')),
    data: { ...objective.data, id: objective.id },
    initiatives: readInitiatives(objective.body),
  }));
  process.stdout.write(exportGeneric(objectives, history));
  return 0;
}
