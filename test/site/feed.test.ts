import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, feedItems, feedText, newestFirst, renderFeed } from '../../src/site/feed.ts';
import type { CheckinView } from '../../src/site/model.ts';

function checkin(overrides: Partial<CheckinView>): CheckinView {
  return {
    id: 'c1-talks',
    commit: 'c1',
    date: '2026-10-20T09:30:00Z',
    author: 'Jane',
    subject: 'Talk one',
    body: '',
    objective: { id: 'talks', title: 'Deliver engaging presentations' },
    summary: 'feedback 3.6 → 3.9 of 4.5',
    syncedFrom: null,
    ...overrides,
  };
}

const objectives = new Map([['talks', { title: 'Deliver engaging presentations', period: { label: '2026-Q4' }, owner: 'jane' }]]);
const link = (id: string) => `https://jane.github.io/my-okrs/objectives/${id}/`;

describe('feedItems', () => {
  it('marks a synced check-in in its title and categories', () => {
    const [item] = feedItems([checkin({ syncedFrom: 'https://x.test/m.json#/a' })], objectives, link);
    expect(item?.title).toBe('Deliver engaging presentations — feedback 3.6 → 3.9 of 4.5 (synced)');
    expect(item?.categories).toEqual(['2026-Q4', 'jane', 'synced']);
  });

  it('titles an item with the objective and what moved, and links the objective page', () => {
    const [item] = feedItems([checkin({})], objectives, link);
    expect(item!.title).toBe('Deliver engaging presentations — feedback 3.6 → 3.9 of 4.5');
    expect(item!.link).toBe('https://jane.github.io/my-okrs/objectives/talks/');
    expect(item!.categories).toEqual(['2026-Q4', 'jane']);
    expect(item!.pubDate.toUTCString()).toBe('Tue, 20 Oct 2026 09:30:00 GMT');
  });

  it('orders newest first and keeps only the latest items', () => {
    const checkins = [checkin({ id: 'a', date: '2026-10-01T00:00:00Z' }), checkin({ id: 'b', date: '2026-10-03T00:00:00Z' }), checkin({ id: 'c', date: '2026-10-02T00:00:00Z' })];
    expect(newestFirst(checkins).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(feedItems(checkins, objectives, link, 2).map((item) => item.pubDate.getUTCDate())).toEqual([3, 2]);
  });

  it('gives each check-in of each objective its own guid, not a permalink, and keeps markup in every text as text', () => {
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const items = feedItems(
      [checkin({ subject: hostile, body: 'line 1\nline 2', author: hostile }), checkin({ id: 'c1-other', date: '2026-10-19T09:30:00Z', objective: { id: 'other', title: hostile } })],
      objectives,
      link,
    );
    const text = renderFeed({ title: 'Feed', description: 'd', link: 'https://jane.github.io/my-okrs/', self: 'https://jane.github.io/my-okrs/rss.xml' }, items);
    expect(text).not.toMatch(/<script|<img/);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(text);
    const [first, second] = parsed.rss.channel.item;
    expect(first.guid).toEqual({ '#text': 'c1:talks', '@_isPermaLink': 'false' });
    expect(second.guid['#text']).toBe('c1:other');
    // Escaped as HTML, so a reader that renders them as HTML after one decode shows text.
    expect(first['dc:creator']).toBe(feedText(hostile));
    expect(first.description).toBe(feedText(`${hostile}\n\nline 1\nline 2`));
    expect(first['content:encoded']).toContain('&lt;script&gt;');
  });

  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('drops what XML 1.0 cannot carry (control characters, lone surrogates) and keeps the rest of the text', () => {
    expect(escapeXml('a\u0000b\u001bc\ud800d\udc00e\tf\n😀')).toBe('abcde\tf\n😀');
  });

  it('writes a channel with its self link and one item per check-in, which an XML parser reads back field for field', () => {
    const items = feedItems([checkin({ body: 'Second paragraph' })], objectives, link);
    const xml = renderFeed(
      { title: feedText('OKR check-ins: <b>us</b>'), description: 'Every check-in', link: 'https://jane.github.io/my-okrs/', self: 'https://jane.github.io/my-okrs/rss.xml' },
      items,
    );
    const { rss } = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('OKR check-ins: &lt;b&gt;us&lt;/b&gt;');
    expect(rss.channel['atom:link']).toEqual({ '@_href': 'https://jane.github.io/my-okrs/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(rss.channel.item).toMatchObject({
      title: 'Deliver engaging presentations — feedback 3.6 → 3.9 of 4.5',
      link: 'https://jane.github.io/my-okrs/objectives/talks/',
      pubDate: 'Tue, 20 Oct 2026 09:30:00 GMT',
      'content:encoded': '<p>Talk one</p><p>Second paragraph</p>',
      'dc:creator': 'Jane',
      category: ['2026-Q4', 'jane'],
    });
  });
});
