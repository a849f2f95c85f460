/** What gitops-okr puts into a user's repository, read back for the tests of template/ and `okr init --github`. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './fresh-copy.ts';

export const TEMPLATE = path.join(ROOT, 'template');

/** The reusable workflows of this repository by file name: what the shipped workflows call. */
export const REUSABLES: ReadonlyMap<string, string> = new Map(
  readdirSync(path.join(ROOT, '.github', 'workflows'))
    .filter((file) => file.startsWith('reusable-'))
    .map((file) => [file, readFileSync(path.join(ROOT, '.github', 'workflows', file), 'utf8')]),
);

/** Every file under `dir`, by path relative to it (posix), with its text. */
export function filesUnder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file).split(path.sep).join('/'), readFileSync(file, 'utf8')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Each workflow's jobs and what they are granted. */
export const SHIPPED_GRANTS = {
  '.github/workflows/okr-check.yml': { check: { contents: 'read' } },
  '.github/workflows/okr-comment.yml': { comment: { actions: 'read', contents: 'read', 'pull-requests': 'write' } },
  '.github/workflows/pages.yml': { pages: { contents: 'read', pages: 'write', 'id-token': 'write' } },
  '.github/workflows/pages-nightly.yml': { pages: { contents: 'read', pages: 'write', 'id-token': 'write' } },
  '.github/workflows/stale-checkins.yml': { stale: { contents: 'read', issues: 'write' } },
  '.github/workflows/okr-sync.yml': { sync: { actions: 'write', contents: 'write' } },
  '.github/workflows/okr-checkin.yml': { checkin: { contents: 'write', issues: 'write', 'pull-requests': 'write' } },
};
