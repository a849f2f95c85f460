/** What one source of an organisation's site gave (src/io/org-source.ts reads it), for the site's side (src/site/org-inputs.ts), which applies the same privacy rules as to local files. */
import type { History } from '../core/history-types.ts';
import type { SourceFile } from '../core/workspace.ts';

export type SourceRead =
  /**
   * A published okrs.json: already public, without bodies. What the summary says that the history does not:
   * `keyResultOwners` by objective id, then key-result id; `fromAligned`, the ids whose progress is that of what is aligned to them.
   */
  | { kind: 'published'; history: History; keyResultOwners: Map<string, Record<string, string>>; fromAligned: Set<string>; notes: string[] }
  /** A repository's current files and its full history, private objectives included: not yet public. */
  | { kind: 'repository'; root: string; files: SourceFile[]; history: History; notes: string[] };
