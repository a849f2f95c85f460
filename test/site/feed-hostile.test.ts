/** Feeds carry no live HTML in any text field after one XML decode, whatever the payload. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedItems, feedText, renderFeed } from '../../src/site/feed.ts';
import type { CheckinView } from '../../src/site/model.ts';
import { XSS } from '../fixtures/hostile.ts';
import { liveMarkup } from '../helpers/inert-html.ts';

function checkin(payload: string, index: number): CheckinView {
  return {
    id: `c${index}-o${index}`,
    commit: `c${index}`,
    date: `2026-10-${String(1 + index).padStart(2, '0')}`,
    author: `${payload} author`,
    subject: `${payload} subject`,
    body: `${payload} body\nsecond line ${payload}\n\nthird paragraph ${payload}`,
    objective: { id: `o${index}`, title: `${payload} title` },
    summary: `${payload} 1 → 2`,
    syncedFrom: `${payload} source`,
  };
}

/** The feed as the routes build it: channel texts through `feedText`, items through `feedItems`. */
function feedOf(payload: string, index: number): Record<string, unknown> {
  const objectives = new Map([[`o${index}`, { title: `${payload} title`, period: { label: '2026-Q4' }, owner: `${payload} owner` }]]);
  const xml = renderFeed(
    {
      title: feedText(`OKR check-ins: ${payload}`),
      description: feedText(`Progress of “${payload}” (2026-Q4), one item per check-in.`),
      link: 'https://jane.github.io/',
      self: 'https://jane.github.io/rss.xml',
    },
    feedItems([checkin(payload, index)], objectives, (id) => `https://jane.github.io/objectives/${id}/`),
  );
  // One XML decode, as every feed reader does.
  return new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml).rss.channel;
}

describe('the feeds with a hostile payload in every text field', () => {
  it.each(XSS.map((payload, index) => [payload, index] as const))('keep %s as text after one XML decode', (payload, index) => {
    const channel = feedOf(payload, index);
    const item = channel.item as Record<string, unknown>;
    const categories = [item.category].flat() as string[];
    const texts: Record<string, string> = {
      'channel title': channel.title as string,
      'channel description': channel.description as string,
      'item title': item.title as string,
      'item description': item.description as string,
      'item author': item['dc:creator'] as string,
      ...Object.fromEntries(categories.map((category, at) => [`category ${at}`, category])),
    };
    for (const [field, text] of Object.entries(texts)) {
      expect(typeof text, field).toBe('string');
      expect(liveMarkup(text), `${field}: ${text}`).toEqual([]);
    }
    // The rich version: escaped text in paragraphs and line breaks, nothing else.
    expect(liveMarkup(item['content:encoded'] as string, ['p', 'br'])).toEqual([]);
    expect(item['content:encoded']).toContain('<p>');
  });

  it('would find the markup if a field carried it', () => {
    expect(liveMarkup('<img src=x onerror=alert(1)>')).toEqual(['img', 'img[src]', 'img[onerror]']);
    expect(liveMarkup('&lt;img src=x onerror=alert(1)&gt;')).toEqual([]);
  });
});
