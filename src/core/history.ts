/**
 * Versions → history. Fed one commit at a time, oldest first, along the
 * first-parent line; keeps only what the output needs, so a long history
 * streams through it. Pure: the git side lives in src/git/history.ts.
 */
import type { Checkin, History, HistoryWarning, KeyResultChange, KeyResultHistory, ObjectiveHistory, SeriesPoint } from './history-types.ts';
import { fileRole, type FileVersion } from './history-version.ts';
import { round } from './numbers.ts';
import { resolvePeriod, type PeriodRange } from './period.ts';
import type { KeyResult, Objective } from './schema.ts';
import { expectedProgress, keyResultKind, keyResultProgress, keyResultWindow } from './score.ts';
import { keyResultTrend } from './trend.ts';
import { defaultObjectiveId, MISSION_FILE } from './workspace.ts';

export interface FileChange {
  /** Added, modified, deleted or renamed (git's A, M, D, R; a copy counts as an addition). */
  status: 'A' | 'M' | 'D' | 'R';
  path: string;
  /** The path before a rename. */
  from?: string;
  /** The version after the change; undefined for a deletion. */
  version?: FileVersion;
}

export interface CommitStep {
  /** Full commit id; `''` for files that are not in git. */
  commit: string;
  /** Calendar day of the commit (committer date, in the committer's time zone). */
  date: string;
  author: string;
  message: string;
  changes: FileChange[];
}

interface TrackedKeyResult {
  series: SeriesPoint[];
  value: number | null;
  confidence: number | undefined;
  progress: number;
  asOf: string | undefined;
}

interface TrackedObjective {
  createdPath: string;
  path: string;
  previousPaths: string[];
  created: { date: string; commit: string };
  deleted: { date: string; commit: string } | null;
  present: boolean;
  /** The latest version that matched the schema. */
  latest: Objective | undefined;
  /** The period of the latest recorded version, resolved. */
  period?: { of: Objective['period']; range: PeriodRange };
  keyResults: Map<string, TrackedKeyResult>;
}

interface PendingCheckin extends Omit<Checkin, 'objective'> {
  objective: TrackedObjective;
}

export interface HistoryOptions {
  /** Folder that holds the OKRs, e.g. `okrs`. */
  root: string;
  /** What `History.repo` says. */
  repo: string;
  /** What `History.generatedAt` says: the day the history is for, `YYYY-MM-DD`; trends run up to it. */
  generatedAt: string;
}

export class HistoryBuilder {
  private readonly objectives: TrackedObjective[] = [];
  private readonly byPath = new Map<string, TrackedObjective>();
  private readonly missions = new Map<string, { mission: string; owner: string | undefined; body: string }>();
  private readonly checkins: PendingCheckin[] = [];
  private readonly warnings: HistoryWarning[] = [];

  private readonly options: HistoryOptions;

  constructor(options: HistoryOptions) {
    this.options = options;
  }

  warn(warning: HistoryWarning): void {
    this.warnings.push(warning);
  }

  apply(step: CommitStep): void {
    const removed: TrackedObjective[] = [];
    // Deletions first, so an addition in the same commit can take an objective over by its id.
    for (const change of step.changes) if (change.status === 'D') this.remove(change.path, removed);
    for (const change of step.changes) {
      if (change.status === 'D') continue;
      if (change.from !== undefined && fileRole(this.options.root, change.from) === 'mission') this.missions.delete(change.from);
      const role = fileRole(this.options.root, change.path);
      if (change.version?.kind === 'invalid') this.warnInvalid(step, change.path, change.version);
      if (role === 'mission') {
        if (change.version?.kind === 'mission') this.missions.set(change.path, change.version);
      } else if (role === 'objective') {
        this.applyObjective(step, change, removed);
      }
    }
    for (const objective of removed) if (!objective.present) objective.deleted = { date: step.date, commit: step.commit };
  }

  finish(): History {
    const idOf = new Map<TrackedObjective, string>();
    const taken = new Set<string>();
    const objectives: ObjectiveHistory[] = [];
    for (const tracked of [...this.objectives].sort((a, b) => compare(a.path, b.path))) {
      if (tracked.latest === undefined) {
        this.warnings.push({ message: `${tracked.path} never matched the schema, so it has no history`, path: tracked.path });
        continue;
      }
      let id = identity(tracked);
      if (taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        this.warnings.push({ message: `Objective id \`${id}\` is used twice; ${tracked.path} is listed as \`${id}-${n}\`. Give it its own \`id:\``, path: tracked.path });
        id = `${id}-${n}`;
      }
      taken.add(id);
      idOf.set(tracked, id);
      objectives.push(this.objectiveHistory(tracked, tracked.latest, id));
    }
    const checkins: Checkin[] = this.checkins
      .map((checkin, index) => ({ checkin, index }))
      .sort((a, b) => compare(b.checkin.date, a.checkin.date) || b.index - a.index)
      .flatMap(({ checkin }) => {
        const objective = idOf.get(checkin.objective);
        return objective === undefined ? [] : [{ ...checkin, objective }];
      });
    return {
      generatedAt: this.options.generatedAt,
      repo: this.options.repo,
      missions: [...this.missions]
        .sort(([a], [b]) => compare(a, b))
        .map(([path, mission]) => ({ path, mission: mission.mission, owner: mission.owner ?? null, body: mission.body })),
      objectives,
      checkins,
      warnings: this.warnings,
    };
  }

