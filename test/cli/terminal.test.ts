/** Titles, owners, units, file names and commit messages never reach the terminal as control sequences. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { okr } from '../helpers/cli.ts';
import { createRepo, MISSION, removeTempFolders, type TestRepo } from '../helpers/git-repo.ts';
import { FORMULAS, RAW_CONTROL, TERMINAL } from '../fixtures/hostile.ts';

let repo: TestRepo;
const EVIL_FILE = `okrs/2026-q4/e${TERMINAL.clearScreen}vil.md`;
/** YAML's double-quoted escapes: `\e` is ESC, `\a` BEL, `\x9b` the C1 CSI. */
const objective = (current: number) => `---
title: "Grow \\e]52;c;ZXZpbA==\\a revenue"
period: 2026-Q4
owner: "Mallory \\e]0;owned\\a"
key_results:
  - id: signups
    title: "${FORMULAS[0]!.replaceAll('"', '\\"')}"
    baseline: 0
    target: 10
    current: ${current}
    unit: "users \\x9b31m"
  - id: calls
    title: "${FORMULAS[3]}"
    baseline: 0
    target: 5
---
Body.
`;

beforeAll(() => {
  repo = createRepo();
  repo.write('okrs/mission.md', MISSION).write(EVIL_FILE, objective(1));
  repo.commit('Plan', '2026-10-01');
  repo.write(EVIL_FILE, objective(2).replace('period: 2026-Q4', 'period: "\\e[2JQ9"'));
  repo.commit(`Broken ${TERMINAL.windowTitle}`, '2026-10-05');
  repo.write(EVIL_FILE, objective(3));
  repo.commit(`Check-in ${TERMINAL.clipboard}${TERMINAL.bidi}`, '2026-10-08');
});
afterAll(removeTempFolders);

const run = (...args: string[]) => okr([...args, '--now', '2026-11-15'], { cwd: repo.dir });

describe('terminal output of hostile text', () => {
  it('okr status shows the sequences escaped', () => {
    const status = run('status');
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('Grow \\x1b]52;c;ZXZpbA==\\x07 revenue');
    expect(status.stdout + status.stderr).not.toMatch(RAW_CONTROL);
  });

  it('okr lint shows file names and quoted values escaped', () => {
    repo.write(EVIL_FILE, objective(3).replace('period: 2026-Q4', 'period: "\\e[2JQ9"'));
    try {
      const lint = run('lint');
      expect(lint.status).toBe(1);
      expect(lint.stdout).toContain('e\\x1b[2J\\x1b[Hvil.md');
      expect(lint.stdout + lint.stderr).not.toMatch(RAW_CONTROL);
    } finally {
      repo.write(EVIL_FILE, objective(3));
    }
  });

  it('okr history prints warnings escaped and CSV without raw controls or live formulas', () => {
    const history = run('history', '--format', 'csv');
    expect(history.status).toBe(0);
    expect(history.stderr).toContain('okr: warning:');
    expect(history.stdout.replaceAll('\r\n', '\n') + history.stderr).not.toMatch(RAW_CONTROL);
    const fields = history.stdout
      .split(/\r\n/)
      .slice(1)
      .flatMap((row) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
      .map((field) => field.replace(/,$/, ''));
    for (const field of fields) expect(field, field).not.toMatch(/^"?[=+\-@]/);
    expect(history.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(history.stdout).toContain(`"'@SUM(1,2)"`);
  });

  it('okr history --format json escapes the C1 controls JSON leaves raw', () => {
    const history = run('history', '--format', 'json');
    expect(history.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(history.stdout).objectives[0].keyResults[0].unit).toBe('users \u009b31m');
  });

  it('okr build writes what needs attention escaped on its output', () => {
    repo.write(EVIL_FILE, objective(3).replace('period: 2026-Q4', 'period: "\\e[2JQ9"'));
    try {
      const build = okr(['build', '--now', '2026-11-15', '--out', `${repo.dir}/dist`], { cwd: repo.dir });
      expect(build.stderr).toContain('needs attention');
      expect(build.stdout + build.stderr).not.toMatch(RAW_CONTROL);
    } finally {
      repo.write(EVIL_FILE, objective(3));
    }
  }, 60_000);
});
