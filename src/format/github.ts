/** GitHub Actions workflow commands: one annotation per message. */
import type { LintMessage, LintResult } from '../core/lint.ts';

export function formatGithub(results: readonly LintResult[]): string {
  return results.flatMap((result) => result.messages.map((message) => annotation(result.path, message))).join('');
}

export function annotation(file: string, message: LintMessage): string {
  const command = message.severity === 2 ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${message.line}`,
    `col=${message.column}`,
    `endLine=${message.endLine}`,
    `endColumn=${message.endColumn}`,
    `title=${escapeProperty(message.ruleId)}`,
  ].join(',');
  const text = message.hint ? `${message.message}\n${message.hint}` : message.message;
  return `::${command} ${properties}::${escapeData(text)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
