/** Runs the pull-request rules over a change (base → head) and merges their findings with the tree's. */
import { START_OF_FILE } from './finding.ts';
import type { LintMessage, LintResult } from './lint.ts';
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
  for (const rule of options.rules ?? allPrRules) {
    const severity = configured[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    const context: PrRuleContext = {
      base: options.base,
      head: options.head,
      now: options.now,
      scheduled: options.scheduled,
      lastCheckin: options.lastCheckin ?? (() => undefined),
      report(path, at, message, hint) {
        const messages = byPath.get(path) ?? [];
        messages.push({ ruleId: rule.id, severity: severity === 'error' ? 2 : 1, message, ...(hint === undefined ? {} : { hint }), line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn });
        byPath.set(path, messages);
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule must never take the others down: report the failure and go on.
      const detail = error instanceof Error ? error.message : String(error);
      const path = options.head.objectives[0]?.path ?? options.head.root;
      context.report(path, START_OF_FILE, `Rule \`${rule.id}\` failed: ${detail}`, 'This is a bug in gitops-okr; please report it with the file');
    }
  }
  return [...byPath].map(([path, messages]) => resultOf(path, messages));
}

/** One result per path, messages in line order, counts recomputed. */
export function mergeResults(...lists: readonly (readonly LintResult[])[]): LintResult[] {
  const byPath = new Map<string, LintMessage[]>();
  for (const result of lists.flat()) byPath.set(result.path, [...(byPath.get(result.path) ?? []), ...result.messages]);
  return [...byPath]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, messages]) => resultOf(path, messages));
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
