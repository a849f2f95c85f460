import { describe, expect, it } from 'vitest';
import { absoluteUrl, ownerSlug, ownerSlugs, paths, periodSlug, withBase } from '../../src/site/urls.ts';

describe('withBase', () => {
  it('puts a site path under the base, with or without slashes around either', () => {
    expect(withBase('/objectives/x/', '/my-okrs/')).toBe('/my-okrs/objectives/x/');
    expect(withBase('objectives/x/', '/my-okrs')).toBe('/my-okrs/objectives/x/');
    expect(withBase('/rss.xml', '/')).toBe('/rss.xml');
    expect(withBase('/', '/my-okrs/')).toBe('/my-okrs/');
  });

  it('uses the root when no base is configured', () => {
    expect(withBase('/checkins/')).toBe('/checkins/');
  });
});

describe('absoluteUrl', () => {
  it('keeps the base path in absolute links', () => {
    expect(absoluteUrl(paths.objective('feedback'), 'https://jane.github.io', '/my-okrs/')).toBe('https://jane.github.io/my-okrs/objectives/feedback/');
  });
});

describe('paths', () => {
  it('encodes ids, and gives the timeline an index without a number and numbered pages', () => {
    expect(paths.objective('a b')).toBe('/objectives/a%20b/');
    expect(paths.checkins()).toBe('/checkins/');
    expect(paths.checkins(1)).toBe('/checkins/1/');
    expect(paths.checkins(3)).toBe('/checkins/3/');
  });
});

describe('slugs', () => {
  it('turns an explicit range into a path segment', () => {
    expect(periodSlug('2026-Q4')).toBe('2026-Q4');
    expect(periodSlug('2026-10-05..2026-12-18')).toBe('2026-10-05--2026-12-18');
  });

  it('makes owner names readable and safe', () => {
    expect(ownerSlug('Jane Doe')).toBe('jane-doe');
    expect(ownerSlug('Zoë Çelik')).toBe('zoe-celik');
    expect(ownerSlug('<script>')).toBe('script');
    expect(ownerSlug('!!!')).toMatch(/^owner-[0-9a-z]+$/);
  });

  it('keeps owner slugs unique when names slug alike', () => {
    const slugs = ownerSlugs(['Jane Doe', 'jane-doe', 'Jane Doe']);
    expect(slugs.size).toBe(2);
    expect(new Set(slugs.values()).size).toBe(2);
  });
});
