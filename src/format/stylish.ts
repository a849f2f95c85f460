/** Human output in the style of ESLint's stylish formatter. */
import type picocolors from 'picocolors';
import type { LintResult } from '../core/lint.ts';
import { totals } from '../core/lint.ts';
import { terminalText } from '../core/terminal-text.ts';
import { plural } from '../core/words.ts';

export type Colors = ReturnType<typeof picocolors.createColors>;

export function formatStylish(results: readonly LintResult[], colors: Colors): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    lines.push('', colors.underline(terminalText(result.path)));
    for (const message of result.messages) {
      const level = message.severity === 2 ? colors.red('error') : colors.yellow('warning');
      lines.push(`  ${colors.dim(`${message.line}:${message.column}`.padEnd(7))} ${level.padEnd(message.severity === 2 ? 5 : 7)}  ${terminalText(message.message)}  ${colors.dim(message.ruleId)}`);
      if (message.hint) for (const hintLine of message.hint.split('\n')) lines.push(`           ${colors.dim(terminalText(hintLine))}`);
    }
  }
  const { errorCount, warningCount } = totals(results);
  const problems = errorCount + warningCount;
  if (problems === 0) {
    lines.push(colors.green(`✔ ${plural(results.length, 'file')} checked, no problems`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')}) in ${plural(results.length, 'file')}`;
    lines.push('', errorCount > 0 ? colors.red(colors.bold(summary)) : colors.yellow(colors.bold(summary)));
  }
  return `${lines.join('\n')}\n`;
}
