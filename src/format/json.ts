/** ESLint-compatible JSON: every linted file, clean ones too, with absolute paths. */
import type { LintResult } from '../core/lint.ts';

export function formatJson(results: readonly LintResult[], absolutePath: (path: string) => string): string {
  return `${JSON.stringify(
    results.map((result) => ({
      filePath: absolutePath(result.path),
      messages: result.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, hint }) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
        ...(hint === undefined ? {} : { hint }),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    })),
    null,
    2,
  )}\n`;
}
