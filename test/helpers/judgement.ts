/**
 * Judging the sentence rules against labelled sentences: each sentence is placed
 * in an otherwise good objective (a key result sentence as one key result, an
 * objective sentence as the title), the tree is linted, and the rule's verdict
 * is compared with the label. Shared by `npm run bench -- judgement` and the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LintMessage } from '../../src/core/lint.ts';

export const JUDGED_RULES = ['kr-outcome-not-task', 'kr-measurable', 'objective-no-metric', 'objective-action-oriented'] as const;
export type JudgedRule = (typeof JUDGED_RULES)[number];

/** Rules whose firing counts as the judged rule firing: the milder output rule shares the task rule's label. */
export const COUNTS_AS: Record<JudgedRule, readonly string[]> = {
  'kr-outcome-not-task': ['kr-outcome-not-task', 'kr-output-not-outcome'],
  'kr-measurable': ['kr-measurable'],
  'objective-no-metric': ['objective-no-metric'],
  'objective-action-oriented': ['objective-action-oriented'],
};

export interface LabelledRow {
  kind: 'kr' | 'objective';
  rule: JudgedRule;
  expect: 'fire' | 'quiet' | 'unsure';
  text: string;
  source: string;
  why: string;
  /** 1-based line in the corpus file. */
  line: number;
}

/** Reads a corpus in the shared TSV shape: kind, rule, expect, text, source, why; `#` starts a comment line. */
export function parseCorpus(tsv: string, file: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  tsv.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const [kind, rule, expect, text, source = '', why = ''] = raw.split('\t');
    const where = `${file}:${index + 1}`;
    if (kind !== 'kr' && kind !== 'objective') throw new Error(`${where}: unexpected kind \`${kind}\`, expected \`kr\` or \`objective\``);
    if (!JUDGED_RULES.includes(rule as JudgedRule)) throw new Error(`${where}: unexpected rule \`${rule}\`, expected one of ${JUDGED_RULES.join(', ')}`);
    if (expect !== 'fire' && expect !== 'quiet' && expect !== 'unsure') throw new Error(`${where}: unexpected expect \`${expect}\`, expected fire, quiet or unsure`);
    if (!text) throw new Error(`${where}: no sentence in the fourth column`);
    rows.push({ kind, rule: rule as JudgedRule, expect, text, source, why, line: index + 1 });
  });
  return rows;
}

export const MISSION_FILE = '---\nmission: Be an ideal candidate for promotion or hire.\nowner: jane\n---\nWhy it matters.\n';
export const OBJECTIVE_PATH = 'okrs/2026-q4/sentence.md';
export const JUDGED_KR = 'judged';
export const NOW = '2026-11-15';

const yamlString = (text: string) => JSON.stringify(text);

/** The good key results around a judged one. */
const GOOD_KRS = [
  '  - id: feedback\n    title: Raise average audience feedback from 3.6 to 4.5 out of 5\n    baseline: 3.6\n    target: 4.5',
  "  - id: invites\n    title: Get 3 unsolicited invitations to speak at other teams' meetings\n    baseline: 0\n    target: 3",
];

/** The files of one folder: a mission and one objective holding the sentence. */
export function placeSentence(kind: LabelledRow['kind'], text: string): Record<string, string> {
  const title = kind === 'objective' ? text : 'Deliver engaging presentations';
  const judged = `  - id: ${JUDGED_KR}\n    title: ${yamlString(text)}\n    baseline: 0\n    target: 10`;
  const keyResults = kind === 'kr' ? [GOOD_KRS[0]!, judged, GOOD_KRS[1]!] : GOOD_KRS;
  const objective = `---\ntitle: ${yamlString(title)}\nperiod: 2026-Q4\naligned_to: mission\nkey_results:\n${keyResults.join('\n')}\n---\nWhy this matters.\n`;
  // Parse it here so a sentence YAML cannot hold fails loudly instead of being judged as a schema error.
  parseYaml(objective.split('---\n')[1]!);
  return { 'okrs/mission.md': MISSION_FILE, [OBJECTIVE_PATH]: objective };
}

