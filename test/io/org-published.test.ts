/** A published okrs.json read as untrusted data: what it says about ids, periods and where its files are is checked. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OkrsSummary } from '../../src/core/okrs-json.ts';
import { readPublishedSource } from '../../src/io/org-published.ts';
import { publishPlatform, writePlatformRepo } from '../fixtures/org-sources.ts';
import { removeAll, tempDir } from '../fixtures/repos.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let fake: FakeGitHub;
let work: string;
let summary: OkrsSummary;

beforeAll(async () => {
  fake = await startFakeGitHub();
  work = await tempDir('okr-org-published-');
  writePlatformRepo(path.join(work, 'platform'));
  await publishPlatform(fake, path.join(work, 'platform'), path.join(work, 'dist'), path.join(work, 'cache'));
  summary = JSON.parse(fake.sites.get('/sites/platform/okrs.json')!.body) as OkrsSummary;
}, 120_000);

afterAll(async () => {
  await fake?.close();
  await removeAll(work);
});

const read = () => readPublishedSource({ name: 'team-platform', url: `${fake.url}/sites/platform/okrs.json` }, { timeoutMs: 5000 });

describe('a published okrs.json', () => {
  it('gives the history of each objective from the file beside it', async () => {
    const source = await read();
    expect(source.history.objectives.map((objective) => objective.id).sort()).toEqual(['latency', 'uptime']);
    expect(source.history.checkins.map((checkin) => checkin.objective)).toContain('latency');
    expect(source.notes).toEqual([]);
    expect(source.fromAligned).toEqual(new Set(['latency']));
  });

  it('gives the key-result owners the summary names, and none of an objective the site marks private', async () => {
    const summaryFile = fake.sites.get('/sites/platform/okrs.json')!;
    const uptimeFile = fake.sites.get('/sites/platform/objectives/uptime/okrs.json')!;
    try {
      expect((await read()).keyResultOwners).toEqual(new Map([['latency', { p95: 'Linus Ops' }]]));
      // A site that lists an objective in its summary yet marks it private in its own file: nothing of it is taken.
      const [latency, uptime] = summary.objectives;
      const named = { ...summary, objectives: [latency!, { ...uptime!, keyResults: uptime!.keyResults.map((kr) => ({ ...kr, owner: 'Hidden Owner' })) }] };
      fake.sites.set('/sites/platform/okrs.json', { body: JSON.stringify(named) });
      const file = JSON.parse(uptimeFile.body);
      fake.sites.set('/sites/platform/objectives/uptime/okrs.json', { body: JSON.stringify({ ...file, objective: { ...file.objective, private: true } }) });
      const source = await read();
      expect(source.history.objectives.map((objective) => objective.id)).toEqual(['latency']);
      expect([...source.keyResultOwners.keys()]).toEqual(['latency']);
      // A summary written before key results had owners (the same schemaVersion 2) reads as before, without owners.
      const older = { ...summary, objectives: summary.objectives.map((objective) => ({ ...objective, keyResults: objective.keyResults.map(({ owner: _, ...kr }) => kr) })) };
      fake.sites.set('/sites/platform/okrs.json', { body: JSON.stringify(older) });
      fake.sites.set('/sites/platform/objectives/uptime/okrs.json', uptimeFile);
      const old = await read();
      expect(old.history.objectives.map((objective) => objective.id).sort()).toEqual(['latency', 'uptime']);
      expect(old.keyResultOwners).toEqual(new Map());
    } finally {
      fake.sites.set('/sites/platform/okrs.json', summaryFile);
      fake.sites.set('/sites/platform/objectives/uptime/okrs.json', uptimeFile);
    }
  });

  it('reads a summary written before objectives listed their parents (the same schemaVersion 2)', async () => {
    const summaryFile = fake.sites.get('/sites/platform/okrs.json')!;
    try {
      const older = { ...summary, objectives: summary.objectives.map(({ parents: _, ...objective }) => objective) };
      fake.sites.set('/sites/platform/okrs.json', { body: JSON.stringify(older) });
      const source = await read();
      expect(source.history.objectives.map((objective) => objective.id).sort()).toEqual(['latency', 'uptime']);
      expect(source.notes).toEqual([]);
    } finally {
      fake.sites.set('/sites/platform/okrs.json', summaryFile);
    }
  });

  it('leaves out an objective whose id, period or file it could not take, and says why', async () => {
    const [latency, uptime] = summary.objectives;
    const hostile = {
      ...summary,
      objectives: [
        { ...latency!, id: '../../escape' },
        { ...uptime!, period: { ...uptime!.period, label: '2026/Q4' } },
        { ...latency!, history: '../../elsewhere/okrs.json' },
        { ...uptime!, history: 'http://169.254.169.254/latest/meta-data' },
      ],
    };
    fake.sites.set('/sites/platform/okrs.json', { body: JSON.stringify(hostile) });
    const before = fake.requests.length;
    const source = await read();
    expect(source.history.objectives).toEqual([]);
    expect(source.notes).toEqual([
      '"../../escape": not an objective id with a period such as 2026-Q4 ("2026-Q4"); left out',
      '"uptime": not an objective id with a period such as 2026-Q4 ("2026/Q4"); left out',
      'latency: its history `../../elsewhere/okrs.json` is not beside okrs.json; left out',
      'uptime: its history `http://169.254.169.254/latest/meta-data` is not beside okrs.json; left out',
    ]);
    // Only the summary itself was asked for.
    expect(fake.requests.slice(before).map((request) => request.path)).toEqual(['/sites/platform/okrs.json']);
  });
});
