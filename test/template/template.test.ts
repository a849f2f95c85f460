import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../../package.json' with { type: 'json' };
import { templatePeriod, writeTemplate } from '../../scripts/template.ts';
import { okr } from '../helpers/cli.ts';
import { removeTempFolders, tempFolder } from '../helpers/git-repo.ts';
import { filesUnder, REUSABLES, SHIPPED_GRANTS, TEMPLATE } from '../helpers/shipped.ts';
import { workflowErrors } from '../helpers/workflow-parser.ts';
import { parseWorkflow, shippedWorkflowProblems } from '../helpers/workflow-rules.ts';

afterAll(removeTempFolders);

const template = filesUnder(TEMPLATE);
const workflows = [...template].filter(([file]) => file.startsWith('.github/workflows/'));

describe('template/', () => {
  it('is what `npm run template` writes from the sources of `okr init --github`', async () => {
    const period = templatePeriod();
    expect(period).toMatch(/^\d{4}-Q[1-4]$/);
    const fresh = tempFolder('okr-template-');
    await writeTemplate(period ?? '', fresh);
    expect(filesUnder(fresh), 'template/ is stale: run `npm run template` and commit it').toEqual(template);
  });

  it('holds the OKRs, a README, the workflows and Dependabot: twelve files, no tool code, no tool CI', () => {
    // Nothing of the tool: no package.json, no sources, no lockfile, no tests.
    for (const file of template.keys()) expect(file).toMatch(/^(okrs\/|\.github\/(workflows\/)?[\w-]+\.yml$|README\.md$)/);
    expect(new Set(template.keys())).toEqual(
      new Set([
        '.github/dependabot.yml',
        '.github/workflows/okr-check.yml',
        '.github/workflows/okr-checkin.yml',
        '.github/workflows/okr-comment.yml',
        '.github/workflows/okr-sync.yml',
        '.github/workflows/pages-nightly.yml',
        '.github/workflows/pages.yml',
        '.github/workflows/stale-checkins.yml',
        'README.md',
        `okrs/${templatePeriod()?.toLowerCase()}/deliver-engaging-presentations.md`,
        'okrs/config.yml',
        'okrs/mission.md',
      ]),
    );
  });

  it('has one example objective, and it says it is an example', () => {
    const objectives = [...template.keys()].filter((file) => /^okrs\/.+\/.+\.md$/.test(file));
    expect(objectives).toHaveLength(1);
    expect(template.get(objectives[0] ?? '')).toContain('An example objective');
  });

  it('README gives the two steps', () => {
    const readme = template.get('README.md') ?? '';
    const steps = readme
      .slice(readme.indexOf('## Start in two steps'))
      .split('\n## ')[0]
      ?.match(/^\d+\. /gm);
    expect(steps).toEqual(['1. ', '2. ']);
    expect(readme).toContain('Settings → Pages → Source: GitHub Actions');
    expect(readme).toContain(`gitops-okr) v${packageJson.version}`);
  });

  it.each(workflows)('%s is a workflow GitHub accepts', async (file, text) => {
    expect(await workflowErrors(file, text)).toEqual([]);
  });

  it.each(workflows)('%s calls a reusable workflow of gitops-okr pinned to this version, granting only what it needs', (file, text) => {
    expect(shippedWorkflowProblems(text, packageJson.version, REUSABLES)).toEqual([]);
    const workflow = parseWorkflow(text);
    expect(Object.fromEntries(Object.entries(workflow.jobs).map(([name, job]) => [name, job.permissions]))).toEqual(SHIPPED_GRANTS[file as keyof typeof SHIPPED_GRANTS]);
  });

  it('puts each schedule in a file of its own, apart from the push and pull-request triggers, and says why', () => {
    const scheduled = workflows.filter(([, text]) => 'schedule' in parseWorkflow(text).on);
    expect(scheduled.map(([file]) => file)).toEqual(['.github/workflows/okr-sync.yml', '.github/workflows/pages-nightly.yml', '.github/workflows/stale-checkins.yml']);
    for (const [, text] of scheduled) {
      expect(Object.keys(parseWorkflow(text).on).filter((event) => event !== 'workflow_dispatch')).toEqual(['schedule']);
      expect(text).toContain('turns off a scheduled workflow after 60 days');
    }
  });

  it('keeps the workflows current through Dependabot', () => {
    expect(parse(template.get('.github/dependabot.yml') ?? '')).toEqual({ version: 2, updates: [{ 'package-ecosystem': 'github-actions', directory: '/', schedule: { interval: 'weekly' } }] });
  });

  it('passes okr lint', () => {
    const period = templatePeriod() ?? '';
    const [year, quarter] = period.split('-Q').map(Number);
    const run = okr(['lint', path.join(TEMPLATE, 'okrs'), '--now', `${year}-${String((quarter ?? 1) * 3).padStart(2, '0')}-01`, '--format', 'json']);
    expect(run.status, run.stdout).toBe(0);
    expect((JSON.parse(run.stdout) as { errorCount: number }[]).reduce((sum, file) => sum + file.errorCount, 0)).toBe(0);
  });
});

describe('the checks of shipped workflows catch', () => {
  const [, checkText = ''] = workflows.find(([file]) => file.endsWith('okr-check.yml')) ?? [];
  it('another version of gitops-okr', () => {
    expect(shippedWorkflowProblems(checkText.replace(`@v${packageJson.version}`, '@v0.0.1'), packageJson.version, REUSABLES)).toEqual([expect.stringContaining(`pinned to v${packageJson.version}`)]);
  });

  it('a grant the reusable workflow does not need', () => {
    expect(shippedWorkflowProblems(checkText.replace('contents: read', 'contents: write'), packageJson.version, REUSABLES)).toEqual([
      expect.stringContaining('reusable-check.yml needs {"contents":"read"}'),
    ]);
  });

  it('pull_request_target and permissions at the top', () => {
    const bad = checkText.replace('pull_request:', 'pull_request_target:').replace('permissions: {}', 'permissions: write-all');
    expect(shippedWorkflowProblems(bad, packageJson.version, REUSABLES)).toEqual(['runs on pull_request_target', expect.stringContaining('grants permissions at the top')]);
  });
});
