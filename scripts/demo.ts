/**
 * A git repository with a realistic 90-day history of the sample OKRs in okrs/:
 * planning in late August, a draft moved into the quarter (a rename), weekly
 * check-ins with notes and confidence changes through 2026-11-25, one broken
 * check-in fixed the next day and one merged pull request. Dates are pinned,
 * so the history is the same on every run.
 *
 *   npm run demo [-- <folder>]      default: a new temp folder
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { editKeyResult, type KeyResultEdit } from '../src/core/checkin-edit.ts';
import { parseObjective } from '../src/core/parse.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../okrs');
const JANE = { name: 'Jane Doe', email: 'jane@example.com' };
const SAM = { name: 'Sam Lee', email: 'sam@example.com' };

type Values = Record<string, KeyResultEdit>;

/** Builds the demo repository in `dir` (created if missing, must be empty) and returns the number of commits on main. */
export function createDemoRepo(dir: string): { dir: string; commits: number } {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; give an empty or new folder`);
  const repo = new DemoRepo(dir);
  repo.git(['init', '-q']);

  repo.copy('mission.md').copy('config.yml');
  repo.commit('2026-08-27', 'Start the OKR repository: mission and rules');

  repo.objective('2026-q4/presentations.md', { feedback: { current: 3.6, confidence: 0.5 }, invites: { current: 0, confidence: 0.4 } });
  repo.objective('2026-q4/work-pace.md', { 'review-time': { current: 3, confidence: 0.5 }, shipped: { current: 8, confidence: 0.6 } });
  repo.commit('2026-09-10', 'Draft the Q4 objectives\n\nPresentations and work pace first; the skills objective is still a draft.');

  repo.objective('drafts/new-skills.md', { mentees: { current: 0, confidence: 0.6 }, 'design-docs': { current: 0, confidence: 0.6 } });
  repo.commit('2026-09-17', 'Draft the skills objective');

  repo.git(['mv', 'okrs/drafts/new-skills.md', 'okrs/2026-q4/new-skills.md']);
  rmSync(path.join(dir, 'okrs/drafts'), { recursive: true, force: true });
  repo.commit('2026-09-28', 'Move the skills objective into Q4');

  repo.checkin('2026-10-07', 'presentations.md', { feedback: { current: 3.7 } }, 'First talk of the quarter: 3.7 average\n\nTwelve people filled in the form.');
  repo.checkin('2026-10-07', 'work-pace.md', { 'review-time': { current: 2.5 } }, 'Review wait down to 2.5 days after the rota change');
  repo.checkin('2026-10-14', 'new-skills.md', { mentees: { current: 1, confidence: 0.7 } }, 'Priya shipped her first service with my help');
  repo.checkin('2026-10-14', 'work-pace.md', { shipped: { current: 9 } }, 'Sprint 19: 9 tickets');
  repo.checkin('2026-10-14', 'presentations.md', { feedback: { confidence: 0.6 } }, 'More confident about feedback after the speakers club');

  repo.objective('2026-q4/presentations.md', { feedback: { current: 3.8 } });
  repo.write('2026-q4/presentations.md', repo.read('2026-q4/presentations.md').replace('current: 3.8', 'current: 3.8 points'));
  repo.commit('2026-10-21', 'Feedback from the design review talk');
  repo.checkin('2026-10-22', 'presentations.md', { feedback: { current: 3.8 } }, 'Fix the feedback value: a plain number, the unit is in `unit`');
  repo.checkin('2026-10-21', 'work-pace.md', { 'review-time': { confidence: 0.6 } }, 'Review times hold at 2.5 days');

  repo.checkin('2026-10-28', 'presentations.md', { invites: { current: 1, confidence: 0.5 } }, 'First invitation: the data team asked for the talk');
  repo.checkin('2026-10-28', 'work-pace.md', { shipped: { current: 8, confidence: 0.5 } }, 'Sprint 20: back to 8 tickets, two of us were out');
  repo.checkin('2026-11-04', 'presentations.md', { feedback: { current: 3.85 } }, 'Lightning talk: 3.85');

  repo.git(['checkout', '-q', '-b', 'work-pace-checkin']);
  repo.checkin('2026-11-10', 'work-pace.md', { 'review-time': { current: 2 } }, 'Median review wait is 2 days', SAM);
  repo.git(['checkout', '-q', 'main']);
  repo.checkin('2026-11-11', 'new-skills.md', { 'design-docs': { current: 1, confidence: 0.5 } }, 'Caching design approved by the platform team');
  repo.git(['merge', '-q', '--no-ff', '-m', 'Merge pull request #7 from sam/work-pace-checkin\n\nReview wait check-in', 'work-pace-checkin'], '2026-11-11T16:00:00+00:00', SAM);

  repo.checkin('2026-11-18', 'presentations.md', { feedback: { current: 3.9 } }, 'All-hands talk: 3.9');
  for (const file of ['2026-q4/presentations.md', '2026-q4/work-pace.md', '2026-q4/new-skills.md']) repo.copy(file);
  repo.commit('2026-11-25', 'Sprint 22: 9 tickets again');

  return { dir, commits: Number(repo.git(['rev-list', '--count', '--first-parent', 'HEAD']).trim()) };
}

class DemoRepo {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  git(args: string[], date = '2026-08-27T09:00:00+00:00', who = JANE): string {
    return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, 'okrs', file), 'utf8');
  }

  write(file: string, text: string): this {
    const target = path.join(this.dir, 'okrs', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    return this;
  }

  /** The sample file as it is in okrs/. */
  copy(file: string): this {
    return this.write(file, readFileSync(path.join(SAMPLES, file), 'utf8'));
  }

  /** Writes an objective: the current version (or the sample) with these key result values. */
  objective(file: string, values: Values): this {
    const existing = existsSync(path.join(this.dir, 'okrs', file));
    let text = existing ? this.read(file) : readFileSync(path.join(SAMPLES, file.replace(/^drafts\//, '2026-q4/')), 'utf8');
    // The raw YAML, so a version that fails the schema (the broken check-in) can be fixed too.
    const keyResults = (parseObjective(file, text).raw as { key_results?: { id?: unknown }[] } | undefined)?.key_results ?? [];
    for (const [id, edit] of Object.entries(values))
      text = editKeyResult(
        text,
        keyResults.findIndex((kr) => kr.id === id),
        edit,
      );
    return this.write(file, text);
  }

  checkin(day: string, name: string, values: Values, message: string, who = JANE): this {
    this.objective(`2026-q4/${name}`, values);
    return this.commit(day, message, who);
  }

  commit(day: string, message: string, who = JANE): this {
    const date = `${day}T${who === JANE ? '09:30' : '14:00'}:00+00:00`;
    this.git(['add', '-A'], date, who);
    this.git(['commit', '-q', '-m', message], date, who);
    return this;
  }
}

if (process.argv[1] === import.meta.filename) {
  const given = process.argv[2];
  const dir = given === undefined ? mkdtempSync(path.join(tmpdir(), 'okr-demo-')) : path.resolve(given);
  try {
    const { commits } = createDemoRepo(dir);
    process.stdout.write(`Demo repository with ${commits} commits on main: ${dir}\nTry: npx okr status --repo ${dir} --now 2026-11-25\n`);
  } catch (error) {
    if (given === undefined) rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
