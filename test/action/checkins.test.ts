import { expect, test } from 'vitest';
import { lastCheckins } from '../../action/src/checkins.ts';

const file = (current: number, confidence = 0.5, extra = '') =>
  `---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\nkey_results:\n  - id: feedback\n    title: Raise feedback from 3.6 to 4.5\n    baseline: 3.6\n    target: 4.5\n    current: ${current}\n    confidence: ${confidence}${extra}\n  - id: course\n    title: Pass the course\n    done: false\n---\n`;

test('a check-in is a version that changed the value or the confidence', () => {
  const last = lastCheckins([
    { date: '2026-10-01', path: 'okrs/q4/talks.md', text: file(3.6) },
    { date: '2026-10-10', path: 'okrs/q4/talks.md', text: file(3.9) },
    { date: '2026-10-20', path: 'okrs/q4/talks.md', text: file(3.9, 0.7) },
    { date: '2026-10-25', path: 'okrs/q4/talks.md', text: file(3.9, 0.7).replace('Pass the course', 'Pass the final course') },
  ]);
  expect(last('talks', 'feedback')).toBe('2026-10-20');
  expect(last('talks', 'course')).toBeUndefined();
});

test('as_of backdates a check-in', () => {
  const last = lastCheckins([
    { date: '2026-10-01', path: 'okrs/q4/talks.md', text: file(3.6) },
    { date: '2026-11-01', path: 'okrs/q4/talks.md', text: file(4, 0.5, '\n    as_of: 2026-10-28') },
  ]);
  expect(last('talks', 'feedback')).toBe('2026-10-28');
});

test('a deleted file starts over and unreadable versions are skipped', () => {
  const last = lastCheckins([
    { date: '2026-10-01', path: 'okrs/q4/talks.md', text: file(3.6) },
    { date: '2026-10-05', path: 'okrs/q4/talks.md', text: 'not: [yaml' },
    { date: '2026-10-06', path: 'okrs/q4/talks.md', text: undefined },
  ]);
  expect(last('talks', 'feedback')).toBe('2026-10-01');
});