/** Does a message of `ruleIds` concern the placed sentence (its key result, or the objective's title)? */
export function firedOn(kind: LabelledRow['kind'], messages: readonly LintMessage[], ruleIds: readonly string[], files: Record<string, string>): LintMessage | undefined {
  const objective = files[OBJECTIVE_PATH]!;
  const lines = objective.split('\n');
  const line = kind === 'kr' ? lines.findIndex((text) => text === `  - id: ${JUDGED_KR}`) + 2 : lines.findIndex((text) => text.startsWith('title: ')) + 1;
  return messages.find((message) => ruleIds.includes(message.ruleId) && message.line === line);
}

export interface Verdict {
  row: LabelledRow;
  fired: boolean;
  /** The message that fired (or the first of the rules that count). */
  message?: LintMessage;
}

export interface RuleFigures {
  rule: JudgedRule;
  scored: number;
  unsure: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  agreement: number;
  falseAlarmRate: number;
  disagreements: Verdict[];
}

/** The key of one folder: rows of the same kind and sentence share it. */
export const sentenceKey = (row: Pick<LabelledRow, 'kind' | 'text'>) => `${row.kind}\t${row.text}`;

/** Judges every row; `lint` lints one folder's files and returns the messages of the objective file. */
export function judge(rows: readonly LabelledRow[], lint: (files: Record<string, string>, key: string) => LintMessage[]): Verdict[] {
  const bySentence = new Map<string, LintMessage[]>();
  return rows.map((row) => {
    const key = sentenceKey(row);
    const files = placeSentence(row.kind, row.text);
    let messages = bySentence.get(key);
    if (!messages) {
      messages = lint(files, key);
      bySentence.set(key, messages);
    }
    const message = firedOn(row.kind, messages, COUNTS_AS[row.rule], files);
    return { row, fired: message !== undefined, ...(message ? { message } : {}) };
  });
}

export function figures(verdicts: readonly Verdict[], rule: JudgedRule): RuleFigures {
  const mine = verdicts.filter((verdict) => verdict.row.rule === rule);
  const scored = mine.filter((verdict) => verdict.row.expect !== 'unsure');
  const count = (expect: 'fire' | 'quiet', fired: boolean) => scored.filter((verdict) => verdict.row.expect === expect && verdict.fired === fired).length;
  const truePositives = count('fire', true);
  const falsePositives = count('quiet', true);
  const falseNegatives = count('fire', false);
  const trueNegatives = count('quiet', false);
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);
  return {
    rule,
    scored: scored.length,
    unsure: mine.length - scored.length,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    agreement: ratio(truePositives + trueNegatives, scored.length),
    falseAlarmRate: ratio(falsePositives, falsePositives + trueNegatives),
    disagreements: scored.filter((verdict) => (verdict.row.expect === 'fire') !== verdict.fired),
  };
}

/**
 * The organisation a source belongs to, so a held-out split keeps each
 * organisation's writing on one side (copies and mirrors count as the original).
 */
export function organisation(source: string): string {
  const lower = source.toLowerCase();
  if (/gitlab|secretstartups|docsy/.test(lower)) return 'gitlab';
  if (/ipfs|libp2p/.test(lower)) return 'ipfs';
  const repo = /^github:([^/:]+)/.exec(lower);
  if (repo) return repo[1]!;
  const site = /^https?:\/\/([^/]+)/.exec(lower);
  return site ? site[1]! : lower;
}

/** The organisations rules are tuned on; every other organisation is held out. */
export const TUNING_ORGANISATIONS = new Set(['gitlab', 'ipfs']);

export const percent = (value: number) => (Number.isNaN(value) ? '  n/a' : `${(value * 100).toFixed(1).padStart(5)} %`);

export const OWN_CORPUS = path.resolve(import.meta.dirname, '../fixtures/judgement-corpus.tsv');

/** The shared real-OKR corpus sits in `shared/corpus/` beside the repository or in a folder above it; absent in a clean clone. */
export function findSharedCorpus(repositoryRoot: string): string | undefined {
  for (let folder = path.dirname(repositoryRoot); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'shared/corpus/real-okrs-dev.tsv');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function readCorpus(file: string): LabelledRow[] {
  return parseCorpus(readFileSync(file, 'utf8'), file);
}
