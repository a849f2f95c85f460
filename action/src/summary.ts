/**
 * The report as markdown: the job summary and, with a marker around it, the
 * pull-request comment. Everything that comes from files goes through escape.ts.
 */
import { checkinLink, type RepositoryLinks } from './edit-link.ts';
import { codeSpan, escapeMessage, escapeText, mermaidLabel } from './escape.ts';
import type { CheckReport } from './report.ts';

type Move = NonNullable<CheckReport['diff']>['moved'][number];

export interface RenderOptions {
  links: RepositoryLinks;
  /** Rows per table; the rest is counted, never silently dropped. Unlimited by default. */
  rowLimit?: number;
}

const BAR_CELLS = 10;

export function renderReport(report: CheckReport, options: RenderOptions): string {
  const sections = [
    '## OKR check',
    headline(report),
    report.baseProblem ? `> **Not compared with the base:** ${escapeMessage(report.baseProblem)}` : '',
    report.diff ? whatMoved(report.diff.moved, options.rowLimit) : '',
    report.diff ? addedAndRemoved(report.diff, options.rowLimit) : '',
    problemsByFileAndRule(report, options.rowLimit),
    allProblems(report, options.rowLimit),
    annotationNote(report),
    nextCheckin(report, options.links),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/** The report in at most `maxLength` characters: tables are shortened (saying by how much) until it fits. */
export function renderWithin(report: CheckReport, options: RenderOptions, maxLength: number): string {
  let rowLimit = options.rowLimit;
  for (;;) {
    const markdown = renderReport(report, { ...options, rowLimit });
    if (markdown.length <= maxLength) return markdown;
    if (rowLimit === 0) return `${markdown.slice(0, Math.max(0, maxLength - 2))}…\n`;
    rowLimit = Math.floor((rowLimit ?? Math.max(...tableSizes(report))) / 2);
  }
}

export function progressBar(progress: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress)) * BAR_CELLS);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
}

export function percent(progress: number): string {
  return `${Math.round(progress * 100)}%`;
}

function headline(report: CheckReport): string {
  const errors = sum(report.results.map((result) => result.errorCount));
  const warnings = sum(report.results.map((result) => result.warningCount));
  const files = report.results.filter((result) => result.messages.length > 0).length;
  const status = errors + warnings === 0 ? '✅ No problems' : `${errors === 0 ? '⚠️' : '❌'} **${plural(errors, 'error')}, ${plural(warnings, 'warning')}** in ${plural(files, 'file')}`;
  const checked = `${plural(report.results.length, 'OKR file')} checked`;
  const compared = report.base && report.head ? `compared ${codeSpan(report.base.slice(0, 7))} → ${codeSpan(report.head.slice(0, 7))}` : '';
  const moved = report.diff ? plural(report.diff.moved.filter((move) => move.value).length, 'key result') + ' moved' : '';
  return [status, checked, compared, moved].filter((part) => part !== '').join(' · ');
}

