/** What a rule is: one criterion, one check, and examples that are also its tests. */
import type { DefaultSeverity, Report, ReportedFile } from '../engine.ts';
import type { KeyResult, Objective } from '../schema.ts';
import { validObjectives, type ObjectiveFile, type Workspace } from '../workspace.ts';

export type { DefaultSeverity, Report, ReportedFile } from '../engine.ts';

/** An objective file's content (placed at `okrs/2026-q4/example.md` under a mission), or a whole tree. */
export type RuleExample = string | { files: Record<string, string>; now?: string };

export interface RuleContext {
  workspace: Workspace;
  /** Today, `YYYY-MM-DD`. */
  now: string;
  /**
   * Report at the value (or a position) of a file; `at` is a YAML path such as `['key_results', 0, 'title']`.
   * `error: true` reports an error even when the rule is set to warn (it stays silent when off).
   */
  report(report: Report): void;
}

/** Where a bare example objective is placed, and where its reports are unless they name a `file`. */
export const EXAMPLE_FILE = 'okrs/2026-q4/example.md';

/**
 * What a bad example reports: its index in `bad`, the file (`okrs/2026-q4/example.md`
 * unless given), and the exact position and message. The stated reports of a bad
 * example are all that the rule reports on it, as ESLint's `errors`.
 */
export interface ExampleReport {
  bad: number;
  file?: string;
  line: number;
  column: number;
  message: string;
}

export interface Rule {
  id: string;
  /** The criterion the rule enforces, quoted from the OKR-writing guide. */
  criterion: string;
  severity: DefaultSeverity;
  description: string;
  /** `reports` states what every bad example reports; the tests check it. */
  examples: { good: RuleExample[]; bad: RuleExample[]; reports: ExampleReport[] };
  check(context: RuleContext): void;
}

export type ValidObjective = ObjectiveFile & { data: Objective };

export function eachObjective(context: RuleContext, visit: (objective: ValidObjective) => void): void {
  for (const objective of validObjectives(context.workspace)) visit(objective);
}

/** Key results that count: those not marked `status: dropped`. */
export function eachKeyResult(context: RuleContext, visit: (kr: KeyResult, index: number, objective: ValidObjective) => void): void {
  eachObjective(context, (objective) => {
    objective.data.key_results.forEach((kr, index) => {
      if (kr.status !== 'dropped') visit(kr, index, objective);
    });
  });
}

export function quote(text: string): string {
  return `“${text}”`;
}
