import { describe, expect, it } from 'vitest';
import { checkinItems, timelinePages } from '../../src/site/checkin-list.ts';
import type { CheckinView } from '../../src/site/model.ts';

function checkin(overrides: Partial<CheckinView>): CheckinView {
  return {
    id: 'c1abcdef-talks',
    commit: 'c1abcdef',
    date: '2026-10-20T09:30:00Z',
    author: 'Jane',
    subject: 'Talk one',
    body: 'Went well.',
    objective: { id: 'talks', title: 'Deliver engaging presentations' },
    summary: 'feedback 3.6 → 3.9 of 4.5',
    syncedFrom: null,
    ...overrides,
  };
}

describe('checkinItems', () => {
  it('marks a check-in that okr sync made, naming its source, escaped', () => {
    const html = checkinItems([checkin({ syncedFrom: 'https://x.test/m.json#/a"<b>' })], { repoUrl: null, showObjective: false, prefix: '/' });
    expect(html).toContain('<span class="checkin-synced" title="synced from https://x.test/m.json#/a&quot;&lt;b&gt;">synced</span>');
    expect(checkinItems([checkin({})], { repoUrl: null, showObjective: false, prefix: '/' })).not.toContain('synced');
  });

  it('shows the day, author, commit, what changed and the message of each check-in', () => {
    expect(checkinItems([checkin({})], { repoUrl: null, showObjective: false, prefix: '/' })).toBe(
      '<li class="checkin"><p class="checkin-head"><time datetime="2026-10-20">20 Oct 2026</time><span class="checkin-author">Jane</span><code class="commit">c1abcde</code></p>' +
        '<p class="checkin-summary">feedback 3.6 → 3.9 of 4.5</p><p class="checkin-subject">Talk one</p><p class="checkin-body">Went well.</p></li>',
    );
  });

  it('links the commit when the repository URL is known, and names the objective on the timeline', () => {
    const html = checkinItems([checkin({ body: '' })], { repoUrl: 'https://github.com/jane/okrs', showObjective: true, prefix: '/blog/okrs/' });
    expect(html).toContain('<a class="commit" href="https://github.com/jane/okrs/commit/c1abcdef" rel="noopener noreferrer">c1abcde</a>');
    expect(html).toContain('<p class="checkin-objective"><a href="/blog/okrs/objectives/talks/">Deliver engaging presentations</a></p>');
    expect(html).not.toContain('checkin-body');
  });

  it('leaves out the author and the commit when there are none', () => {
    const html = checkinItems([checkin({ author: '', commit: '' })], { repoUrl: 'https://github.com/jane/okrs', showObjective: false, prefix: '/' });
    expect(html).not.toContain('checkin-author');
    expect(html).not.toContain('commit');
  });

  it('writes titles, names and messages as text, never as markup', () => {
    const hostile = `<script>alert("x")</script> & <img src=x onerror='alert(1)'>`;
    const html = checkinItems([checkin({ author: hostile, subject: hostile, body: hostile, summary: hostile, objective: { id: 'talks', title: hostile } })], {
      repoUrl: 'https://example.org/"onmouseover="alert(1)',
      showObjective: true,
      prefix: '/',
    });
    expect(html).not.toMatch(/<script|<img|="alert/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;alert(1)&#39;&gt;');
  });
});

describe('timelinePages', () => {
  const newestFirst = (count: number) => Array.from({ length: count }, (_, n) => count - n);

  it('puts fewer than two pages of check-ins on the index alone', () => {
    expect(timelinePages([], 50)).toEqual([{ number: null, items: [], from: 1, to: 0, older: null, newer: null, total: 0 }]);
    const [index, ...rest] = timelinePages(newestFirst(99), 50);
    expect(rest).toEqual([]);
    expect(index).toMatchObject({ number: null, from: 1, to: 99, older: null, newer: null });
    expect(index!.items).toEqual(newestFirst(99));
  });

  it('numbers full pages from the oldest check-ins, newest first on each, and leaves the newest 50 to 99 to the index', () => {
    const pages = timelinePages(newestFirst(173), 50);
    expect(pages.map((page) => [page.number, page.from, page.to, page.older, page.newer])).toEqual([
      [1, 1, 50, null, 2],
      [2, 51, 100, 1, 'index'],
      [null, 101, 173, 2, null],
    ]);
    expect(pages[0]!.items).toEqual(Array.from({ length: 50 }, (_, n) => 50 - n));
    expect(pages[2]!.items[0]).toBe(173);
    expect(pages[2]!.items.at(-1)).toBe(101);
  });

  it('keeps every numbered page as it was when a check-in is added, until the index holds 100', () => {
    for (let total = 100; total < 400; total++) {
      const before = timelinePages(newestFirst(total), 50);
      const after = timelinePages(newestFirst(total + 1), 50);
      const numbered = (pages: typeof before) => pages.filter((page) => page.number !== null).map(({ total: _, ...page }) => page);
      const [was, now] = [numbered(before), numbered(after)];
      if (now.length === was.length) expect(now).toEqual(was);
      else {
        // A new page: the one before it now links to it instead of to the index, and nothing else moved.
        expect(now.length).toBe(was.length + 1);
        expect(now.slice(0, -2)).toEqual(was.slice(0, -1));
        expect(now.at(-2)).toEqual({ ...was.at(-1)!, newer: now.length });
        expect(after.at(-1)!.items.length).toBe(50);
      }
      expect(after.at(-1)!.items.length).toBeGreaterThanOrEqual(50);
      expect(after.at(-1)!.items.length).toBeLessThan(100);
    }
  });
});