function whatMoved(moves: readonly Move[], rowLimit: number | undefined): string {
  if (moves.length === 0) return '';
  const rows = limited(moves, rowLimit).map((move) =>
    row([
      escapeText(move.title, 120),
      `${escapeText(move.kr, 80)}: ${escapeText(move.krTitle, 160)}`,
      change(move.value, move.unit),
      `${codeSpan(progressBar(move.progress.from))} ${percent(move.progress.from)} → ${codeSpan(progressBar(move.progress.to))} ${percent(move.progress.to)}`,
      change(move.target, move.unit),
      change(move.confidence, undefined) + (move.status ? ` (${escapeText(move.status.from)} → ${escapeText(move.status.to)})` : ''),
    ]),
  );
  return [
    '### What moved',
    row(['Objective', 'Key result', 'Value', 'Progress', 'Target', 'Confidence']),
    row(Array(6).fill('---')),
    ...rows,
    more(moves.length, rowLimit, 'key results'),
    progressChart(limited(moves, rowLimit ?? 30).slice(0, 30)),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** GitHub renders mermaid: bars for the progress after the change, a line for before. */
function progressChart(moves: readonly Move[]): string {
  if (moves.length === 0) return '';
  const labels = moves.map((move) => `"${mermaidLabel(`${move.objective}/${move.kr}`)}"`);
  const values = (pick: (move: Move) => number) => moves.map((move) => Math.round(pick(move) * 100)).join(', ');
  return [
    '',
    '```mermaid',
    'xychart-beta',
    '  title "Progress of the key results that moved (bar: now, line: before)"',
    `  x-axis [${labels.join(', ')}]`,
    '  y-axis "Progress (%)" 0 --> 100',
    `  bar [${values((move) => move.progress.to)}]`,
    `  line [${values((move) => move.progress.from)}]`,
    '```',
  ].join('\n');
}

function addedAndRemoved(diff: NonNullable<CheckReport['diff']>, rowLimit: number | undefined): string {
  const lines = [
    ...diff.objectivesAdded.map((ref) => `- Added objective ${escapeText(ref.title, 160)} (${codeSpan(ref.path)})`),
    ...diff.objectivesRemoved.map((ref) => `- Removed objective ${escapeText(ref.title, 160)} (${codeSpan(ref.path)})`),
    ...diff.keyResultsAdded.map((ref) => `- Added key result ${escapeText(ref.kr, 80)}: ${escapeText(ref.krTitle, 160)} to ${escapeText(ref.title, 120)}`),
    ...diff.keyResultsRemoved.map((ref) => `- Removed key result ${escapeText(ref.kr, 80)}: ${escapeText(ref.krTitle, 160)} from ${escapeText(ref.title, 120)}`),
  ];
  if (lines.length === 0) return '';
  return ['### Added and removed', ...limited(lines, rowLimit), more(lines.length, rowLimit, 'changes')].filter((line) => line !== '').join('\n');
}

function problemsByFileAndRule(report: CheckReport, rowLimit: number | undefined): string {
  const counts = new Map<string, { path: string; rule: string; errors: number; warnings: number }>();
  for (const result of report.results) {
    for (const message of result.messages) {
      const key = `${result.path}\0${message.ruleId}`;
      const entry = counts.get(key) ?? { path: result.path, rule: message.ruleId, errors: 0, warnings: 0 };
      if (message.severity === 2) entry.errors += 1;
      else entry.warnings += 1;
      counts.set(key, entry);
    }
  }
  if (counts.size === 0) return '';
  const entries = [...counts.values()];
  return [
    '### Problems by file and rule',
    row(['File', 'Rule', 'Errors', 'Warnings']),
    row(Array(4).fill('---')),
    ...limited(entries, rowLimit).map((entry) => row([codeSpan(entry.path), codeSpan(entry.rule), String(entry.errors), String(entry.warnings)])),
    more(entries.length, rowLimit, 'rows'),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function allProblems(report: CheckReport, rowLimit: number | undefined): string {
  const problems = report.results.flatMap((result) => result.messages.map((message) => ({ path: result.path, message })));
  if (problems.length === 0) return '';
  return [
    '### Every problem',
    row(['File', 'Line', 'Severity', 'Rule', 'Message']),
    row(Array(5).fill('---')),
    ...limited(problems, rowLimit).map(({ path, message }) =>
      row([
        codeSpan(path),
        String(message.line),
        message.severity === 2 ? 'error' : 'warning',
        codeSpan(message.ruleId),
        escapeMessage(message.message) + (message.hint ? ` — ${escapeMessage(message.hint)}` : ''),
      ]),
    ),
    more(problems.length, rowLimit, 'problems'),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function annotationNote(report: CheckReport): string {
  const { total, hidden } = report.annotations;
  if (hidden.error + hidden.warning === 0) return '';
  const part = (kind: 'error' | 'warning') => `${total[kind] - hidden[kind]} of ${plural(total[kind], kind)}`;
  return `> **Annotations capped:** GitHub shows at most 10 annotations of each kind per step, so ${part('error')} and ${part('warning')} are annotated on the files (those the pull request changed first); ${hidden.error + hidden.warning} more are only listed here.`;
}

function nextCheckin(report: CheckReport, links: RepositoryLinks): string {
  if (report.checkins.length === 0) return '';
  return ['### Next check-in', ...report.checkins.slice(0, 20).map((ref) => `- [Check in on ${escapeText(ref.title, 160)}](${checkinLink(links, ref.path, ref.objective)})`)].join('\n');
}

function change(moved: { from: number | null; to: number | null } | undefined, unit: string | undefined): string {
  if (!moved) return '';
  const show = (value: number | null) => (value === null ? '–' : escapeText(String(value)));
  return `${show(moved.from)} → ${show(moved.to)}${unit ? ` ${escapeText(unit, 40)}` : ''}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function limited<T>(items: readonly T[], rowLimit: number | undefined): readonly T[] {
  return rowLimit === undefined ? items : items.slice(0, rowLimit);
}

function more(total: number, rowLimit: number | undefined, what: string): string {
  return rowLimit !== undefined && total > rowLimit ? `\n…and ${total - rowLimit} more ${what}, listed in the job summary of the run.` : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function tableSizes(report: CheckReport): number[] {
  const problems = report.results.reduce((total, result) => total + result.messages.length, 0);
  const diff = report.diff;
  const changes = diff ? diff.objectivesAdded.length + diff.objectivesRemoved.length + diff.keyResultsAdded.length + diff.keyResultsRemoved.length : 0;
  return [problems, changes, diff?.moved.length ?? 0, 1];
}
