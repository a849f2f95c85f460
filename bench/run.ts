/** `npm run bench`: every benchmark in this folder, one after another, each printing its ratios. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const all = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .sort();
// Names pick benchmarks; anything else (a corpus file, a flag) is passed on to them.
const names = new Set(all.map((file) => path.basename(file, '.ts')));
const only = process.argv.slice(2).filter((arg) => names.has(arg));
const passed = process.argv.slice(2).filter((arg) => !names.has(arg));
const benches = all.filter((file) => only.length === 0 || only.includes(path.basename(file, '.ts')));
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${path.basename(file, '.ts')}`);
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, file), ...passed], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
