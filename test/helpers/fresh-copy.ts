/**
 * A copy of this repository's files as a fresh checkout would have them (tracked and new
 * files of the working tree, nothing ignored: no node_modules, no dist): what GitHub
 * downloads when a workflow uses `gitops-okr/gitops-okr/site@<ref>`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function copyCheckout(dest: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const source = path.join(ROOT, file);
    // A file deleted in the working tree but still in the index is not part of the checkout.
    if (!existsSync(source) || !statSync(source).isFile()) continue;
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    copyFileSync(source, path.join(dest, file));
  }
}
