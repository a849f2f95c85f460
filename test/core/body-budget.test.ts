import { describe, expect, it } from 'vitest';
import { BODY_BUDGET, bodyOverBudget } from '../../src/core/body-budget.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { lintFiles, MISSION } from '../helpers/workspace.ts';

const FRONTMATTER = '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n---\n';

/** The bodies of the security review, each of which took a whole build down or took minutes. */
const HOSTILE_BODIES: Record<string, string> = {
  '2.5 KB of nested block quotes': `${'>'.repeat(2500)} deep\n`,
  'nested list markers on one line': `${'- '.repeat(2000)}x\n`,
  '105 KB of emphasis': '*a_'.repeat(35_000),
  'an 80,000-item task list': '- [ ] x\n'.repeat(80_000),
  'thousands of open brackets': '['.repeat(30_000),
};

/** Bodies just within the bounds, built from the most expensive patterns. */
const COSTLY_WITHIN: Record<string, string> = {
  'emphasis delimiters up to the bound': `${'*a_'.repeat(BODY_BUDGET.markup / 2 - 1)}\n`,
  'brackets up to the bound': `${'['.repeat(BODY_BUDGET.markup / 2)}${']'.repeat(BODY_BUDGET.markup / 2)}\n`,
  'quotes nested to the bound': `${'>'.repeat(BODY_BUDGET.depth)} x\n`,
  'prose up to the size bound': 'word '.repeat(BODY_BUDGET.characters / 5 - 10),
};

describe('bodyOverBudget', () => {
  it('finds each hostile body, with the line where the bound is passed', () => {
    for (const [name, body] of Object.entries(HOSTILE_BODIES)) expect(bodyOverBudget(body), name).toMatchObject({ line: expect.any(Number), message: expect.stringContaining('plain text') });
    expect(bodyOverBudget(`Intro\n\n${'>'.repeat(40)} deep\n`)?.line).toBe(3);
  });

  it('leaves bodies within the bounds alone', () => {
    for (const [name, body] of Object.entries(COSTLY_WITHIN)) expect(bodyOverBudget(body), name).toBeUndefined();
    expect(bodyOverBudget('> quote\n>> reply\n\n- a\n  - b\n    - c\n\n| a | b |\n| - | - |\n')).toBeUndefined();
  });
});

describe('rendering a body', () => {
  it('shows a body over the bounds as escaped plain text, quickly', () => {
    for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
      const started = performance.now();
      const { html } = renderMarkdown(`${body}<script>alert(1)</script>`);
      expect(performance.now() - started, name).toBeLessThan(1000);
      expect(html.startsWith('<pre class="body-plain">'), name).toBe(true);
      expect(html, name).not.toContain('<script');
    }
  });

  it('renders the costliest bodies within the bounds well within the budget, with room for a busy machine', () => {
    for (const [name, body] of Object.entries(COSTLY_WITHIN)) {
      const started = performance.now();
      const { html } = renderMarkdown(body);
      // The budget is a second on an idle core; five leave room for a machine shared by many test runs.
      expect(performance.now() - started, name).toBeLessThan(5000);
      expect(html.startsWith('<pre'), name).toBe(false);
    }
  }, 60_000);
});

describe('lint and the body budget', () => {
  it('reports a body over the bounds at its line in the file', () => {
    const messages = lintFiles({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/talks.md': `${FRONTMATTER}Why.\n\n${'>'.repeat(40)} deep\n` }).filter((message) => message.ruleId === 'body-budget');
    expect(messages).toEqual([expect.objectContaining({ path: 'okrs/2026-q4/talks.md', line: 7, severity: 2 })]);
  });
});
