/** `okr init`: a mission, a period folder with one example objective, and a config. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configTemplate, currentQuarter, missionTemplate, objectiveTemplate, periodFolder } from '../core/templates.ts';
import { toPosix } from '../io/read-tree.ts';
import { parseNow } from './usage.ts';

export interface InitFlags {
  dir: string;
  now?: string;
}

export async function initCommand(flags: InitFlags): Promise<number> {
  const period = currentQuarter(parseNow(flags.now));
  const root = path.resolve(flags.dir);
  const files: [string, (schemaPath: string | undefined) => string][] = [
    ['mission.md', (schemaPath) => missionTemplate({ schemaPath })],
    [`${periodFolder(period)}/deliver-engaging-presentations.md`, (schemaPath) => objectiveTemplate({ title: 'Deliver engaging presentations', period, schemaPath })],
    ['config.yml', (schemaPath) => configTemplate(schemaPath)],
  ];
  for (const [name, render] of files) {
    const file = path.join(root, name);
    const shown = toPosix(path.relative(process.cwd(), file));
    if (existsSync(file)) {
      process.stdout.write(`kept ${shown} (already there)\n`);
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    const kind = name === 'mission.md' ? 'mission' : name === 'config.yml' ? 'config' : 'objective';
    await writeFile(file, render(schemaPathFor(file, kind)));
    process.stdout.write(`wrote ${shown}\n`);
  }
  process.stdout.write(`\nNext: edit the files, then run \`okr lint ${toPosix(path.relative(process.cwd(), root)) || '.'}\`.\n`);
  return 0;
}

/** Where editors find the JSON Schema: this repository's `schema/`, or the installed package's. */
export function schemaPathFor(file: string, kind: 'objective' | 'mission' | 'config'): string | undefined {
  const candidates = [path.resolve('schema'), path.resolve('node_modules/gitops-okr/schema')];
  const folder = candidates.find((candidate) => existsSync(path.join(candidate, `${kind}.schema.json`)));
  return folder === undefined ? undefined : toPosix(path.relative(path.dirname(file), path.join(folder, `${kind}.schema.json`)));
}
