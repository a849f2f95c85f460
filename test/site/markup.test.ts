import { describe, expect, it } from 'vitest';
import { objectiveStanding } from '../../src/core/standing.ts';
import { keyResultChartHtml } from '../../src/site/chart-markup.ts';
import { alignedItemsHtml, alignmentTreeHtml, objectiveRowsHtml } from '../../src/site/list-markup.ts';
import { objectiveView, type ObjectiveView } from '../../src/site/model.ts';
import { viewDigest } from '../../src/site/view-key.ts';
import { historyFrom } from '../fixtures/history-builder.ts';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const HOSTILE = `<script>alert("x")</script> & 'quotes'`;

function views(): ObjectiveView[] {
  const history = historyFrom({
    now: '2026-11-20',
    objectives: [
      {
        id: 'talks',
        title: HOSTILE,
        period: Q4,
        owner: `Jane <jane@example.com>`,
        created: '2026-10-01',
        keyResults: [{ id: 'feedback', title: `Feedback "score" <b>`, kind: 'increase', baseline: 3.6, target: 4.5, unit: '<pts>', confidence: 0.5 }],
      },
      { id: 'helper', title: 'Helper & co', period: Q4, alignedTo: 'talks', created: '2026-10-01', keyResults: [] },
    ],
    checkins: [{ objective: 'talks', date: '2026-10-20', author: 'Jane', message: 'Talk one', values: { feedback: { value: 3.9, confidence: 0.6 } } }],
  });
  const ids = new Set(history.objectives.map((objective) => objective.id));
  return history.objectives.map((objective) =>
    objectiveView(
      objective,
      objectiveStanding(
        objective,
        history.checkins.filter((checkin) => checkin.objective === objective.id),
        '2026-11-20',
      ),
      undefined,
      { done: 0, total: 0 },
      ids,
    ),
  );
}

describe('objectiveRowsHtml', () => {
  const [talks, helper] = views() as [ObjectiveView, ObjectiveView];

  it('writes a row per objective with its link under the prefix, owner, type, status and score, every text escaped', () => {
    const html = objectiveRowsHtml([talks, helper], { prefix: '/my-okrs/', showPeriod: false, graded: false });
    expect(html.match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain(`<a href="/my-okrs/objectives/talks/">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</a>`);
    expect(html).toContain('<td>Jane &lt;jane@example.com&gt;</td>');
    expect(html).toContain('<td>–</td>');
    expect(html).not.toContain('<script>');
  });

  it('adds the period and the final grade columns when asked', () => {
    const html = objectiveRowsHtml([talks], { prefix: '/', showPeriod: true, graded: true });
    expect(html).toContain('<td><a href="/periods/2026-Q4/">2026-Q4</a></td>');
    expect(html.match(/<td>/g)).toHaveLength(7);
  });
});

describe('alignmentTreeHtml', () => {
  it('nests what is aligned to an objective in a list inside its item, and marks a continued branch', () => {
    const [talks, helper] = views() as [ObjectiveView, ObjectiveView];
    const html = alignmentTreeHtml([{ objective: talks, continued: true, children: [{ objective: helper, continued: false, children: [] }] }], '/');
    expect(html).toMatch(
      /^<ul><li class="continued"><a href="\/objectives\/talks\/">&lt;script&gt;.*<small> \(continued\)<\/small><ul><li><a href="\/objectives\/helper\/">Helper &amp; co<\/a> \d+% <span class="status status-[a-z-]+">[a-z ]+<\/span><\/li><\/ul><\/li><\/ul>$/,
    );
  });
});

describe('alignedItemsHtml', () => {
  it('writes each objective with its standing and its owner, escaped', () => {
    const [talks] = views() as [ObjectiveView];
    expect(alignedItemsHtml([talks], '/')).toMatch(
      /^<li><a href="\/objectives\/talks\/">&lt;script&gt;.*<\/a> \d+% <span class="status [^"]+">[^<]+<\/span><small> · Jane &lt;jane@example.com&gt;<\/small><\/li>$/,
    );
  });
});

describe('keyResultChartHtml', () => {
  it('titles the chart and its table with the key result, escaped, and lists every measurement', () => {
    const kr = views()[0]!.keyResults[0]!;
    const html = keyResultChartHtml(kr, '0');
    expect(html).toContain('<title id="chart-0-title">Feedback &quot;score&quot; &lt;b&gt;</title>');
    expect(html).toContain('<caption>Measurements of “Feedback &quot;score&quot; &lt;b&gt;”</caption>');
    expect(html).toContain('aria-labelledby="chart-0-title chart-0-desc"');
    expect(html.match(/<tr><td>/g)).toHaveLength(kr.rows.length);
    expect(html).toContain('3.9 &lt;pts&gt;');
    expect(html).not.toMatch(/<b>|<pts>/);
  });
});

describe('viewDigest', () => {
  it('gives the same view the same digest and a changed view another', () => {
    const [talks] = views() as [ObjectiveView];
    const [again] = views() as [ObjectiveView];
    expect(viewDigest(talks)).toBe(viewDigest(again));
    expect(viewDigest({ ...talks, title: 'Another title' })).not.toBe(viewDigest(talks));
    expect(viewDigest({ ...talks, progress: talks.progress + 0.01 })).not.toBe(viewDigest(talks));
  });
});
