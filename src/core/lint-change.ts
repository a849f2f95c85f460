/** Runs the change rules over a change (base → head) through the rule engine, and merges their findings with the tree's. */
import { runRules, type LintMessage } from './engine.ts';
import type { LintResult } from './lint.ts';
import { prRules as allPrRules, type PrRule, type PrRuleContext } from './pr-rules/index.ts';
import type { Workspace } from './workspace.ts';

export interface ChangeOptions {
  base: Workspace | undefined;
  head: Workspace;
  now: string;
  scheduled: boolean;
  lastCheckin?: PrRuleContext['lastCheckin'];
  rules?: readonly PrRule[];
}

export function lintChange(options: ChangeOptions): LintResult[] {
  const configured = options.head.config?.data?.rules ?? {};
  const byPath = new Map<string, LintMessage[]>();
  runRules(options.rules ?? allPrRules, {
    severityOf: (id) => configured[id],
    contextFor: (report): PrRuleContext => ({
      base: options.base,
      head: options.head,
      now: options.now,
      scheduled: options.scheduled,
      lastCheckin: options.lastCheckin ?? (() => undefined),
      report,
    }),
    failurePath: options.head.objectives[0]?.path ?? options.head.root,
    add: (path, message) => byPath.set(path, [...(byPath.get(path) ?? []), message]),
  });
  return [...byPath].map(([path, messages]) => resultOf(path, messages));
}

/** One result per path, messages in line order, counts recomputed. */
export function mergeResults(...lists: readonly (readonly LintResult[])[]): LintResult[] {
  const byPath = new Map<string, LintMessage[]>();
  for (const result of lists.flat()) byPath.set(result.path, [...(byPath.get(result.path) ?? []), ...result.messages]);
  return [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, messages]) => resultOf(path, messages));
}

function resultOf(path: string, messages: LintMessage[]): LintResult {
  const sorted = [...messages].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return {
    path,
    messages: sorted,
    errorCount: sorted.filter((message) => message.severity === 2).length,
    warningCount: sorted.filter((message) => message.severity === 1).length,
  };
}