  private remove(path: string, removed: TrackedObjective[]): void {
    this.missions.delete(path);
    const tracked = this.byPath.get(path);
    if (tracked === undefined) return;
    this.byPath.delete(path);
    tracked.present = false;
    removed.push(tracked);
  }

  private applyObjective(step: CommitStep, change: FileChange, removed: TrackedObjective[]): void {
    const newId = explicitId(change.version);
    let tracked: TrackedObjective | undefined;
    if (change.from !== undefined) {
      const before = this.byPath.get(change.from);
      this.byPath.delete(change.from);
      const oldId = before?.latest?.id;
      if (before && newId !== undefined && oldId !== undefined && newId !== oldId) {
        // Git saw a rename, but the ids say these are two objectives.
        before.present = false;
        removed.push(before);
      } else if (before) {
        tracked = before;
        tracked.previousPaths.push(change.from);
        tracked.path = change.path;
        if (newId === undefined && oldId === undefined && defaultObjectiveId(change.from) !== defaultObjectiveId(change.path)) {
          const id = defaultObjectiveId(tracked.createdPath);
          this.warnings.push({
            message: `${change.from} was renamed to ${change.path} without an \`id:\`; history keeps the id \`${id}\` it had when created. Add \`id: ${id}\` to the file to say so`,
            commit: step.commit,
            path: change.path,
          });
        }
      }
    }
    tracked ??= this.byPath.get(change.path) ?? this.adopt(step, change.path, newId);
    this.byPath.set(change.path, tracked);
    if (change.version?.kind === 'objective') this.record(step, tracked, change.version.objective);
  }

  /** A new file: a deleted objective with the same id comes back, otherwise a new objective starts. */
  private adopt(step: CommitStep, path: string, id: string | undefined): TrackedObjective {
    const wanted = id ?? defaultObjectiveId(path);
    const revived = this.objectives.findLast((candidate) => !candidate.present && identity(candidate) === wanted);
    if (revived) {
      if (revived.path !== path) {
        revived.previousPaths.push(revived.path);
        revived.path = path;
      }
      revived.present = true;
      revived.deleted = null;
      return revived;
    }
    const created: TrackedObjective = {
      createdPath: path,
      path,
      previousPaths: [],
      created: { date: step.date, commit: step.commit },
      deleted: null,
      present: true,
      latest: undefined,
      keyResults: new Map(),
    };
    this.objectives.push(created);
    return created;
  }

  private record(step: CommitStep, tracked: TrackedObjective, objective: Objective): void {
    // Check-ins rarely change the period; most versions share it with the one before.
    if (tracked.period?.of !== objective.period) tracked.period = { of: objective.period, range: resolvePeriod(objective.period) };
    const period = tracked.period.range;
    const changes: KeyResultChange[] = [];
    const dates: string[] = [];
    for (const kr of uniqueKeyResults(objective)) {
      const value = valueOf(kr);
      const track = tracked.keyResults.get(kr.id);
      const progress = round(keyResultProgress(kr));
      // A new `as_of` with the same value says "still this on that day": a check-in without a change.
      const restated = kr.as_of !== undefined && kr.as_of !== track?.asOf;
      const checkedIn = track === undefined || track.value !== value || track.confidence !== kr.confidence || restated;
      if (track && !checkedIn && track.progress === progress) {
        track.asOf = kr.as_of;
        continue;
      }
      const date = this.pointDate(step, tracked.path, kr, track);
      const point: SeriesPoint = {
        date,
        commit: step.commit,
        value,
        progress,
        expected: expectedOn(kr, period, date),
        ...(kr.confidence === undefined ? {} : { confidence: kr.confidence }),
      };
      if (track === undefined) {
        tracked.keyResults.set(kr.id, { series: [point], value, confidence: kr.confidence, progress, asOf: kr.as_of });
        continue;
      }
      track.series.push(point);
      // A new target or baseline rescores the same value: a point, so every day has its progress, but not a check-in.
      if (!checkedIn) {
        Object.assign(track, { progress, asOf: kr.as_of });
        continue;
      }
      changes.push({
        kr: kr.id,
        from: track.value,
        to: value,
        progressFrom: track.progress,
        progressTo: progress,
        ...(track.confidence === kr.confidence ? {} : { confidenceFrom: track.confidence ?? null, confidenceTo: kr.confidence ?? null }),
      });
      dates.push(date);
      Object.assign(track, { value, confidence: kr.confidence, progress, asOf: kr.as_of });
    }
    tracked.latest = objective;
    if (changes.length === 0) return;
    const date = dates.reduce((latest, day) => (day > latest ? day : latest));
    this.checkins.push({
      commit: step.commit,
      date,
      ...(date === step.date ? {} : { committed: step.date }),
      author: step.author,
      message: step.message,
      objective: tracked,
      changes,
    });
  }

