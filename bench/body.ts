/**
 * What the costliest bodies cost to render, against an ordinary body in the same run: prose up to
 * the size bound, the largest body without markup a file may have. Bodies just within the bounds
 * (docs/format.md) are rendered as Markdown: goal ≤ 5× the prose. Bodies over them are shown as
 * plain text without parsing: goal ≤ 1×. Median of 7 after a warm-up round.
 *
 *   node bench/body.ts
 */
import { renderMarkdown } from '../src/site/markdown.ts';
import { COSTLY_WITHIN, HOSTILE_BODIES } from '../test/fixtures/costly-bodies.ts';

const RUNS = 7;
const BASELINE = 'prose up to the size bound';

function median(body: string): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    renderMarkdown(body);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const groups = [
  { label: 'within the bounds, rendered', goal: 5, bodies: COSTLY_WITHIN },
  { label: 'over the bounds, plain text', goal: 1, bodies: HOSTILE_BODIES },
];
for (const { bodies } of groups) for (const body of Object.values(bodies)) renderMarkdown(body);
const baseline = median(COSTLY_WITHIN[BASELINE]!);
console.log(`baseline: ${BASELINE} (${COSTLY_WITHIN[BASELINE]!.length.toLocaleString('en')} characters)  ${baseline.toFixed(1)} ms`);
let failed = 0;
for (const { label, goal, bodies } of groups) {
  console.log(`\n${label} (goal ≤ ${goal}× the baseline)`);
  for (const [name, body] of Object.entries(bodies)) {
    if (name === BASELINE) continue;
    const ratio = median(body) / baseline;
    if (ratio > goal) failed++;
    console.log(`  ${name.padEnd(40)} ${ratio.toFixed(2)}×${ratio > goal ? '  over the goal' : ''}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
