/** Runs every rule over a workspace and collects ESLint-shaped results per file. */
import type { Finding, Position } from './finding.ts';
import { START_OF_FILE } from './finding.ts';
import type { YamlPath } from './frontmatter.ts';
import { prRules } from './pr-rules/index.ts';
import { rules as allRules, type Rule, type RuleContext } from './rules/index.ts';
import type { Severity } from './schema.ts';
import { closest } from './suggest.ts';
import { allPaths, type Workspace } from './workspace.ts';

export interface LintMessage extends Finding {
  /** 1 warning, 2 error, as in ESLint. */
  severity: 1 | 2;
}

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

  for (const rule of rules) {
    const severity = severities.get(rule.id) ?? rule.severity;
    if (severity === 'off') continue;
    const context: RuleContext = {
      workspace,
      now: options.now,
      report(file, at, message, hint, reportOptions) {
        const position = isPath(at) ? (file.locate?.(at) ?? START_OF_FILE) : at;
        const level = reportOptions?.error || severity === 'error' ? 2 : 1;
        add(file.path, { ruleId: rule.id, severity: level, message, ...(hint === undefined ? {} : { hint }), ...pick(position) });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // A rule must never take the others down: report the failure and go on.
      const detail = error instanceof Error ? error.message : String(error);
      const first = allPaths(workspace)[0];
      if (first !== undefined) add(first, { ruleId: rule.id, severity: 2, message: `Rule \`${rule.id}\` failed: ${detail}`, hint: 'This is a bug in gitops-okr; please report it with the file', ...START_OF_FILE });
    }
  }

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

function isPath(at: YamlPath | Position): at is YamlPath {
  return Array.isArray(at);
}

function pick(position: Position): Position {
  return { line: position.line, column: position.column, endLine: position.endLine, endColumn: position.endColumn };
}
