/** Runs every rule over a workspace and collects ESLint-shaped results per file. */
import { runRules, type LintMessage } from './engine.ts';
import { prRules } from './pr-rules/index.ts';
import { rules as allRules, type Rule, type RuleContext } from './rules/index.ts';
import type { Severity } from './schema.ts';
import { closest } from './suggest.ts';
import { allPaths, type Workspace } from './workspace.ts';

export type { LintMessage } from './engine.ts';

export interface LintResult {
  path: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

export interface LintOptions {
  now: string;
  rules?: readonly Rule[];
}

/** The rule that reports files which do not parse or match the schema: the engine's own, always an error. */
const ENGINE_RULE = 'schema';

export function lintWorkspace(workspace: Workspace, options: LintOptions): LintResult[] {
  const rules = options.rules ?? allRules;
  const byPath = new Map<string, LintMessage[]>(allPaths(workspace).map((path) => [path, []]));
  const add = (path: string, message: LintMessage) => {
    const messages = byPath.get(path) ?? [];
    messages.push(message);
    byPath.set(path, messages);
  };
  const severities = configuredSeverities(workspace, rules, add);
  runRules(rules, {
    severityOf: (id) => (id === ENGINE_RULE ? 'error' : severities.get(id)),
    contextFor: (report): RuleContext => ({ workspace, now: options.now, report }),
    failurePath: allPaths(workspace)[0],
    add,
  });

  return [...byPath.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, messages]) => {
      messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
      return {
        path,
        messages,
        errorCount: messages.filter((message) => message.severity === 2).length,
        warningCount: messages.filter((message) => message.severity === 1).length,
      };
    });
}

function configuredSeverities(workspace: Workspace, rules: readonly Rule[], add: (path: string, message: LintMessage) => void): Map<string, Severity> {
  const config = workspace.config;
  const configured = new Map<string, Severity>();
  if (!config?.data) return configured;
  // The pull-request rules run in the action, but their severity lives in the same config.
  const ids = [...rules, ...prRules].map((rule) => rule.id);
  for (const [id, severity] of Object.entries(config.data.rules)) {
    if (id === ENGINE_RULE && severity !== 'error') {
      // A file that does not parse or match the schema cannot be checked at all: that is never a warning.
      add(config.path, {
        ruleId: ENGINE_RULE,
        severity: 2,
        message: `Unexpected \`${id}: ${severity}\`: files that do not parse or match the schema are always errors`,
        hint: `Remove \`${id}\` from \`rules:\`; fix the files it reports instead`,
        ...config.locate(['rules', id]),
      });
      continue;
    }
    if (ids.includes(id)) {
      configured.set(id, severity);
      continue;
    }
    const suggestion = closest(id, ids);
    add(config.path, {
      ruleId: 'schema',
      severity: 2,
      message: `Unknown rule \`${id}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`,
      hint: `Rules: ${ids.join(', ')}`,
      ...config.locate(['rules', id], 'key'),
    });
  }
  return configured;
}

export function totals(results: readonly LintResult[]): { errorCount: number; warningCount: number } {
  return {
    errorCount: results.reduce((sum, result) => sum + result.errorCount, 0),
    warningCount: results.reduce((sum, result) => sum + result.warningCount, 0),
  };
}
