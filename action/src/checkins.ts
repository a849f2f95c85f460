/**
 * When each key result was last checked in, from the versions of the objective
 * files: a check-in is a version that changed a key result's value, `done` or
 * confidence (dated by its `as_of` when it has one).
 */
import { measuredValue } from '../../src/core/diff.ts';
import { parseObjective } from '../../src/core/parse.ts';
import type { KeyResult } from '../../src/core/schema.ts';
import { defaultObjectiveId } from '../../src/core/workspace.ts';

export interface FileVersion {
  /** Calendar day of the commit. */
  date: string;
  path: string;
  /** The file's text; undefined when the commit deleted it. */
  text: string | undefined;
}

export type LastCheckin = (objectiveId: string, krId: string) => string | undefined;

/** `versions` oldest first. */
export function lastCheckins(versions: readonly FileVersion[]): LastCheckin {
  const previous = new Map<string, Map<string, KeyResult>>();
  const latest = new Map<string, string>();
  for (const version of versions) {
    if (version.text === undefined) {
      previous.delete(version.path);
      continue;
    }
    const parsed = parseObjective(version.path, version.text);
    if (!parsed.data) continue;
    const objectiveId = parsed.data.id ?? defaultObjectiveId(version.path);
    const before = previous.get(version.path) ?? new Map<string, KeyResult>();
    for (const kr of parsed.data.key_results) {
      const was = before.get(kr.id);
      const checkedIn = was ? measuredValue(was) !== measuredValue(kr) || was.confidence !== kr.confidence : kr.current !== undefined || kr.done === true;
      if (!checkedIn) continue;
      const date = kr.as_of ?? version.date;
      const key = `${objectiveId}\0${kr.id}`;
      const known = latest.get(key);
      if (known === undefined || date > known) latest.set(key, date);
    }
    previous.set(version.path, new Map(parsed.data.key_results.map((kr) => [kr.id, kr])));
  }
  return (objectiveId, krId) => latest.get(`${objectiveId}\0${krId}`);
}
