import { describe, expect, it } from 'vitest';
import { normalizeRoute } from '../../src/site/integration.ts';

describe('normalizeRoute', () => {
  it('reads a route with or without slashes as one folder path', () => {
    expect(normalizeRoute('okrs')).toBe('/okrs/');
    expect(normalizeRoute('/okrs')).toBe('/okrs/');
    expect(normalizeRoute('/team/okrs/')).toBe('/team/okrs/');
    expect(normalizeRoute('/')).toBe('/');
    expect(normalizeRoute('')).toBe('/');
  });

  it('rejects a route that is not a plain path, saying what it got', () => {
    expect(() => normalizeRoute('/a/../b')).toThrow('gitops-okr: `route` takes a path such as /okrs, got `/a/../b`');
    expect(() => normalizeRoute('/okrs?x=1')).toThrow('got `/okrs?x=1`');
    expect(() => normalizeRoute('/[id]')).toThrow('got `/[id]`');
  });
});
