/**
 * What a change does to the OKRs: objectives and key results added or removed,
 * and every key result whose value, target, confidence or status moved.
 * Objectives are matched by id (a renamed file keeps its history), key results by id within them.
 */
import { keyResultProgress } from './score.ts';
import type { KeyResult } from './schema.ts';
import { validObjectives, type ObjectiveFile, type Workspace } from './workspace.ts';

export interface ObjectiveRef {
  objective: string;
  /** Path in the newer tree, or in the older one when the objective is gone. */
  path: string;
  title: string;
}

export interface KeyResultRef extends ObjectiveRef {
  kr: string;
  krTitle: string;
}

export interface Moved<T> {
  from: T;
  to: T;
}

export interface KeyResultMove extends KeyResultRef {
  unit: string | undefined;
  /** `current` (null before the first measurement), or 1/0 for a milestone's `done`. */
  value: Moved<number | null> | undefined;
  target: Moved<number | null> | undefined;
  confidence: Moved<number | null> | undefined;
  status: Moved<'active' | 'dropped'> | undefined;
  progress: Moved<number>;
}

export interface WorkspaceDiff {
  objectivesAdded: ObjectiveRef[];
  objectivesRemoved: ObjectiveRef[];
  keyResultsAdded: KeyResultRef[];
  keyResultsRemoved: KeyResultRef[];
  moved: KeyResultMove[];
}

type ValidObjective = ObjectiveFile & { data: NonNullable<ObjectiveFile['data']> };

export function diffWorkspaces(base: Workspace, head: Workspace): WorkspaceDiff {
  const before = byId(validObjectives(base));
  const after = byId(validObjectives(head));
  const diff: WorkspaceDiff = { objectivesAdded: [], objectivesRemoved: [], keyResultsAdded: [], keyResultsRemoved: [], moved: [] };

  for (const [id, objective] of after) {
    const old = before.get(id);
    if (!old) {
      diff.objectivesAdded.push(refOf(objective));
      continue;
    }
    const oldKrs = new Map(firstOfEachId(old.data.key_results).map((kr) => [kr.id, kr]));
    const newIds = new Set(objective.data.key_results.map((kr) => kr.id));
    for (const kr of firstOfEachId(objective.data.key_results)) {
      const previous = oldKrs.get(kr.id);
      if (!previous) diff.keyResultsAdded.push(krRefOf(objective, kr));
      else {
        const move = moveOf(objective, previous, kr);
        if (move) diff.moved.push(move);
      }
    }
    for (const kr of firstOfEachId(old.data.key_results)) {
      if (!newIds.has(kr.id)) diff.keyResultsRemoved.push(krRefOf({ ...old, path: objective.path }, kr));
    }
  }
  for (const [id, objective] of before) {
    if (!after.has(id)) diff.objectivesRemoved.push(refOf(objective));
  }
  return diff;
}

/** Key results whose measured value moved: the `changed` count of a pull request. */
export function valueMoves(diff: WorkspaceDiff): KeyResultMove[] {
  return diff.moved.filter((move) => move.value !== undefined);
}

export function isEmptyDiff(diff: WorkspaceDiff): boolean {
  return Object.values(diff).every((list: unknown[]) => list.length === 0);
}

/** The value a key result reports: `current` for metrics and thresholds, 1/0 for a milestone. */
export function measuredValue(kr: KeyResult): number | null {
  if (kr.done !== undefined) return kr.done ? 1 : 0;
  return kr.current ?? null;
}

function moveOf(objective: ValidObjective, before: KeyResult, after: KeyResult): KeyResultMove | undefined {
  const move: KeyResultMove = {
    ...krRefOf(objective, after),
    unit: after.unit,
    value: moved(measuredValue(before), measuredValue(after)),
    target: moved(before.target ?? null, after.target ?? null),
    confidence: moved(before.confidence ?? null, after.confidence ?? null),
    status: moved(before.status ?? 'active', after.status ?? 'active'),
    progress: { from: keyResultProgress(before), to: keyResultProgress(after) },
  };
  return move.value || move.target || move.confidence || move.status ? move : undefined;
}

/** A repeated key result id (the `unique-ids` rule's error) counts once, by its first entry, as in the history. */
function firstOfEachId(keyResults: readonly KeyResult[]): KeyResult[] {
  const seen = new Set<string>();
  return keyResults.filter((kr) => !seen.has(kr.id) && seen.add(kr.id));
}

function moved<T>(from: T, to: T): Moved<T> | undefined {
  return from === to ? undefined : { from, to };
}

function byId(objectives: ValidObjective[]): Map<string, ValidObjective> {
  const map = new Map<string, ValidObjective>();
  // Duplicate ids are the `unique-ids` rule's business; the first one wins here.
  for (const objective of objectives) if (!map.has(objective.id)) map.set(objective.id, objective);
  return map;
}

function refOf(objective: ValidObjective): ObjectiveRef {
  return { objective: objective.id, path: objective.path, title: objective.data.title };
}

function krRefOf(objective: ValidObjective, kr: KeyResult): KeyResultRef {
  return { ...refOf(objective), kr: kr.id, krTitle: kr.title };
}
