/**
 * The site action's steps, run as GitHub would run them minus actions/setup-node: site/build.sh
 * from a fresh copy of this repository, over a temp repository with real history. `npm ci`
 * runs offline, from the cache that this project's own `npm ci` filled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { copyCheckout, ROOT } from '../helpers/fresh-copy.ts';
import { createRepo, GIT_CONFIG, MISSION, objectiveText, removeTempFolders, tempFolder, testGitEnv, type TestRepo } from '../helpers/git-repo.ts';
import { actionErrors } from '../helpers/workflow-parser.ts';

afterAll(removeTempFolders);

const ACTION_YML = readFileSync(path.join(ROOT, 'site', 'action.yml'), 'utf8');

let tool: string;
let repo: TestRepo;

beforeAll(() => {
  tool = tempFolder('okr-site-action-');
  copyCheckout(tool);
  repo = createRepo();
  repo.write('okrs/mission.md', MISSION);
  const objective = (current: number) => objectiveText({ title: 'Deliver engaging presentations', key_results: [{ id: 'feedback', baseline: 3, target: 4.5, current }] });
  repo.write('okrs/2026-q4/presentations.md', objective(3)).commit('Add the presentations objective', '2026-10-01');
  repo.write('okrs/2026-q4/presentations.md', objective(3.9)).commit('Team demo went well', '2026-10-20');
});

/** site/build.sh as the action's step runs it: Node 24 first on PATH, inputs in the environment. */
function runStep(workspace: string, inputs: Record<string, string>) {
  const runnerTemp = tempFolder('okr-runner-');
  const outputFile = path.join(runnerTemp, 'github-output');
  const result = spawnSync('bash', [path.join(tool, 'site', 'build.sh')], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      // npm as GitHub runs it: none of the settings `npm run` passes to the tests.
      ...Object.fromEntries(Object.entries(testGitEnv()).filter(([key]) => !key.startsWith('npm_'))),
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: runnerTemp,
      npm_config_offline: 'true',
      ...inputs,
    },
  });
  const outputs = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '';
  return { status: result.status, log: result.stdout + result.stderr, outputs, runnerTemp };
}

describe('the site action’s build step', () => {
  test('fails at once on a shallow clone and says to check out with fetch-depth: 0', () => {
    const shallow = path.join(tempFolder('okr-shallow-'), 'repo');
    spawnSync('git', [...GIT_CONFIG, 'clone', '-q', '--depth', '1', `file://${repo.dir}`, shallow], { env: testGitEnv() });
    expect(spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: shallow, encoding: 'utf8' }).stdout.trim()).toBe('true');
    const run = runStep(shallow, {});
    expect(run.status).toBe(1);
    expect(run.log).toContain('::error title=gitops-okr site::The repository is a shallow clone');
    expect(run.log).toContain('fetch-depth: 0');
    // It failed before installing anything.
    expect(existsSync(path.join(tool, 'node_modules'))).toBe(false);
    expect(run.outputs).toBe('');
  });

  test('refuses an output folder with a line break, which would forge a step output', () => {
    const run = runStep(repo.dir, { OKR_OUT: '/tmp/site\nforged=1' });
    expect(run.status).toBe(1);
    expect(run.log).toContain('The out input holds a line break');
    expect(run.outputs).toBe('');
  });

  test('fails with a hint when the repository has no okrs/', () => {
    const empty = createRepo();
    empty.write('README.md', 'Nothing here.\n').commit('Start', '2026-10-01');
    const run = runStep(empty.dir, {});
    expect(run.status).toBe(1);
    expect(run.log).toContain('No okrs/ folder');
    expect(run.log).toContain('npx gitops-okr init --github');
  });

  test('installs without dev dependencies and builds the site into the output folder it names', () => {
    const caches = path.join(tempFolder('okr-caches-'), 'gitops-okr-cache');
    const run = runStep(repo.dir, { OKR_SITE: 'https://jane.github.io', OKR_BASE: '/team-okrs/', OKR_NOW: '2026-11-02', OKR_CACHE_DIR: caches });
    expect(run.status, run.log).toBe(0);
    // The history cache and the site's build cache go where actions/cache saves them from.
    expect(readdirSync(caches).sort()).toEqual([expect.stringMatching(/^history-v\d+-[0-9a-f]{16}\.json$/), 'site']);
    expect(existsSync(path.join(caches, 'site', 'incremental-build.json'))).toBe(true);
    const dir = path.join(run.runnerTemp, 'okr-site');
    expect(run.outputs).toBe(`dir=${dir}\n`);
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).toContain('Deliver engaging presentations');
    expect(index).toContain('href="/team-okrs/objectives/');
    expect(readFileSync(path.join(dir, 'rss.xml'), 'utf8')).toContain('Team demo went well');
    expect(readFileSync(path.join(dir, 'rss.xml'), 'utf8')).toContain('https://jane.github.io/team-okrs/');
    // Production dependencies only: neither the test runner nor the project's own Node.
    expect(existsSync(path.join(tool, 'node_modules', 'astro'))).toBe(true);
    expect(existsSync(path.join(tool, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(path.join(tool, 'node_modules', 'node'))).toBe(false);
    // Octokit is a dependency of `okr build --org` (loaded only for it), and the action's own bundle is not installed.
    expect(existsSync(path.join(tool, 'node_modules', '@octokit', 'rest'))).toBe(true);
    expect(existsSync(path.join(tool, 'node_modules', '@actions'))).toBe(false);
    // Nothing is written into the repository that is built.
    expect(repo.git(['status', '--porcelain', '--ignored'])).toBe('');

    // The next push's build, with the caches restored: the new check-in is on the site.
    const objective = objectiveText({ title: 'Deliver engaging presentations', key_results: [{ id: 'feedback', baseline: 3, target: 4.5, current: 4.2 }] });
    repo.write('okrs/2026-q4/presentations.md', objective).commit('Keynote feedback came in', '2026-10-28');
    const next = runStep(repo.dir, { OKR_SITE: 'https://jane.github.io', OKR_BASE: '/team-okrs/', OKR_NOW: '2026-11-02', OKR_CACHE_DIR: caches });
    expect(next.status, next.log).toBe(0);
    expect(next.log).not.toContain('warning');
    const nextDir = path.join(next.runnerTemp, 'okr-site');
    expect(readFileSync(path.join(nextDir, 'rss.xml'), 'utf8')).toContain('Keynote feedback came in');
    expect(readFileSync(path.join(nextDir, 'index.html'), 'utf8')).toContain('Deliver engaging presentations');
  }, 240_000);
});

