/** Site-wide figures over the objective views: periods, the current one, owners, the overall score. */
import { contains } from '../core/period.ts';
import { compareNatural } from '../core/natural.ts';
import { grade, type Grade } from '../core/score.ts';
import type { ObjectiveView } from './model.ts';
import { ownerSlugs, periodSlug } from './urls.ts';

export interface PeriodSummary {
  label: string;
  slug: string;
  start: string;
  end: string | null;
  when: 'past' | 'current' | 'future';
  objectives: ObjectiveView[];
  /** Mean score of its objectives: as of today for the current period, at the end for a past one. */
  score: number;
  grade: Grade;
}

export function periodSummaries(objectives: readonly ObjectiveView[], now: string): PeriodSummary[] {
  const byLabel = new Map<string, ObjectiveView[]>();
  for (const objective of objectives) byLabel.set(objective.period.label, [...(byLabel.get(objective.period.label) ?? []), objective]);
  return [...byLabel.values()]
    .map((members): PeriodSummary => {
      const { label, start, end } = members[0]!.period;
      const score = mean(members.map((objective) => objective.progress));
      const when = now < start ? 'future' : contains({ label, start, end: end ?? undefined }, now) ? 'current' : 'past';
      return { label, slug: periodSlug(label), start, end, when, objectives: sortObjectives(members), score, grade: grade(score) };
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
    return [...running].sort((a, b) => b.objectives.length - a.objectives.length || length(a) - length(b) || compareText(a.label, b.label))[0];
  }
  return periods.filter((period) => period.when === 'past').at(-1) ?? periods.find((period) => period.when === 'future');
}

export interface OwnerSummary {
  name: string;
  slug: string;
  objectives: ObjectiveView[];
}

/** Owners of the public objectives; the site has owner pages only when there is more than one. */
export function ownerSummaries(objectives: readonly ObjectiveView[]): OwnerSummary[] {
  const names = objectives.flatMap((objective) => (objective.owner === null ? [] : [objective.owner]));
  const slugs = ownerSlugs(names);
  return [...slugs].map(([name, slug]) => ({
    name,
    slug,
    objectives: sortObjectives(objectives.filter((objective) => objective.owner === name)),
  }));
}

export function sortObjectives(objectives: readonly ObjectiveView[]): ObjectiveView[] {
  return [...objectives].sort(
    (a, b) => compareText(b.period.start, a.period.start) || compareNatural(a.title, b.title) || compareText(a.id, b.id),
  );
}

function length(period: PeriodSummary): number {
  return period.end === null ? Number.POSITIVE_INFINITY : Date.parse(period.end) - Date.parse(period.start);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
