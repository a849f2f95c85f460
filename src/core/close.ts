/**
 * Closing a period: each objective's final `grade:`, a retro beside the objectives, and (when asked)
 * the unfinished key results carried into the next period's files. Pure: files in, new texts out;
 * `okr close` (src/cli/close.ts) writes them. A file that exists is never overwritten; a grade is
 * written into the frontmatter in place (only that value changes, comments and formatting stay).
 */
import { isMap, isScalar, stringify } from 'yaml';
import { splitFrontmatter } from './frontmatter.ts';
import { ID_MAX_LENGTH } from './ids.ts';
import { round } from './numbers.ts';
import { resolvePeriod } from './period.ts';
import type { KeyResult, Objective } from './schema.ts';
import { currentValue, isScored, keyResultKind, keyResultProgress, objectiveProgress } from './score.ts';
import { RETRO_FILE } from './workspace.ts';

export interface ClosingObjective {
  path: string;
  id: string;
  text: string;
  data: Objective;
}

export interface ClosePlan {
  /** Objective files with their grade written. */
  graded: { path: string; text: string; grade: number }[];
  /** New files: retros and carried objectives. */
  created: { path: string; text: string }[];
  /** Files that exist and were left alone. */
  kept: string[];
}

/** Google's scale: the score as a grade from 0.0 to 1.0, one decimal. */
export function gradeOf(objective: Pick<Objective, 'key_results'>): number {
  return Math.round(objectiveProgress(objective) * 10) / 10;
}

/** The period after a quarter, half, year or month label; undefined for an explicit range. */
export function nextPeriod(label: string): string | undefined {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$/.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  const part = match[2];
  if (part === undefined) return String(year + 1);
  if (part.startsWith('Q')) return part === 'Q4' ? `${year + 1}-Q1` : `${year}-Q${Number(part[1]) + 1}`;
  if (part.startsWith('H')) return part === 'H2' ? `${year + 1}-H1` : `${year}-H2`;
  const month = Number(part);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

export function closePeriod(objectives: readonly ClosingObjective[], label: string, options: { carryForward: boolean; exists: (path: string) => boolean }): ClosePlan {
  const plan: ClosePlan = { graded: [], created: [], kept: [] };
  const closing = objectives.filter((objective) => resolvePeriod(objective.data.period).label === label);
  const folders = new Map<string, ClosingObjective[]>();
  for (const objective of closing) {
    const grade = objective.data.grade ?? gradeOf(objective.data);
    if (objective.data.grade === undefined) plan.graded.push({ path: objective.path, text: setGrade(objective.text, grade), grade });
    const folder = objective.path.slice(0, objective.path.lastIndexOf('/'));
    folders.set(folder, [...(folders.get(folder) ?? []), objective]);
  }
  const next = nextPeriod(label);
  for (const [folder, members] of folders) {
    const carried = options.carryForward && next !== undefined ? carry(members, folder, label, next, options.exists, plan) : [];
    const retro = `${folder}/${RETRO_FILE}`;
    if (options.exists(retro)) plan.kept.push(retro);
    else plan.created.push({ path: retro, text: retroText(members, label, carried) });
  }
  return plan;
}

/** `grade: 0.6` in place when the file has one, else a new line after `period:`. */
export function setGrade(text: string, grade: number): string {
  const split = splitFrontmatter(text);
  if (!split.ok) return text;
  const contents = split.document.contents;
  if (!isMap(contents)) return text;
  // Offsets in the YAML text are offsets from where it starts in the file.
  const { yaml, yamlStart: start } = split;
  const pairs = contents.items;
  const literal = grade.toFixed(1);
  const existing = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'grade');
  if (existing && isScalar(existing.value) && existing.value.range) {
    const [from, to] = existing.value.range;
    return text.slice(0, start + from) + literal + text.slice(start + to);
  }
  const after = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'type') ?? pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'period');
  const valueEnd = (after?.value as { range?: [number, number, number] } | undefined)?.range?.[1];
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = valueEnd === undefined ? -1 : yaml.indexOf('\n', valueEnd - 1);
  // The YAML text ends before the newline of the closing `---`: a line added last goes before that newline.
  if (lineEnd === -1) return `${text.slice(0, start + yaml.length)}${newline}grade: ${literal}${text.slice(start + yaml.length)}`;
  return `${text.slice(0, start + lineEnd + 1)}grade: ${literal}${newline}${text.slice(start + lineEnd + 1)}`;
}

