/** `okr new "<title>"`: one objective file that passes the schema, with key result ids to fill in. */
import path from 'node:path';
import { periodLabelPattern } from '../core/schema.ts';
import { currentQuarter, objectiveFileName, objectiveTemplate, periodFolder } from '../core/templates.ts';
import { toPosix } from '../io/read-tree.ts';
import { writeNew } from '../io/write-whole.ts';
import { schemaPathFor } from './init.ts';
import { parseNow, UsageError } from './usage.ts';

export interface NewFlags {
  dir: string;
  period?: string;
  owner?: string;
  now?: string;
}

export async function newCommand(title: string, flags: NewFlags): Promise<number> {
  if (title.trim() === '') throw new UsageError('Give the objective a title, e.g. okr new "Deliver engaging presentations"');
  const period = flags.period ?? currentQuarter(parseNow(flags.now));
  if (!periodLabelPattern.test(period)) throw new UsageError(`--period takes a period such as 2026-Q4, 2026-H2, 2026 or 2026-11, got \`${period}\``);
  const file = path.resolve(flags.dir, periodFolder(period), objectiveFileName(title));
  const shown = toPosix(path.relative(process.cwd(), file));
  const text = objectiveTemplate({ title: title.trim(), period, owner: flags.owner, schemaPath: schemaPathFor(file, 'objective') });
  if (!(await writeNew(file, text))) throw new UsageError(`${shown} already exists; pick another title or edit that file`);
  process.stdout.write(`wrote ${shown}\nReplace the placeholder key results, then run \`okr lint ${shown}\`.\n`);
  return 0;
}
