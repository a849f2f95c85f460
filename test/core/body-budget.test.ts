import { describe, expect, it } from 'vitest';
import { bodyOverBudget } from '../../src/core/body-budget.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { COSTLY_WITHIN, HOSTILE_BODIES } from '../fixtures/costly-bodies.ts';
import { lintFiles, MISSION } from '../helpers/workspace.ts';

const FRONTMATTER = '---\ntitle: Deliver engaging presentations\nperiod: 2026-Q4\n---\n';

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

// How long these take is measured by `npm run bench -- body`, against an ordinary body in the same run.
describe('rendering a body', () => {
  it('shows a body over the bounds as escaped plain text', () => {
    for (const [name, body] of Object.entries(HOSTILE_BODIES)) {
      const { html } = renderMarkdown(`${body}<script>alert(1)</script>`);
      expect(html.startsWith('<pre class="body-plain">'), name).toBe(true);
      expect(html, name).not.toContain('<script');
    }
  });

  it('renders the costliest bodies within the bounds as Markdown', () => {
    for (const [name, body] of Object.entries(COSTLY_WITHIN)) expect(renderMarkdown(body).html.startsWith('<pre'), name).toBe(false);
  }, 60_000);
});

describe('lint and the body budget', () => {
  it('reports a body over the bounds at its line in the file', () => {
    const messages = lintFiles({ 'okrs/mission.md': MISSION, 'okrs/2026-q4/talks.md': `${FRONTMATTER}Why.\n\n${'>'.repeat(40)} deep\n` }).filter((message) => message.ruleId === 'body-budget');
    expect(messages).toEqual([expect.objectContaining({ path: 'okrs/2026-q4/talks.md', line: 7, severity: 2 })]);
  });
});