function carry(members: ClosingObjective[], folder: string, label: string, next: string, exists: (path: string) => boolean, plan: ClosePlan): { objective: string; kr: string; to: string }[] {
  const carried: { objective: string; kr: string; to: string }[] = [];
  const nextFolder = folder.endsWith(label.toLowerCase()) ? `${folder.slice(0, -label.length)}${next.toLowerCase()}` : `${folder}/${next.toLowerCase()}`;
  for (const objective of members) {
    const unfinished = objective.data.key_results.filter((kr) => isScored(kr) && keyResultProgress(kr) < 1 && keyResultKind(kr) !== 'threshold');
    if (unfinished.length === 0) continue;
    // Ids are unique across periods: the carried objective is its own, named after the period it is for.
    const suffix = `-${next.toLowerCase()}`;
    const id = `${objective.id.replace(/-\d{4}(-(q[1-4]|h[12]|\d{2}))?$/, '').slice(0, ID_MAX_LENGTH - suffix.length)}${suffix}`;
    const file = `${nextFolder}/${id}.md`;
    if (exists(file)) {
      plan.kept.push(file);
      continue;
    }
    const data: Record<string, unknown> = { id, title: objective.data.title, period: next };
    if (objective.data.owner !== undefined) data.owner = objective.data.owner;
    if (objective.data.type === 'committed') data.type = 'committed';
    if (objective.data.aligned_to !== 'mission') data.aligned_to = objective.data.aligned_to;
    data.key_results = unfinished.map((kr) => carriedKeyResult(kr, objective.id));
    plan.created.push({ path: file, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\nCarried forward from \`${objective.id}\` of ${label}.\n` });
    for (const kr of unfinished) carried.push({ objective: objective.id, kr: kr.id, to: file });
  }
  return carried;
}

/** Baseline = the final value, the target as it was. */
function carriedKeyResult(kr: KeyResult, objectiveId: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: kr.id, title: kr.title };
  if (keyResultKind(kr) === 'milestone') entry.done = false;
  else {
    entry.baseline = currentValue(kr) ?? kr.baseline;
    entry.target = kr.target;
    if (kr.unit !== undefined) entry.unit = kr.unit;
  }
  if (kr.weight !== undefined) entry.weight = kr.weight;
  entry.carried_from = `${objectiveId}/${kr.id}`;
  return entry;
}

function retroText(members: ClosingObjective[], label: string, carried: { objective: string; kr: string; to: string }[]): string {
  const lines = ['---', `period: ${label}`, '---', '', `# Retro: ${label}`, ''];
  for (const objective of members) {
    const grade = objective.data.grade ?? gradeOf(objective.data);
    lines.push(
      `## ${objective.data.title.replace(/\s+/g, ' ')}`,
      '',
      `\`${objective.id}\` · ${objective.data.type} · grade ${grade.toFixed(1)}`,
      '',
      '| key result | final value | progress | grade |',
      '| --- | --- | --- | --- |',
    );
    for (const kr of objective.data.key_results) {
      const value = keyResultKind(kr) === 'milestone' ? (kr.done ? 'done' : 'not done') : `${currentValue(kr) ?? '–'}${kr.unit ? ` ${kr.unit}` : ''}`;
      const progress = keyResultProgress(kr);
      const shown = kr.status === 'dropped' ? 'dropped' : `${Math.round(progress * 100)}%`;
      lines.push(`| ${kr.title.replace(/\|/g, '\\|').replace(/\s+/g, ' ')} | ${value} | ${shown} | ${kr.status === 'dropped' ? '–' : (Math.round(round(progress) * 10) / 10).toFixed(1)} |`);
    }
    lines.push('');
  }
  lines.push('## What went well', '', '', '## What did not go well', '', '', '## What we change', '', '');
  const postmortems = members.filter((objective) => objective.data.type === 'committed' && (objective.data.grade ?? gradeOf(objective.data)) < 1);
  if (postmortems.length > 0) {
    lines.push('## Postmortems', '', 'A committed objective below 1.0: what happened, and what changes so it does not happen again.', '');
    for (const objective of postmortems) lines.push(`### ${objective.id}`, '', '');
  }
  if (carried.length > 0) {
    lines.push('## Carried forward', '');
    for (const item of carried) lines.push(`- \`${item.objective}/${item.kr}\` → ${item.to}`);
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
