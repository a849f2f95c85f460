/**
 * What the pages show, computed from the history and the current files: one
 * view per public objective and check-in, the list of files that need
 * attention, and nothing at all of a private objective.
 */
import { alignedIds } from '../core/alignment.ts';
import type { Checkin, History, KeyResultHistory, ObjectiveHistory } from '../core/history-types.ts';
import type { Objective } from '../core/schema.ts';
import { grade, status, type Grade, type KeyResultKind, type KeyResultStatus, type Status } from '../core/score.ts';
import { pointsUpTo, type KeyResultStanding, type ObjectiveStanding } from '../core/standing.ts';
import type { Workspace } from '../core/workspace.ts';
import { keyResultChart, progressSeries, sparkline, type KeyResultChart, type Sparkline } from './chart.ts';
import { formatNumber, subjectOf, bodyOf } from './format.ts';
import { syncedFrom, withoutToolTrailers } from '../core/sources/trailer.ts';
import type { RenderedBody } from './markdown.ts';

export interface KeyResultView {
  id: string;
  title: string;
  kind: KeyResultKind;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  keepAbove: number | null;
  keepBelow: number | null;
  due: string | null;
  weight: number;
  dropped: boolean;
  /** Why a target was eased or the key result dropped (from the current file). */
  reason: string | null;
  /** Its own owner (from the current file), when it names one. */
  owner: string | null;
  /** `<objective>/<key result>` of the earlier period it carries forward (from the current file). */
  carriedFrom: string | null;
  value: number | null;
  progress: number;
  expected: number | null;
  status: KeyResultStatus;
  confidence: number | null;
  trend: KeyResultHistory['trend'];
  chart: KeyResultChart;
  /** The chart's data, for the table beside it. */
  rows: { date: string; value: number | null; progress: number; confidence: number | null; commit: string }[];
}

export interface ObjectiveView {
  id: string;
  title: string;
  path: string;
  period: { label: string; start: string; end: string | null };
  owner: string | null;
  type: 'aspirational' | 'committed';
  /** Id of the public objective this one supports first (its primary parent); null under the mission. */
  alignedTo: string | null;
  /** Every public objective it supports, the primary first; empty under the mission. */
  parents: string[];
  /** Deleted on or before the build day. */
  archived: boolean;
  /** Counted in its period's overall score (see ObjectiveStanding). */
  counted: boolean;
  /** As of `now`, or as of the period's end once it is over: the end-of-period score. */
  progress: number;
  expected: number | null;
  status: Status;
  grade: Grade;
  /** The final `grade:` of a closed period, as the file says (people may edit it after `okr close`). */
  finalGrade: { value: number; grade: Grade } | null;
  confidence: number | null;
  daysLeft: number | null;
  lastCheckin: { date: string; commit: string } | null;
  checkinCount: number;
  tasks: RenderedBody['tasks'];
  sparkline: Sparkline;
  keyResults: KeyResultView[];
  /** `progress: from-aligned` and something aligned to it: progress and expected are the mean of those objectives. */
  fromAligned: boolean;
  /** The numbers above as the core computed them: what `okrs.json` publishes. */
  standing: ObjectiveStanding;
}

export interface CheckinView {
  id: string;
  commit: string;
  date: string;
  author: string;
  subject: string;
  body: string;
  objective: { id: string; title: string };
  /** `feedback 3.6 → 3.9 of 4.5; invites 1 → 2 of 3` */
  summary: string;
  /** The source `okr sync` read, when the check-in is automatic. */
  syncedFrom: string | null;
}

export interface Problem {
  path: string;
  line: number | null;
  message: string;
}

/** An objective's page, card and table row: its history laid out with its standing on the build day. */
export function objectiveView(
  objective: ObjectiveHistory,
  standing: ObjectiveStanding,
  frontmatter: Objective | undefined,
  tasks: RenderedBody['tasks'],
  publicIds: ReadonlySet<string>,
  /** Commits that `okr sync` made (an `Okr-Sync:` trailer): their points are marked on the charts. */
  syncedCommits: ReadonlySet<string> = new Set(),
  /** For an objective without a file (a published source's): the owners its source names, by key-result id. */
  keyResultOwners: Readonly<Record<string, string>> = {},
): ObjectiveView {
  const { asOf } = standing;
  const parents = alignedIds(objective.alignedTo).filter((id) => publicIds.has(id));
  return {
    id: objective.id,
    title: objective.title,
    path: objective.path,
    period: objective.period,
    owner: objective.owner,
    type: objective.type,
    alignedTo: parents[0] ?? null,
    parents,
    archived: standing.archived,
    counted: standing.counted,
    progress: standing.progress,
    expected: standing.expected,
    status: standing.status,
    grade: standing.grade,
    finalGrade: frontmatter?.grade === undefined ? null : { value: frontmatter.grade, grade: grade(frontmatter.grade, objective.type) },
    confidence: standing.confidence,
    daysLeft: standing.daysLeft,
    lastCheckin: standing.lastCheckin,
    checkinCount: standing.checkinCount,
    tasks,
    sparkline: sparkline(progressSeries(objective.keyResults, asOf), { start: objective.period.start, end: objective.period.end }, asOf),
    keyResults: objective.keyResults.map((kr, index) => keyResultView(kr, standing.keyResults[index]!, objective, frontmatter, asOf, syncedCommits, keyResultOwners)),
    standing,
    fromAligned: false,
  };
}