describe('site/action.yml', () => {
  interface Step {
    id?: string;
    if?: string;
    uses?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
  }
  const action = parse(ACTION_YML) as { runs: { using: string; steps: Step[] }; outputs: Record<string, { value: string }> };

  test('is an action GitHub accepts', async () => {
    expect(await actionErrors('action.yml', ACTION_YML)).toEqual([]);
  });

  test('pins every action by full commit with a version comment', () => {
    const uses = [...ACTION_YML.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, target = '', rest = ''] of uses) {
      expect(target).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)?@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  test('sets up the Node of .node-version', () => {
    const setup = action.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim());
  });

  test('hands its inputs to the script through the environment, never inside the script', () => {
    for (const step of action.runs.steps.filter((step) => step.run !== undefined)) {
      expect(step.run).not.toContain('${{');
      expect(step.run).toContain('build.sh');
    }
    const build = action.runs.steps.find((step) => step.run !== undefined);
    expect(build?.env).toEqual({
      OKR_SITE: '${{ inputs.site }}',
      OKR_BASE: '${{ inputs.base }}',
      OKR_OUT: '${{ inputs.out }}',
      OKR_NOW: '${{ inputs.now }}',
      OKR_CACHE_DIR: "${{ inputs.cache == 'true' && format('{0}/gitops-okr-cache', runner.temp) || '' }}",
    });
    expect(action.outputs.dir?.value).toBe('${{ steps.build.outputs.dir }}');
  });

  test('restores the caches before the build and saves them after, keyed by the commit built, from the folder the build writes', () => {
    const steps = action.runs.steps;
    const restore = steps.findIndex((step) => step.uses?.startsWith('actions/cache/restore@'));
    const build = steps.findIndex((step) => step.id === 'build');
    const save = steps.findIndex((step) => step.uses?.startsWith('actions/cache/save@'));
    expect(restore).toBeGreaterThan(-1);
    expect([restore < build, build < save]).toEqual([true, true]);
    const folder = '${{ runner.temp }}/gitops-okr-cache';
    expect(steps[restore]).toMatchObject({
      id: 'cache',
      if: "inputs.cache == 'true'",
      with: { path: folder, key: 'gitops-okr-cache-v3-${{ github.sha }}', 'restore-keys': 'gitops-okr-cache-v3-' },
    });
    // Saved only after a build that succeeded (no status function in the condition) and only when no cache of this commit was there.
    expect(steps[save]).toMatchObject({ if: "inputs.cache == 'true' && steps.cache.outputs.cache-hit != 'true'", with: { path: folder, key: 'gitops-okr-cache-v3-${{ github.sha }}' } });
    expect(steps[build]?.env?.OKR_CACHE_DIR).toContain("format('{0}/gitops-okr-cache', runner.temp)");
    // The two halves of actions/cache come from one release.
    expect(steps[restore]?.uses?.split('@')[1]).toBe(steps[save]?.uses?.split('@')[1]);
    expect(parse(ACTION_YML).inputs.cache).toEqual(expect.objectContaining({ default: 'true' }));
  });
});
