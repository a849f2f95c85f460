/**
 * One repository, one day, three outputs: `okr status`, the built site and the
 * pull-request summary show the same numbers. The repository has what used to
 * make them disagree: a check-in after the day, an objective deleted during the
 * period, an eased target and a milestone not yet due.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRepository } from '../../action/src/check.ts';
import { renderReport } from '../../action/src/summary.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { okrIn } from '../helpers/cli.ts';
import { createRepo, MISSION, objectiveText, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';

const DAY = '2026-11-10';
const LINKS = { serverUrl: 'https://github.com', repository: 'jane/okrs', branch: 'main', runUrl: undefined };

const talks = (feedback: number) =>
  `${objectiveText({
    title: 'Deliver engaging presentations',
    key_results: [
      { id: 'feedback', baseline: 3.6, target: 4.5, current: feedback, unit: 'points', confidence: 0.6 },
      { id: 'course', done: false, due: '2026-12-15' },
    ],
  })}\nPaced by [[pace|my work pace]], not [[someday]].\n`;
const pace = (target: number) =>
  objectiveText({ title: 'Increase my work pace', key_results: [{ id: 'tickets', baseline: 0, target, current: 10, unit: 'tickets', ...(target === 10 ? { reason: 'Half the team moved' } : {}) }] });

let repo: TestRepo;
let site: string;
let summary: string;
let status: {
  periods: { label: string; progress: number; objectives: string[] }[];
  objectives: {
    id: string;
    progress: number;
    expected: number | null;
    status: string;
    keyResults: { id: string; value: number | null; progress: number; expected: number | null; status: string; confidence: number | null; lastCheckin: string | null }[];
  }[];
};
let statusText: string;

beforeAll(async () => {
  repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  repo.write('okrs/2026-q4/talks.md', talks(3.6));
  repo.write('okrs/2026-q4/pace.md', pace(20));
  repo.write('okrs/2026-q4/gone.md', objectiveText({ title: 'Run a reading group', key_results: [{ id: 'sessions', baseline: 0, target: 10, current: 9 }] }));
  repo.commit('Plan the quarter', '2026-10-01');
  repo.write('okrs/2026-q4/talks.md', talks(3.9));
  repo.commit('First talk: 3.9', '2026-10-15');
  repo.remove('okrs/2026-q4/gone.md');
  repo.commit('Drop the reading group', '2026-10-25');
  const base = repo.head();
  repo.write('okrs/2026-q4/pace.md', pace(10));
  repo.commit('Ease the tickets target', '2026-11-02');

  // The pull request's summary, as the action renders it on the day.
  const outcome = await checkRepository({ repo: repo.dir, root: 'okrs', configPath: undefined, base, pullRequest: 7, scheduled: false, now: DAY });
  summary = renderReport(outcome!.report, { links: LINKS });

  // A check-in after the day: status and site built for the day must not show it.
  repo.write('okrs/2026-q4/talks.md', talks(4.5));
  repo.commit('Second talk: 4.5', '2026-11-20');

  const json = await okrIn(['status', '--repo', repo.dir, '--now', DAY, '--format', 'json']);
  status = JSON.parse(json.stdout);
  statusText = (await okrIn(['status', '--repo', repo.dir, '--now', DAY])).stdout;

  site = path.join(tempFolder('okr-one-truth-'), 'site');
  await buildSite({ repo: repo.dir, out: site, now: DAY, site: 'https://jane.github.io', base: '/', cacheDir: path.join(path.dirname(site), 'cache'), logLevel: 'error' });
});

afterAll(removeTempFolders);

const percent = (share: number) => `${Math.round(share * 100)}%`;
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe('one repository on one day', () => {
  it('has the standing the numbers come from', () => {
    expect(status.periods).toEqual([expect.objectContaining({ label: '2026-Q4', objectives: ['pace', 'talks'] })]);
    const [paceStanding, talksStanding] = status.objectives;
    // The eased target rescored the same 10 tickets: 10 of 10.
    expect(paceStanding).toMatchObject({ id: 'pace', progress: 1, status: 'done' });
    // Easing the target is not a check-in: the last one is still the day it was written down.
    expect(paceStanding!.keyResults[0]!.lastCheckin).toBe('2026-10-01');
    // 3.9 on the day, not the 4.5 checked in later; the course is not due yet.
    expect(talksStanding!.keyResults).toEqual([
      expect.objectContaining({ id: 'feedback', value: 3.9, progress: 0.333 }),
      expect.objectContaining({ id: 'course', value: 0, progress: 0, status: 'not started' }),
    ]);
    expect(status.periods[0]!.progress).toBeCloseTo((1 + talksStanding!.progress) / 2, 3);
  });

  it('okr status prints those numbers', () => {
    const overall = status.periods[0]!.progress;
    expect(statusText).toContain(`2 objectives, overall ${percent(overall)}`);
    for (const objective of status.objectives) {
      for (const kr of objective.keyResults) expect(statusText).toMatch(new RegExp(`${kr.id} +[█░│]+ +${percent(kr.progress)} .* ${kr.status} `));
    }
    expect(statusText).toMatch(new RegExp(`Deliver engaging presentations +${percent(status.objectives[1]!.progress)}`));
    expect(statusText).toMatch(/Increase my work pace +100%/);
    expect(statusText).not.toContain('Run a reading group');
  });

  it('the site publishes the same standing in okrs.json and badge.json', async () => {
    const json = JSON.parse(await readFile(path.join(site, 'okrs.json'), 'utf8'));
    for (const objective of status.objectives) {
      const published = json.objectives.find((candidate: { id: string }) => candidate.id === objective.id);
      const { keyResults, ...numbers } = objective;
      expect(published.standing).toMatchObject(Object.fromEntries(Object.entries(numbers).filter(([key]) => !['title', 'period'].includes(key))));
      for (const kr of keyResults) {
        const { title: _title, ...krNumbers } = kr as typeof kr & { title?: string };
        expect(published.keyResults.find((candidate: { id: string }) => candidate.id === kr.id).standing).toEqual(krNumbers);
      }
    }
    expect(json.objectives.find((objective: { id: string }) => objective.id === 'gone').standing).toMatchObject({ archived: true, counted: false });
    const badge = JSON.parse(await readFile(path.join(site, 'badge.json'), 'utf8'));
    expect(badge.message).toBe(percent(status.periods[0]!.progress));
  });

  it('the dashboard shows the same overall, count and objective scores', async () => {
    const dashboard = text(await readFile(path.join(site, 'index.html'), 'utf8'));
    expect(dashboard).toContain(`2 objectives Overall ${percent(status.periods[0]!.progress)}`);
    expect(dashboard).not.toContain('Run a reading group');
    for (const objective of status.objectives) expect(dashboard).toMatch(new RegExp(`${percent(objective.progress)} ${objective.status}`));
  });

  it('each objective page shows the same value, progress, expected and status per key result', async () => {
    for (const objective of status.objectives) {
      const page = text(await readFile(path.join(site, 'objectives', objective.id, 'index.html'), 'utf8'));
      expect(page).toContain(`${percent(objective.progress)} ${objective.status}`);
      for (const kr of objective.keyResults) {
        const expected = kr.expected === null ? '' : ` Expected ${percent(kr.expected)}`;
        expect(page).toContain(`Progress ${percent(kr.progress)}${expected} Status ${kr.status}`);
      }
      expect(page).not.toContain('Second talk');
    }
  });

  it('the pull-request summary shows the eased key result at the progress status and site show', () => {
    const tickets = status.objectives[0]!.keyResults[0]!;
    const row = summary.split('\n').find((line) => line.includes('tickets:'));
    expect(row).toBeDefined();
    expect(row).toContain(`→ \`${'█'.repeat(10)}\` ${percent(tickets.progress)}`);
    expect(row).toContain('20 → 10 tickets');
  });

  it('links an Obsidian wiki link to the objective it names, relative to the page', async () => {
    const page = await readFile(path.join(site, 'objectives', 'talks', 'index.html'), 'utf8');
    expect(page).toContain('Paced by <a href="../pace/">my work pace</a>, not someday.');
  });
});
