import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BodyCache } from '../../src/site/body-cache.ts';

describe('BodyCache', () => {
  it('keys a body by one digest of the cache version, its context and its text, as earlier builds wrote them', async () => {
    const cache = new BodyCache();
    const context = `objective\0${JSON.stringify([
      ['talks', 'talks'],
      ['café', 'cafe'],
    ])}`;
    for (const markdown of ['Why it matters.\n', 'Links to [[talks]] and ünïcode ✓\n']) await cache.render(markdown, context, () => '../talks/');
    await cache.render('The long view.\n', 'mission\0[]');
    const digest = (text: string) => createHash('sha256').update(text).digest('base64url');
    expect(cache.entries().map(([key]) => key)).toEqual([
      digest(`1\0${context}\0Why it matters.\n`),
      digest(`1\0${context}\0Links to [[talks]] and ünïcode ✓\n`),
      digest('1\0mission\0[]\0The long view.\n'),
    ]);
  });

  it('finds a body an earlier build rendered under the same key', async () => {
    const first = new BodyCache();
    const rendered = await first.render('Some **bold** text.\n', 'retro');
    const second = new BodyCache(new Map(first.entries()));
    expect(await second.render('Some **bold** text.\n', 'retro')).toEqual(rendered);
    expect(second.misses).toBe(0);
  });
});