/** An objective with `progress: from-aligned`: its numbers from what is aligned to it (src/core/alignment.ts). */
export function withAlignedProgress(view: ObjectiveView, numbers: { progress: number; expected: number | null }): ObjectiveView {
  const { asOf } = view.standing;
  const numbersOfDay = {
    progress: numbers.progress,
    expected: numbers.expected,
    status: status(numbers.progress, numbers.expected ?? undefined, { start: view.period.start }, asOf),
    grade: grade(numbers.progress, view.type),
  };
  return { ...view, ...numbersOfDay, standing: { ...view.standing, ...numbersOfDay }, fromAligned: true };
}

function keyResultView(
  kr: KeyResultHistory,
  standing: KeyResultStanding,
  objective: ObjectiveHistory,
  frontmatter: Objective | undefined,
  asOf: string,
  syncedCommits: ReadonlySet<string>,
  keyResultOwners: Readonly<Record<string, string>>,
): KeyResultView {
  const window = { start: objective.period.start, end: kr.due ?? objective.period.end };
  return {
    id: kr.id,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit ?? null,
    baseline: kr.baseline ?? null,
    target: kr.target ?? null,
    keepAbove: kr.keep_above ?? null,
    keepBelow: kr.keep_below ?? null,
    due: kr.due,
    weight: kr.weight,
    dropped: standing.status === 'dropped',
    reason: frontmatter?.key_results.find((candidate) => candidate.id === kr.id)?.reason ?? null,
    owner: frontmatter?.key_results.find((candidate) => candidate.id === kr.id)?.owner ?? (Object.hasOwn(keyResultOwners, kr.id) ? keyResultOwners[kr.id]! : null),
    carriedFrom: frontmatter?.key_results.find((candidate) => candidate.id === kr.id)?.carried_from ?? null,
    value: standing.value,
    progress: standing.progress,
    expected: standing.expected,
    status: standing.status,
    confidence: standing.confidence,
    trend: kr.trend,
    chart: keyResultChart(kr, window, asOf, undefined, syncedCommits),
    rows: pointsUpTo(kr.series, asOf).map((point) => ({
      date: point.date,
      value: point.value,
      progress: point.progress,
      confidence: point.confidence ?? null,
      commit: point.commit,
    })),
  };
}

export function checkinView(checkin: Checkin, objective: ObjectiveHistory): CheckinView {
  return {
    id: checkinId(checkin),
    commit: checkin.commit,
    date: checkin.date,
    author: checkin.author,
    subject: subjectOf(checkin.message),
    // The trailers of `okr sync` and `okr import` are for the tool; `syncedFrom` below keeps the mark.
    body: bodyOf(withoutToolTrailers(checkin.message)),
    objective: { id: objective.id, title: objective.title },
    summary: checkinSummary(checkin, objective),
    syncedFrom: syncedFrom(checkin.message) ?? null,
  };
}

export function checkinId(checkin: Pick<Checkin, 'commit' | 'objective'>): string {
  return `${checkin.commit || 'working-tree'}-${checkin.objective}`;
}

/** `feedback 3.6 → 3.9 of 4.5; course done` */
export function checkinSummary(checkin: Checkin, objective: ObjectiveHistory): string {
  const parts = checkin.changes.map((change) => {
    const kr = objective.keyResults.find((candidate) => candidate.id === change.kr);
    if (kr?.kind === 'milestone') return `${change.kr} ${change.to === 1 ? 'done' : 'reopened'}`;
    const from = change.from === null ? '–' : formatNumber(change.from);
    const to = change.to === null ? '–' : formatNumber(change.to);
    const goal = kr?.target !== undefined ? ` of ${formatNumber(kr.target)}` : '';
    const moved = `${change.kr} ${from} → ${to}${goal}`;
    return change.confidenceTo !== undefined && change.confidenceTo !== change.confidenceFrom && change.confidenceTo !== null ? `${moved} (confidence ${formatNumber(change.confidenceTo)})` : moved;
  });
  return parts.length === 0 ? 'updated' : parts.join('; ');
}
