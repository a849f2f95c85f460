/**
 * How well the sentence rules judge labelled OKR sentences. Each sentence goes
 * into an otherwise good objective, one folder per sentence, and `okr lint`'s
 * own code path (read the folder, build the workspace, run every rule) lints it.
 * Prints per rule precision, recall, agreement and false-alarm rate, on the
 * whole corpus and split by organisation (tuned on / held out), and the
 * disagreements.
 *
 *   npm run bench -- judgement [corpus.tsv] [--quiet]
 *
 * Default corpus: the shared real-OKR corpus (`shared/corpus/real-okrs-dev.tsv`
 * in a folder above the repository) when it is there, else the repository's own
 * `test/fixtures/judgement-corpus.tsv`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintPaths } from '../src/cli/lint.ts';
import type { LintMessage } from '../src/core/lint.ts';
import {
  figures,
  JUDGED_RULES,
  judge,
  NOW,
  OBJECTIVE_PATH,
  organisation,
  findSharedCorpus,
  OWN_CORPUS,
  readCorpus,
  percent,
  placeSentence,
  sentenceKey,
  TUNING_ORGANISATIONS,
  type Verdict,
} from '../test/helpers/judgement.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench/.work/judgement');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const given = args.find((arg) => !arg.startsWith('--'));
const corpusFile = given ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given) : (findSharedCorpus(ROOT) ?? OWN_CORPUS);
if (!existsSync(corpusFile)) {
  console.error(`judgement: no corpus at ${corpusFile}\n  hint: pass a TSV with columns kind, rule, expect, text, source, why`);
  process.exit(2);
}
const rows = readCorpus(corpusFile);

rmSync(WORK, { recursive: true, force: true });
const verdicts = await judgeOnDisk();
if (!process.env.KEEP) rmSync(WORK, { recursive: true, force: true });

/** One folder per sentence, linted as `okr lint okrs` would in that folder. */
async function judgeOnDisk(): Promise<Verdict[]> {
  const linted = new Map<string, LintMessage[]>();
  for (const row of rows) {
    const key = sentenceKey(row);
    if (linted.has(key)) continue;
    const folder = path.join(WORK, String(linted.size));
    for (const [file, content] of Object.entries(placeSentence(row.kind, row.text))) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), content);
    }
    const results = await lintPaths(['okrs'], NOW, folder);
    linted.set(key, results.find((result) => result.path === OBJECTIVE_PATH)?.messages ?? []);
  }
  return judge(rows, (_, key) => linted.get(key) ?? []);
}

function table(title: string, subset: readonly Verdict[]): void {
  console.log(`\n${title}`);
  console.log('  rule                        scored  precision   recall  agreement  false alarms');
  for (const rule of JUDGED_RULES) {
    const f = figures(subset, rule);
    if (f.scored === 0) continue;
    console.log(
      `  ${rule.padEnd(27)} ${String(f.scored).padStart(6)}  ${percent(f.precision)}  ${percent(f.recall)}  ${percent(f.agreement)}  ${percent(f.falseAlarmRate)}  (tp ${f.truePositives}, fp ${f.falsePositives}, fn ${f.falseNegatives}, tn ${f.trueNegatives}, unsure ${f.unsure})`,
    );
  }
}

console.log(`judgement: ${rows.length} labelled lines from ${path.relative(process.cwd(), corpusFile) || corpusFile}`);
table('whole corpus', verdicts);
const tuning = verdicts.filter((verdict) => TUNING_ORGANISATIONS.has(organisation(verdict.row.source)));
const heldOut = verdicts.filter((verdict) => !TUNING_ORGANISATIONS.has(organisation(verdict.row.source)));
if (tuning.length > 0 && heldOut.length > 0) {
  table(`tuned on (${[...TUNING_ORGANISATIONS].join(', ')})`, tuning);
  table(`held out (${[...new Set(heldOut.map((verdict) => organisation(verdict.row.source)))].join(', ')})`, heldOut);
}
if (!quiet) {
  for (const rule of JUDGED_RULES) {
    const { disagreements } = figures(verdicts, rule);
    if (disagreements.length === 0) continue;
    console.log(`\n${rule}: ${disagreements.length} disagreements`);
    for (const { row, message } of disagreements) {
      const said = message ? `fired [${message.ruleId}]` : 'quiet';
      console.log(`  expected ${row.expect.padEnd(5)} ${said.padEnd(30)} ${row.kind.padEnd(9)} ${row.text}  (${organisation(row.source)}, line ${row.line})`);
    }
  }
}
