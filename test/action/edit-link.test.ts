import { expect, test } from 'vitest';
import { checkinLink } from '../../action/src/edit-link.ts';

test('opens the objective in the web editor with a check-in commit message', () => {
  expect(checkinLink({ serverUrl: 'https://github.com/', repository: 'jane/okrs', branch: 'main', runUrl: undefined }, 'okrs/2026-q4/talks.md', 'talks')).toBe(
    'https://github.com/jane/okrs/edit/main/okrs/2026-q4/talks.md?message=Check-in%3A%20talks',
  );
});

test('encodes every path segment so the link cannot end early', () => {
  expect(checkinLink({ serverUrl: 'https://ghe.example', repository: 'jane/okrs', branch: 'team/q4', runUrl: undefined }, 'okrs/my talks (v2).md', 'my-talks')).toBe(
    'https://ghe.example/jane/okrs/edit/team/q4/okrs/my%20talks%20%28v2%29.md?message=Check-in%3A%20my-talks',
  );
});
