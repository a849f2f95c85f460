/** `okr rules`: what each rule checks and which criterion it enforces. */
import { prRules } from '../core/pr-rules/index.ts';
import { rules } from '../core/rules/index.ts';
import { formatRulesMarkdown } from '../format/rules-markdown.ts';
import { colorsFor } from './colors.ts';

export interface RulesFlags {
  format: 'text' | 'markdown';
}

export async function rulesCommand(flags: RulesFlags): Promise<number> {
  if (flags.format === 'markdown') {
    process.stdout.write(formatRulesMarkdown(rules, prRules));
    return 0;
  }
  const colors = colorsFor(process.stdout);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  for (const rule of rules) {
    const severity = rule.severity === 'error' ? colors.red('error') : colors.yellow('warn ');
    process.stdout.write(`${rule.id.padEnd(width)}  ${severity}  ${rule.description}\n`);
  }
  return 0;
}
