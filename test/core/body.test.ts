import { describe, expect, it } from 'vitest';
import { initiatives } from '../../src/core/body.ts';
import { parseObjective } from '../../src/core/parse.ts';

describe('initiatives', () => {
  it('are the task list items of the body, with their state and file line', () => {
    const parsed = parseObjective(
      'x.md',
      '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n---\nContext with a list:\n\n- not a task\n- [x] Join the **speakers’** club\n- [ ] Record and review every talk\n  - [ ] Nested: buy a microphone\n',
    );
    expect(initiatives(parsed.body, parsed.bodyLine)).toEqual([
      { text: 'Join the speakers’ club', done: true, line: 8 },
      { text: 'Record and review every talk', done: false, line: 9 },
      { text: 'Nested: buy a microphone', done: false, line: 10 },
    ]);
  });

  it('are none in a body without a task list', () => {
    expect(initiatives('Just prose.\n\n1. a numbered list\n')).toEqual([]);
  });
});
