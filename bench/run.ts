/** `npm run bench`: every benchmark in this folder, one after another, each printing its ratios. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .filter((file) => only.length === 0 || only.includes(path.basename(file, '.ts')))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${path.basename(file, '.ts')}`);
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
