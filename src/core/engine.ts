/**
 * The one rule engine: tree rules (src/core/rules) and change rules
 * (src/core/pr-rules) both run through `runRules`. A rule reports with one
 * object, `context.report({ file, at, message, hint })`, ESLint's shape; the
 * engine turns it into a message with the rule's id, severity and position.
 * A rule that throws is reported as a failure of that rule; the others go on.
 */
import { START_OF_FILE, type Finding, type Position } from './finding.ts';
import type { YamlPath } from './frontmatter.ts';
import type { Parsed } from './parse.ts';
import type { Severity } from './schema.ts';

export interface LintMessage extends Finding {
  /** 1 warning, 2 error, as in ESLint. */
  severity: 1 | 2;
}

/** The file a report is about; `locate` turns a YAML path into a position. */
export interface ReportedFile {
  path: string;
  locate?: Parsed<unknown>['locate'];
}

export interface Report {
  file: ReportedFile;
  /** A YAML path such as `['key_results', 0, 'title']`, or a position. */
  at: YamlPath | Position;
  /** What was found, and what was expected. */
  message: string;
  hint?: string | undefined;
  /** An error even when the rule is set to warn (silent when it is off). */
  error?: boolean;
}

export type DefaultSeverity = 'error' | 'warn';

export interface EngineRule<Context> {
  id: string;
  severity: DefaultSeverity;
  check(context: Context): void;
}

export interface RunOptions<Context> {
  /** The configured severity of a rule, or undefined for its default. */
  severityOf(id: string): Severity | undefined;
  /** The rule's context around its `report`. */
  contextFor(report: (report: Report) => void): Context;
  /** Where a rule's own failure is reported. */
  failurePath: string | undefined;
  add(path: string, message: LintMessage): void;
}

export function runRules<Context>(rules: readonly EngineRule<Context>[], options: RunOptions<Context>): void {
  for (const rule of rules) {
    const severity = options.severityOf(rule.id) ?? rule.severity;
    if (severity === 'off') continue;
    const report = ({ file, at, message, hint, error }: Report) => {
      const position: Position = isPath(at) ? (file.locate?.(at) ?? START_OF_FILE) : at;
      options.add(file.path, {
        ruleId: rule.id,
        severity: error || severity === 'error' ? 2 : 1,
        message,
        ...(hint === undefined ? {} : { hint }),
        line: position.line,
        column: position.column,
        endLine: position.endLine,
        endColumn: position.endColumn,
      });
    };
    try {
      rule.check(options.contextFor(report));
    } catch (error) {
      // A rule must never take the others down: report the failure and go on.
      const detail = error instanceof Error ? error.message : String(error);
      if (options.failurePath !== undefined) {
        options.add(options.failurePath, {
          ruleId: rule.id,
          severity: 2,
          message: `Rule \`${rule.id}\` failed: ${detail}`,
          hint: 'This is a bug in gitops-okr; please report it with the file',
          ...START_OF_FILE,
        });
      }
    }
  }
}

function isPath(at: YamlPath | Position): at is YamlPath {
  return Array.isArray(at);
}
