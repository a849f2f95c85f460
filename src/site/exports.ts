/**
 * The machine-readable files of the site: `/okrs.json` (the versioned summary of
 * src/core/okrs-json.ts), one `objectives/<id>/okrs.json` per objective with its series
 * and check-ins, and the shields.io endpoint `/badge.json`.
 */
import type { Group } from '../core/groups.ts';
import type { Checkin, History, ObjectiveHistory } from '../core/history-types.ts';
import { OKRS_SCHEMA_VERSION, type GroupSummary, type ObjectiveSummary, type OkrsSummary } from '../core/okrs-json.ts';
import type { Grade } from '../core/score.ts';
import { percent } from './format.ts';
import type { ObjectiveView } from './model.ts';

/**
 * JSON with `<`, `>` and `&` escaped as `\u003c`… so it stays the same data yet can
 * never be read as markup.
 */
export function okrsJson(data: unknown): string {
  return `${safeJson(data)}\n`;
}

export interface SummaryInputs {
  generatedAt: string;
  now: string;
  repo: string;
  missions: History['missions'];
  objectives: readonly ObjectiveView[];
  /** Group id of each objective of the roll-up's period. */
  groupOf: ReadonlyMap<string, string>;
  groups: readonly Group[];
  period: string | null;
  checkinCount: number;
  warnings: History['warnings'];
}

/** `/okrs.json`: the summary every objective's standing is laid out in; no series. */
export function okrsSummary(inputs: SummaryInputs): OkrsSummary {
  return {
    schemaVersion: OKRS_SCHEMA_VERSION,
    generatedAt: inputs.generatedAt,
    now: inputs.now,
    repo: inputs.repo,
    missions: inputs.missions.map(({ path, mission, owner }) => ({ path, mission, owner })),
    groups: inputs.groups.map((group) => groupSummary(group, inputs.period)),
    objectives: inputs.objectives.map((objective) => objectiveSummary(objective, inputs.groupOf.get(objective.id) ?? null)),
    checkinCount: inputs.checkinCount,
    warnings: inputs.warnings,
  };
}

function groupSummary(group: Group, period: string | null): GroupSummary {
  const { id, name, mission, owner, parent, children, objectives, rollup } = group;
  return { id, name, mission, owner, parent, children, objectives, rollup: { period, ...rollup } };
}

/** An objective with its standing on the build day as the core computed it (src/core/standing.ts). */
function objectiveSummary(objective: ObjectiveView, group: string | null): ObjectiveSummary {
  const { keyResults: standings, ...standing } = objective.standing;
  return {
    id: objective.id,
    title: objective.title,
    path: objective.path,
    period: objective.period,
    owner: objective.owner,
    type: objective.type,
    alignedTo: objective.alignedTo,
    parents: objective.parents,
    group,
    standing: { ...standing, progressFrom: objective.fromAligned ? 'aligned' : 'key-results' },
    keyResults: objective.keyResults.map((kr, index) => ({
      id: kr.id,
      title: kr.title,
      kind: kr.kind,
      unit: kr.unit,
      baseline: kr.baseline,
      target: kr.target,
      keepAbove: kr.keepAbove,
      keepBelow: kr.keepBelow,
      due: kr.due,
      weight: kr.weight,
      dropped: kr.dropped,
      ...(kr.owner === null ? {} : { owner: kr.owner }),
      standing: standings[index]!,
    })),
    history: `objectives/${encodeURIComponent(objective.id)}/okrs.json`,
  };
}

/** `objectives/<id>/okrs.json`: one objective's history (its series) and its check-ins, newest first. */
export function objectiveHistoryJson(objective: ObjectiveHistory, checkins: readonly Checkin[]): string {
  return okrsJson({ schemaVersion: OKRS_SCHEMA_VERSION, objective, checkins });
}

const GRADE_COLORS: Record<Grade, string> = { green: 'brightgreen', yellow: 'yellow', red: 'red' };

/** https://shields.io/badges/endpoint-badge */
export function badgeJson(period: { label: string; score: number; grade: Grade } | undefined): string {
  const badge = period
    ? { schemaVersion: 1, label: `OKRs ${period.label}`, message: percent(period.score), color: GRADE_COLORS[period.grade] }
    : { schemaVersion: 1, label: 'OKRs', message: 'none yet', color: 'lightgrey' };
  return `${safeJson(badge)}\n`;
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
