/** Site-wide figures over the objective views: periods, the current one, owners, the overall score. */
import { compareNatural } from '../core/natural.ts';
import type { Grade } from '../core/score.ts';
import type { PeriodStanding } from '../core/standing.ts';
import type { KeyResultView, ObjectiveView } from './model.ts';
import { ownerSlugs, periodSlug } from './urls.ts';

export interface PeriodSummary {
  label: string;
  slug: string;
  start: string;
  end: string | null;
  when: 'past' | 'current' | 'future';
  /** Every objective of the period, archived ones included. */
  objectives: ObjectiveView[];
  /** Those its score counts: not deleted by the period's end (or by today for the current one). */
  counted: ObjectiveView[];
  /** Mean score of the counted objectives: as of today for the current period, at the end for a past one. */
  score: number;
  grade: Grade;
}

/** The standing's periods, with the views of their objectives. */
export function periodSummaries(objectives: readonly ObjectiveView[], periods: readonly PeriodStanding[]): PeriodSummary[] {
  const byLabel = new Map<string, ObjectiveView[]>();
  for (const objective of objectives) byLabel.set(objective.period.label, [...(byLabel.get(objective.period.label) ?? []), objective]);
  return periods
    .filter((period) => byLabel.has(period.label))
    .map((period): PeriodSummary => {
      const members = sortObjectives(byLabel.get(period.label) ?? []);
      const counted = new Set(period.objectives);
      return {
        label: period.label,
        slug: periodSlug(period.label),
        start: period.start,
        end: period.end,
        when: period.when,
        objectives: members,
        counted: members.filter((objective) => counted.has(objective.id)),
        score: period.progress,
        grade: period.grade,
      };
    })
    .sort((a, b) => (a.start === b.start ? compareText(a.label, b.label) : compareText(a.start, b.start)));
}

/**
 * The period the dashboard leads with: of those running today, the one with
 * the most objectives (then the shortest); otherwise the latest that ended,
 * otherwise the first to come.
 */
export function currentPeriod(periods: readonly PeriodSummary[]): PeriodSummary | undefined {
  const running = periods.filter((period) => period.when === 'current');
  if (running.length > 0) {
    return [...running].sort((a, b) => b.counted.length - a.counted.length || length(a) - length(b) || compareText(a.label, b.label))[0];
  }
  return periods.filter((period) => period.when === 'past').at(-1) ?? periods.find((period) => period.when === 'future');
}

export interface OwnerSummary {
  name: string;
  slug: string;
  objectives: ObjectiveView[];
  /** Key results they own in objectives someone else owns. */
  keyResults: { objective: ObjectiveView; keyResult: KeyResultView }[];
}

/** Owners of the public objectives and key results; the site has owner pages only when there is more than one. */
export function ownerSummaries(objectives: readonly ObjectiveView[]): OwnerSummary[] {
  const owned = new Map<string, ObjectiveView[]>();
  const krs = new Map<string, OwnerSummary['keyResults']>();
  for (const objective of sortObjectives(objectives)) {
    if (objective.owner !== null) owned.set(objective.owner, [...(owned.get(objective.owner) ?? []), objective]);
    for (const keyResult of objective.keyResults) {
      if (keyResult.owner === null || keyResult.owner === objective.owner) continue;
      krs.set(keyResult.owner, [...(krs.get(keyResult.owner) ?? []), { objective, keyResult }]);
    }
  }
  const slugs = ownerSlugs([...owned.keys(), ...krs.keys()]);
  return [...slugs].map(([name, slug]) => ({ name, slug, objectives: owned.get(name) ?? [], keyResults: krs.get(name) ?? [] }));
}

export function sortObjectives(objectives: readonly ObjectiveView[]): ObjectiveView[] {
  return [...objectives].sort((a, b) => compareText(b.period.start, a.period.start) || compareNatural(a.title, b.title) || compareText(a.id, b.id));
}

function length(period: PeriodSummary): number {
  return period.end === null ? Number.POSITIVE_INFINITY : Date.parse(period.end) - Date.parse(period.start);
}

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
