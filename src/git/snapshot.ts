/** The OKR files of one commit, read without a checkout: `git ls-tree` plus one `cat-file --batch`. */
import { isOkrFile, type SourceFile } from '../core/workspace.ts';
import { BlobReader } from './cat-file.ts';
import { runGit } from './run.ts';

export async function readTreeAt(repo: string, ref: string, root: string): Promise<SourceFile[]> {
  const listing = (await runGit(repo, ['ls-tree', '-r', '-z', '--full-tree', ref, '--', root])).toString('utf8');
  const entries = listing
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [mode, type, id] = line.slice(0, tab).split(' ') as [string, string, string];
      return { mode, type, id, path: line.slice(tab + 1) };
    })
    .filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && isOkrFile(root, entry.path));
  const reader = new BlobReader(repo);
  try {
    return await Promise.all(entries.map(async (entry) => ({ path: entry.path, bytes: (await reader.read(entry.id)) ?? new Uint8Array(0) })));
  } finally {
    await reader.close();
  }
}
