import { describe, expect, test } from 'vitest';
import { codeSpan, escapeMessage, escapeText, mermaidLabel, urlComponent } from '../../action/src/escape.ts';

describe('escapeText', () => {
  test('keeps plain words as they are', () => {
    expect(escapeText('Deliver engaging presentations')).toBe('Deliver engaging presentations');
  });

  test('raw HTML becomes text', () => {
    expect(escapeText('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert\\(1\\)\\>');
    expect(escapeText('&lt;b&gt;')).toBe('\\&lt;b\\&gt;');
  });

  test('links and images do not render', () => {
    expect(escapeText('![pixel](https://evil.example/p.png)')).toBe('\\!\\[pixel\\]\\(https\\://evil\\.example/p\\.png\\)');
  });

  test('@-mentions and issue references notify nobody', () => {
    expect(escapeText('thanks @octocat and @org/team, see #12 and GH-3')).toBe('thanks @\u200boctocat and @\u200borg/team, see \\#\u200b12 and GH\\-\u200b3');
  });

  test('a table cell cannot be closed or split over lines', () => {
    expect(escapeText('a | b\n| --- |\nc')).toBe('a \\| b \\| \\-\\-\\- \\| c');
  });

  test('bidirectional overrides are removed and long text is clipped', () => {
    expect(escapeText('abc\u202edef')).toBe('abcdef');
    expect(escapeText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('escapeMessage', () => {
  test('backtick spans stay code and the rest is escaped text', () => {
    expect(escapeMessage('Unexpected `period: Q5`, expected a quarter such as `2026-Q4`')).toBe('Unexpected `period: Q5`, expected a quarter such as `2026-Q4`');
    expect(escapeMessage('Unknown key `<b>` by @jane')).toBe('Unknown key `<b>` by @\u200bjane');
  });

  test('an odd number of backticks cannot open a code span', () => {
    expect(escapeMessage('Unknown key `a`b` here')).toBe('Unknown key \\`a\\`b\\` here');
  });

  test('a pipe inside a code span stays in its table cell', () => {
    expect(escapeMessage('value `a|b`')).toBe('value `a\\|b`');
  });
});

describe('codeSpan', () => {
  test('cannot be closed from inside', () => {
    expect(codeSpan('a`b')).toBe("`a'b`");
  });

  test('keeps leading and trailing spaces visible and drops empty spans', () => {
    expect(codeSpan(' x ')).toBe('`  x  `');
    expect(codeSpan('  ')).toBe('');
  });
});

test('mermaidLabel keeps letters, digits and separators only', () => {
  expect(mermaidLabel('presentations/feedback')).toBe('presentations/feedback');
  expect(mermaidLabel('a"]\n```\n<b>')).toBe('a b');
});

test('urlComponent encodes what would end a markdown link', () => {
  expect(urlComponent('a (b) c!')).toBe('a%20%28b%29%20c%21');
});