  /**
   * The day a change counts for: the commit's day, unless the key result's
   * `as_of` was set or changed in this very version and is not after the commit.
   * A series never goes back in time: a point is never dated before the one before it.
   */
  private pointDate(step: CommitStep, path: string, kr: KeyResult, track: TrackedKeyResult | undefined): string {
    let date = step.date;
    if (kr.as_of !== undefined && kr.as_of !== track?.asOf) {
      if (kr.as_of <= step.date || step.commit === '') date = kr.as_of;
      else {
        this.warnings.push({
          message: `\`as_of: ${kr.as_of}\` of key result \`${kr.id}\` is after the commit date ${step.date}; the commit date counts`,
          commit: step.commit,
          path,
        });
      }
    }
    const previous = track?.series.at(-1)?.date;
    return previous !== undefined && date < previous ? previous : date;
  }

  private warnInvalid(step: CommitStep, path: string, version: FileVersion & { kind: 'invalid' }): void {
    const where = step.commit === '' ? path : `${path} at commit ${step.commit.slice(0, 7)}`;
    this.warnings.push({
      message: `Skipped the version of ${where}, line ${version.line}: ${version.message}. The history goes on from the next valid version`,
      ...(step.commit === '' ? {} : { commit: step.commit }),
      path,
      line: version.line,
    });
  }

  private objectiveHistory(tracked: TrackedObjective, objective: Objective, id: string): ObjectiveHistory {
    const period = resolvePeriod(objective.period);
    for (const repeated of repeatedKeyResultIds(objective)) {
      this.warnings.push({
        message: `Key result id \`${repeated}\` is used more than once in ${tracked.path}; the history follows the first and leaves the others out. Give each key result its own \`id:\``,
        path: tracked.path,
      });
    }
    return {
      id,
      title: objective.title,
      path: tracked.path,
      previousPaths: tracked.previousPaths.filter((path, index, all) => path !== tracked.path && all.indexOf(path) === index),
      period: { label: period.label, start: period.start, end: period.end ?? null },
      owner: objective.owner ?? this.nearestMission(tracked.path)?.owner ?? null,
      type: objective.type,
      alignedTo: objective.aligned_to,
      private: objective.private,
      created: tracked.created,
      deleted: tracked.deleted,
      keyResults: uniqueKeyResults(objective).map((kr) => keyResultHistory(kr, period, tracked.keyResults.get(kr.id)?.series ?? [], this.options.generatedAt)),
    };
  }

  /** The mission in the objective's folder or the nearest one above it. */
  private nearestMission(path: string): { owner: string | undefined } | undefined {
    const segments = path.split('/').slice(0, -1);
    for (let length = segments.length; length >= 0; length--) {
      const mission = this.missions.get([...segments.slice(0, length), MISSION_FILE].join('/'));
      if (mission) return mission;
    }
    return undefined;
  }
}

function keyResultHistory(kr: KeyResult, period: PeriodRange, series: SeriesPoint[], now: string): KeyResultHistory {
  const kind = keyResultKind(kr);
  const optional = <K extends 'baseline' | 'target' | 'keep_above' | 'keep_below' | 'unit'>(key: K) =>
    kr[key] === undefined ? {} : ({ [key]: kr[key] } as Pick<KeyResult, K>);
  return {
    id: kr.id,
    title: kr.title,
    kind,
    ...optional('baseline'),
    ...optional('target'),
    ...optional('keep_above'),
    ...optional('keep_below'),
    ...optional('unit'),
    due: kr.due ?? period.end ?? null,
    weight: kr.weight ?? 1,
    status: kr.status ?? 'active',
    series,
    trend: keyResultTrend({ kind, target: kr.target }, series, now),
  };
}

/** The measured value: `current` (null before the first measurement), or 1/0 for a milestone. */
export function valueOf(kr: KeyResult): number | null {
  if (keyResultKind(kr) === 'milestone') return kr.done ? 1 : 0;
  return kr.current ?? null;
}

function expectedOn(kr: KeyResult, period: PeriodRange, date: string): number | null {
  const expected = expectedProgress(keyResultWindow(kr, period), date, keyResultKind(kr));
  return expected === undefined ? null : round(expected);
}

/** History follows a key result by id; a repeated id (a lint error) keeps its first entry. */
function uniqueKeyResults(objective: Objective): KeyResult[] {
  const seen = new Set<string>();
  return objective.key_results.filter((kr) => !seen.has(kr.id) && seen.add(kr.id));
}

function repeatedKeyResultIds(objective: Objective): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const kr of objective.key_results) (seen.has(kr.id) ? repeated : seen).add(kr.id);
  return [...repeated];
}

function explicitId(version: FileVersion | undefined): string | undefined {
  if (version?.kind === 'objective') return version.objective.id;
  if (version?.kind === 'invalid') return version.id;
  return undefined;
}

/** `id:` of the latest valid version, or the file name the objective was created under. */
function identity(tracked: TrackedObjective): string {
  return tracked.latest?.id ?? defaultObjectiveId(tracked.createdPath);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
