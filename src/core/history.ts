/**
 * Versions → history. Fed one commit at a time, oldest first, along the
 * first-parent line; keeps only what the output needs, so a long history
 * streams through it. Pure: the git side lives in src/git/history.ts.
 */
import type { Checkin, History, HistoryWarning, KeyResultChange, KeyResultHistory, ObjectiveHistory, SeriesPoint } from './history-types.ts';
import type { BuilderState } from './history-state.ts';
import { fileRole, type FileVersion } from './history-version.ts';
import { isValidId } from './ids.ts';
import type { Privacy } from './privacy.ts';
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
  /** Whether the latest version matched the schema, and what it says about being private. */
  latestValid: boolean;
  latestPrivacy: Privacy;
  /** Private in its current life: the latest version that said either way said private. */
  privateNow: boolean;
  /** Some version, in any life, was or may have been private. */
  everPrivate: boolean;
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
  private objectives: TrackedObjective[] = [];
  private byPath = new Map<string, TrackedObjective>();
  private missions = new Map<string, { mission: string; owner: string | undefined; body: string }>();
  private checkins: PendingCheckin[] = [];
  private warnings: HistoryWarning[] = [];
  /** Commits that changed a file while it was, or may have been, private. */
  private privateCommits = new Set<string>();
  /** Commits that touched more than one objective: private too when one of them is private in the end. */
  private sharedCommits: { commit: string; objectives: TrackedObjective[] }[] = [];
  /** Whether the commit being applied changed a file that was private before the change. */
  private stepIsPrivate = false;

  private readonly options: HistoryOptions;

  constructor(options: HistoryOptions) {
    this.options = options;
  }

  /** A builder that goes on from a state that `state()` gave after the commits applied so far; it takes the state's lists over. */
  static resume(options: HistoryOptions, state: BuilderState): HistoryBuilder {
    const builder = new HistoryBuilder(options);
    const objectives = state.objectives.map(({ keyResults, latest, ...tracked }): TrackedObjective => ({
      ...tracked,
      latest,
      keyResults: new Map(keyResults.map(({ id, ...track }) => [id, { ...track, confidence: track.confidence, asOf: track.asOf }])),
    }));
    const at = (index: number) => objectives[index] as TrackedObjective;
    builder.objectives = objectives;
    builder.byPath = new Map(state.byPath.map(([path, index]) => [path, at(index)]));
    builder.missions = new Map(state.missions.map(([path, mission]) => [path, { ...mission, owner: mission.owner }]));
    // In the order `record` writes a check-in's keys, which the history's JSON keeps; replaced in place, so a long list is not held twice.
    const checkins = state.checkins as unknown as PendingCheckin[];
    state.checkins.forEach(({ commit, date, committed, author, message, objective, changes }, index) => {
      checkins[index] = { commit, date, ...(committed === undefined ? {} : { committed }), author, message, objective: at(objective), changes };
    });
    builder.checkins = checkins;
    builder.warnings = [...state.warnings];
    builder.privateCommits = new Set(state.privateCommits);
    builder.sharedCommits = state.sharedCommits.map((shared) => ({ commit: shared.commit, objectives: shared.objectives.map(at) }));
    return builder;
  }

  /** Everything the commits applied so far left, as plain data: `resume` goes on from it as if they had just been applied. */
  state(): BuilderState {
    const indexOf = new Map(this.objectives.map((tracked, index) => [tracked, index]));
    const index = (tracked: TrackedObjective) => indexOf.get(tracked) as number;
    return {
      objectives: this.objectives.map(({ keyResults, period: _period, ...tracked }) => ({ ...tracked, keyResults: [...keyResults].map(([id, track]) => ({ id, ...track })) })),
      byPath: [...this.byPath].map(([path, tracked]) => [path, index(tracked)]),
      missions: [...this.missions],
      checkins: this.checkins.map((checkin) => ({ ...checkin, objective: index(checkin.objective) })),
      warnings: this.warnings,
      privateCommits: [...this.privateCommits],
      sharedCommits: this.sharedCommits.map((shared) => ({ commit: shared.commit, objectives: shared.objectives.map(index) })),
    };
  }

  warn(warning: HistoryWarning): void {
    this.warnings.push(warning);
  }

  apply(step: CommitStep): void {
    const removed: TrackedObjective[] = [];
    const touched = new Set<TrackedObjective>();
    this.stepIsPrivate = false;
    // Deletions first, so an addition in the same commit can take an objective over by its id.
    for (const change of step.changes) if (change.status === 'D') this.remove(change.path, removed, touched);
    for (const change of step.changes) {
      if (change.status === 'D') continue;
      if (change.from !== undefined && fileRole(this.options.root, change.from) === 'mission') this.missions.delete(change.from);
      const role = fileRole(this.options.root, change.path);
      if (change.version?.kind === 'invalid') this.warnInvalid(step, change.path, change.version);
      if (role === 'mission') {
        if (change.version?.kind === 'mission') this.missions.set(change.path, change.version);
      } else if (role === 'objective') {
        this.applyObjective(step, change, removed, touched);
      }
    }
    for (const objective of removed) if (!objective.present) objective.deleted = { date: step.date, commit: step.commit };
    // Any change to the file of an objective that is private, was private before it, or may be: the note is not published.
    if (this.stepIsPrivate || [...touched].some((objective) => objective.privateNow || objective.latestPrivacy !== 'public')) this.privateCommits.add(step.commit);
    else if (touched.size > 1) this.sharedCommits.push({ commit: step.commit, objectives: [...touched] });
  }

  /** The history of the commits applied so far; the builder is left as it was, so more commits may follow. */
  finish(): History {
    const warnings = [...this.warnings];
    const idOf = new Map<TrackedObjective, string>();
    const taken = new Set<string>();
    const byPath = [...this.objectives].sort((a, b) => compare(a.path, b.path));
    for (const tracked of byPath) {
      if (tracked.latest === undefined) warnings.push({ message: `${tracked.path} never matched the schema, so it has no history`, path: tracked.path });
      else if (isHidden(tracked) && !tracked.latestValid) warnings.push(notPublished(tracked));
    }
    // Current files first, so a file keeps its own id and an archived objective that had it gives way.
    for (const tracked of [...byPath.filter((each) => each.present), ...byPath.filter((each) => !each.present)]) {
      if (tracked.latest === undefined) continue;
      let id = identity(tracked);
      if (!isValidId(id)) {
        warnings.push({ message: `${tracked.path} has no usable id (its file name gives \`${id.slice(0, 80)}\`), so it has no history; add an \`id:\``, path: tracked.path });
        continue;
      }
      if (taken.has(id)) {
        let n = 2;
        while (taken.has(`${id}-${n}`)) n++;
        warnings.push({ message: `Objective id \`${id}\` is used twice; ${tracked.path} is listed as \`${id}-${n}\`. Give it its own \`id:\``, path: tracked.path });
        id = `${id}-${n}`;
      }
      taken.add(id);
      idOf.set(tracked, id);
    }
    const objectives = byPath.flatMap((tracked) => (tracked.latest === undefined || !idOf.has(tracked) ? [] : [this.objectiveHistory(tracked, tracked.latest, idOf.get(tracked) as string, warnings)]));
    const privateCommits = new Set(this.privateCommits);
    for (const shared of this.sharedCommits) if (shared.objectives.some(isHidden)) privateCommits.add(shared.commit);
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
      missions: [...this.missions].sort(([a], [b]) => compare(a, b)).map(([path, mission]) => ({ path, mission: mission.mission, owner: mission.owner ?? null, body: mission.body })),
      objectives,
      checkins,
      warnings,
      ...(privateCommits.size === 0 ? {} : { privateCommits: [...privateCommits] }),
    };
  }

  private remove(path: string, removed: TrackedObjective[], touched: Set<TrackedObjective>): void {
    this.missions.delete(path);
    const tracked = this.byPath.get(path);
    if (tracked === undefined) return;
    this.byPath.delete(path);
    tracked.present = false;
    removed.push(tracked);
    touched.add(tracked);
  }

  private applyObjective(step: CommitStep, change: FileChange, removed: TrackedObjective[], touched: Set<TrackedObjective>): void {
    const newId = explicitId(change.version);
    const privacy = privacyOf(change.version);
    let tracked: TrackedObjective | undefined;
    if (change.from !== undefined) {
      const before = this.byPath.get(change.from);
      this.byPath.delete(change.from);
      if (before) touched.add(before);
      const oldId = before?.latest?.id;
      if (before && ((newId !== undefined && oldId !== undefined && newId !== oldId) || crosses(before, change.version))) {
        // Git saw a rename, but the ids say these are two objectives, or one side is private and the other is not.
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
    tracked ??= this.byPath.get(change.path) ?? this.adopt(step, change.path, newId, change.version);
    this.byPath.set(change.path, tracked);
    touched.add(tracked);
    if (tracked.privateNow || tracked.latestPrivacy !== 'public') this.stepIsPrivate = true;
    if (privacy === 'private') {
      tracked.privateNow = true;
      tracked.everPrivate = true;
    } else if (privacy === 'public' && change.version?.kind === 'objective') {
      // Made public in place: what it held while private stays private, and it starts again from here.
      if (tracked.privateNow) this.startOver(step, tracked);
      tracked.privateNow = false;
    }
    tracked.latestPrivacy = privacy;
    tracked.latestValid = change.version?.kind === 'objective';
    if (change.version?.kind === 'objective') this.record(step, tracked, change.version.objective);
  }

  /** Forgets an objective's past: its series, check-ins and earlier paths; it counts as created by this commit. */
  private startOver(step: CommitStep, tracked: TrackedObjective): void {
    tracked.keyResults = new Map();
    tracked.previousPaths = [];
    tracked.createdPath = tracked.path;
    tracked.created = { date: step.date, commit: step.commit };
    tracked.latest = undefined;
    tracked.period = undefined;
    this.checkins = this.checkins.filter((checkin) => checkin.objective !== tracked);
  }

  /**
   * A new file. It continues a deleted objective with the same id when it names that id itself, returns to the
   * same path, or replaces it in the same commit, and only when both are private or both public; otherwise a new
   * objective starts, and a warning says so when an earlier one had the id.
   */
  private adopt(step: CommitStep, path: string, id: string | undefined, version: FileVersion | undefined): TrackedObjective {
    const wanted = id ?? defaultObjectiveId(path);
    const sameId = this.objectives.filter((candidate) => !candidate.present && identity(candidate) === wanted);
    const revived = sameId.findLast((candidate) => !crosses(candidate, version) && (id !== undefined || candidate.path === path || candidate.deleted === null));
    if (revived === undefined && sameId.length > 0) {
      this.warnings.push({
        message: `${path} has the id \`${wanted}\` of an objective deleted earlier; it starts a new objective instead of continuing that one. Give it an \`id:\` of its own`,
        commit: step.commit,
        path,
      });
    }
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
      latestValid: false,
      // What it was before its first version: nothing private yet.
      latestPrivacy: 'public',
      privateNow: false,
      everPrivate: false,
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

  private objectiveHistory(tracked: TrackedObjective, objective: Objective, id: string, warnings: HistoryWarning[]): ObjectiveHistory {
    const period = resolvePeriod(objective.period);
    for (const repeated of repeatedKeyResultIds(objective)) {
      warnings.push({
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
      private: isHidden(tracked),
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
  const optional = <K extends 'baseline' | 'target' | 'keep_above' | 'keep_below' | 'unit'>(key: K) => (kr[key] === undefined ? {} : ({ [key]: kr[key] } as Pick<KeyResult, K>));
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

function privacyOf(version: FileVersion | undefined): Privacy {
  if (version?.kind === 'objective') return version.objective.private ? 'private' : 'public';
  if (version?.kind === 'invalid') return version.privacy;
  return 'unknown';
}

/** Whether a version would take an objective across the line between private and public. */
function crosses(tracked: TrackedObjective, version: FileVersion | undefined): boolean {
  const privacy = privacyOf(version);
  if (privacy === 'private') return !tracked.privateNow;
  return privacy === 'public' && version?.kind === 'objective' && tracked.privateNow;
}

/**
 * Never published: private in its latest version, a latest version that may be private or cannot be read,
 * or a latest version that fails the schema of a file that was ever private.
 */
function isHidden(tracked: TrackedObjective): boolean {
  return tracked.latestPrivacy !== 'public' || tracked.privateNow || (tracked.everPrivate && !tracked.latestValid);
}

function notPublished(tracked: TrackedObjective): HistoryWarning {
  const reason =
    tracked.latestPrivacy === 'private'
      ? 'its latest version has a `private:` that is not `true` or `false`, which counts as private'
      : tracked.latestPrivacy === 'unknown'
        ? 'its latest version cannot be read, so it may be private'
        : 'its latest version does not match the schema and it was private before';
  return { message: `${tracked.path} is not published: ${reason}. Fix the file to publish it again`, path: tracked.path };
}

/** `id:` of the latest valid version, or the file name the objective was created under. */
function identity(tracked: TrackedObjective): string {
  return tracked.latest?.id ?? defaultObjectiveId(tracked.createdPath);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
