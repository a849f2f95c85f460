/**
 * Rules that judge a change rather than a tree: they compare the tree before
 * (`base`) with the tree after (`head`), or read when key results were last checked in.
 */
import type { Position } from '../finding.ts';
import { resolvePeriod, type PeriodRange } from '../period.ts';
import type { DefaultSeverity, ExampleReport, Report, ValidObjective } from '../rules/rule.ts';
import type { KeyResult } from '../schema.ts';
import { validObjectives, type Workspace } from '../workspace.ts';

export type { ValidObjective } from '../rules/rule.ts';

/** The objective the examples of these rules start from. */
export const EXAMPLE_OBJECTIVE = `title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: 3.9`;

export interface PrRuleContext {
  /** The tree the change starts from; undefined on scheduled runs, which have no base. */
  base: Workspace | undefined;
  head: Workspace;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /** A scheduled run (nightly or weekly) rather than a pull request. */
  scheduled: boolean;
  /** Day of the latest check-in of a key result (a commit that changed its value or confidence). */
  lastCheckin(objectiveId: string, krId: string): string | undefined;
  /** As a tree rule reports: `report({ file: { path }, at, message, hint })`. */
  report(report: Report): void;
}

/** An objective file placed at `okrs/2026-q4/example.md`, before and after the change. */
export interface PrRuleExample {
  base?: string;
  head: string;
  now: string;
  scheduled?: boolean;
  lastCheckin?: string;
}

export interface PrRule {
  id: string;
  /** The criterion the rule enforces, quoted from the OKR-writing guide. */
  criterion: string;
  severity: DefaultSeverity;
  description: string;
  /** `reports` states what every bad example reports (in its head, unless a `file` is named); the tests check it. */
  examples: { good: PrRuleExample[]; bad: PrRuleExample[]; reports: ExampleReport[] };
  check(context: PrRuleContext): void;
}

export function objectivesById(workspace: Workspace): Map<string, ValidObjective> {
  const map = new Map<string, ValidObjective>();
  for (const objective of validObjectives(workspace)) if (!map.has(objective.id)) map.set(objective.id, objective);
  return map;
}

/** Between the first and the last day of the period (open-ended periods never end). */
export function isMidPeriod(period: PeriodRange, now: string): boolean {
  return now >= period.start && (period.end === undefined || now <= period.end);
}

export function periodOfObjective(objective: ValidObjective): PeriodRange {
  return resolvePeriod(objective.data.period);
}

export function locateKeyResult(objective: ValidObjective, kr: KeyResult, field?: keyof KeyResult): Position {
  const index = objective.data.key_results.indexOf(kr);
  return objective.locate(field === undefined ? ['key_results', index] : ['key_results', index, field]);
}
