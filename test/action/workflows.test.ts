import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { actionErrors, workflowErrors } from '../helpers/workflow-parser.ts';
import { neededGrants, parseWorkflow, pinProblems, writeGrants, type Workflow } from '../helpers/workflow-rules.ts';
import packageJson from '../../package.json' with { type: 'json' };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS)
  .filter((file) => file.endsWith('.yml'))
  .sort();
const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');
const ACTION_YML = readFileSync(path.join(ROOT, 'action', 'action.yml'), 'utf8');

describe('GitHub accepts', () => {
  test('the workflows are there: the callers, the reusable workflows they call, CI and the release', () => {
    expect(workflowFiles).toEqual([
      'ci.yml',
      'okr-check.yml',
      'okr-checkin.yml',
      'okr-comment.yml',
      'okr-sync.yml',
      'pages-nightly.yml',
      'pages.yml',
      'release.yml',
      'reusable-check.yml',
      'reusable-checkin.yml',
      'reusable-comment.yml',
      'reusable-pages.yml',
      'reusable-stale.yml',
      'reusable-sync.yml',
      'stale-checkins.yml',
    ]);
  });

  test.each(workflowFiles)('%s', async (file) => {
    expect(await workflowErrors(file, read(file))).toEqual([]);
  });

  test('action/action.yml', async () => {
    expect(await actionErrors('action.yml', ACTION_YML)).toEqual([]);
  });
});

describe('the parser catches', () => {
  test('a misspelt key in a workflow', async () => {
    const typo = read('reusable-check.yml').replace('timeout-minutes:', 'timeout-minutse:');
    expect(await workflowErrors('reusable-check.yml', typo)).toEqual([expect.stringContaining("Unexpected value 'timeout-minutse'")]);
  });

  test('a misspelt permission level', async () => {
    const typo = read('ci.yml').replace('contents: read', 'contents: reed');
    expect((await workflowErrors('ci.yml', typo)).length).toBeGreaterThan(0);
  });

  test('an unknown key in action.yml', async () => {
    expect(await actionErrors('action.yml', ACTION_YML.replace('outputs:', 'outputz:'))).toEqual([expect.stringContaining("Unexpected value 'outputz'")]);
  });

  test('an invalid runs.using', async () => {
    expect(await actionErrors('action.yml', ACTION_YML.replace('using: node24', 'using: node99'))).toEqual([expect.stringContaining("Unexpected value 'node99'")]);
  });
});

const workflows = workflowFiles.map((file) => [file, parseWorkflow(read(file)), read(file)] as const);
const byName = new Map(workflows.map(([file, workflow]) => [file, workflow]));

/** The jobs a workflow runs: its own, and those of the local reusable workflows it calls. */
function jobsOf(workflow: Workflow): [string, Workflow['jobs'][string]][] {
  return Object.entries(workflow.jobs).flatMap(([name, job]) => {
    const called = job.uses?.match(/^\.\/\.github\/workflows\/(.+)$/)?.[1];
    if (called === undefined) return [[name, job] as [string, Workflow['jobs'][string]]];
    const reusable = byName.get(called);
    if (reusable === undefined) throw new Error(`${name} calls ${called}, which is not there`);
    return [[name, job] as [string, Workflow['jobs'][string]], ...jobsOf(reusable).map(([inner, innerJob]) => [`${name}/${inner}`, innerJob] as [string, Workflow['jobs'][string]])];
  });
}

describe('security', () => {
  test.each(workflows)('%s grants nothing at the top and names each job’s permissions', (_file, workflow) => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeTypeOf('object');
  });

  test.each(workflows)('%s pins every action by full commit with a version comment', (_file, _workflow, text) => {
    expect(text).toMatch(/uses:/);
    expect(pinProblems(text, packageJson.version)).toEqual([]);
  });

  test('a tag where a commit belongs is caught', () => {
    expect(pinProblems('    steps:\n      - uses: actions/checkout@v5\n', packageJson.version)).toEqual([expect.stringContaining('expected a full commit')]);
  });

  test.each(workflows)('%s never runs on pull_request_target', (_file, workflow, text) => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(text).not.toContain('pull_request_target');
  });

  test.each(workflows)('%s does not keep the token in the checkout', (_file, workflow) => {
    const checkouts = Object.values(workflow.jobs)
      .flatMap((job) => job.steps ?? [])
      .filter((step) => step.uses?.startsWith('actions/checkout@'));
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  test.each(workflows)('%s puts no expression inside a script', (_file, workflow) => {
    for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])) expect(step.run ?? '').not.toContain('${{');
  });

  test('the comment workflow checks out only gitops-okr’s action of the default branch and reads the artifact as data', () => {
    const caller = byName.get('okr-comment.yml');
    expect(Object.keys(caller?.on ?? {})).toEqual(['workflow_run']);
    expect(caller?.jobs.comment?.with?.['gitops-okr-ref']).toBe('${{ github.event.repository.default_branch }}');
    const reusable = byName.get('reusable-comment.yml');
    const steps = reusable?.jobs.comment?.steps ?? [];
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((step) => [step.with?.repository, step.with?.['sparse-checkout']])).toEqual([['${{ inputs.gitops-okr-repository }}', 'action']]);
    expect(steps.at(-1)).toEqual({
      uses: './.gitops-okr/action',
      with: { 'from-report': '${{ runner.temp }}/okr-report/okr-check.json', 'expected-head-sha': '${{ github.event.workflow_run.head_sha }}' },
    });
    expect(reusable?.jobs.comment?.permissions).toEqual({ actions: 'read', contents: 'read', 'pull-requests': 'write' });
  });

  test('only the jobs that write have write permissions', () => {
    expect(workflows.flatMap(([file, workflow]) => writeGrants(file, workflow)).sort()).toEqual([
      'okr-checkin.yml:checkin:contents',
      'okr-checkin.yml:checkin:issues',
      'okr-checkin.yml:checkin:pull-requests',
      'okr-comment.yml:comment:pull-requests',
      'okr-sync.yml:sync:actions',
      'okr-sync.yml:sync:contents',
      'pages-nightly.yml:pages:id-token',
      'pages-nightly.yml:pages:pages',
      'pages.yml:pages:id-token',
      'pages.yml:pages:pages',
      'release.yml:publish:id-token',
      'release.yml:tag:contents',
      'reusable-checkin.yml:checkin:contents',
      'reusable-checkin.yml:checkin:issues',
      'reusable-checkin.yml:checkin:pull-requests',
      'reusable-comment.yml:comment:pull-requests',
      'reusable-pages.yml:deploy:id-token',
      'reusable-pages.yml:deploy:pages',
      'reusable-stale.yml:stale:issues',
      'reusable-sync.yml:pages:actions',
      'reusable-sync.yml:sync:contents',
      'stale-checkins.yml:stale:issues',
    ]);
  });

  test.each(workflows.filter(([file]) => file.startsWith('reusable-')))('%s is only called (workflow_call) and defaults to the version of the package', (_file, workflow, text) => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    const inputs = (workflow.on.workflow_call as { inputs: Record<string, { default?: string }> }).inputs;
    expect(inputs['gitops-okr-repository']?.default).toBe('gitops-okr/gitops-okr');
    expect(inputs['gitops-okr-ref']?.default).toBe(`v${packageJson.version}`);
    expect(text).toContain(`uses: gitops-okr/gitops-okr/.github/workflows/${_file}@v${packageJson.version}`);
  });

  test.each(workflows.filter(([file]) => !file.startsWith('reusable-') && !['ci.yml', 'release.yml'].includes(file)))(
    '%s calls a reusable workflow with this commit’s copy of gitops-okr',
    (_file, workflow) => {
      for (const job of Object.values(workflow.jobs)) {
        expect(job.uses).toMatch(/^\.\/\.github\/workflows\/reusable-[\w-]+\.yml$/);
        expect(job.with?.['gitops-okr-repository']).toBe('${{ github.repository }}');
      }
    },
  );

  test.each(workflows.filter(([file]) => !file.startsWith('reusable-') && !['ci.yml', 'release.yml'].includes(file)))(
    '%s grants each called job exactly what the reusable workflow’s jobs ask for',
    (_file, workflow) => {
      for (const job of Object.values(workflow.jobs)) {
        const called = byName.get(job.uses?.replace('./.github/workflows/', '') ?? '');
        expect(called).toBeDefined();
        expect(job.permissions).toEqual(neededGrants(called as Workflow));
      }
    },
  );
});

describe('pull-request code', () => {
  test('runs only with read-only tokens: no job of a pull_request workflow, nor any job it calls, may write', () => {
    const onPullRequest = workflows.filter(([, workflow]) => Object.keys(workflow.on).includes('pull_request'));
    expect(onPullRequest.map(([file]) => file).sort()).toEqual(['ci.yml', 'okr-check.yml']);
    for (const [file, workflow] of onPullRequest) {
      for (const [job, { permissions }] of jobsOf(workflow)) {
        expect(permissions, `${file}:${job} must set its permissions`).toBeDefined();
        expect(Object.values(permissions ?? {}), `${file}:${job}`).not.toContain('write');
      }
    }
  });
});

describe('the sync workflow', () => {
  const reusable = byName.get('reusable-sync.yml');

  test('runs on a schedule and on demand, never for a pull request, and only on the default branch', () => {
    expect(Object.keys(byName.get('okr-sync.yml')?.on ?? {})).toEqual(['schedule', 'workflow_dispatch']);
    expect(reusable?.jobs.sync?.if).toBe("github.event_name == 'schedule' || (github.event_name == 'workflow_dispatch' && github.ref_name == github.event.repository.default_branch)");
  });

  test('runs okr sync --commit with the token in the environment, and pushes with it only when the branch moved', () => {
    const steps = reusable?.jobs.sync?.steps ?? [];
    const sync = steps.find((step) => step.run?.includes('okr.js sync'));
    expect(sync?.run).toContain('node .gitops-okr/bin/okr.js sync --commit --root "$OKR_PATH"');
    expect(sync?.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', OKR_PATH: '${{ inputs.path }}' });
    const push = steps.find((step) => step.run?.includes('git -c'));
    expect(push?.run).toContain('push origin "HEAD:refs/heads/$BRANCH"');
    expect((push as { if?: string } | undefined)?.if).toBe("steps.sync.outputs.moved == 'true'");
  });

  test('grants each job the least it needs: the sync writes contents, the dispatch of Pages only actions', () => {
    expect(reusable?.jobs.sync?.permissions).toEqual({ contents: 'write' });
    expect(reusable?.jobs.pages?.permissions).toEqual({ actions: 'write' });
    expect(reusable?.jobs.pages?.if).toBe("always() && needs.sync.outputs.pushed == 'true'");
    expect(reusable?.jobs.pages?.steps?.map((step) => step.run)).toEqual(['gh workflow run "$WORKFLOW" --repo "$GITHUB_REPOSITORY" --ref "$BRANCH"']);
  });
});

describe('the check-in workflow', () => {
  const reusable = byName.get('reusable-checkin.yml');

  test('runs on new issue comments that start with /checkin, not from bots, with the action of the default branch', () => {
    expect(byName.get('okr-checkin.yml')?.on).toEqual({ issue_comment: { types: ['created'] } });
    expect(byName.get('okr-checkin.yml')?.jobs.checkin?.with?.['gitops-okr-ref']).toBe('${{ github.event.repository.default_branch }}');
    expect(reusable?.jobs.checkin?.if).toBe(
      "github.event_name == 'issue_comment' && github.event.action == 'created' && startsWith(github.event.comment.body, '/checkin') && github.event.comment.user.type != 'Bot'",
    );
  });

  test('checks out only the default branch and the action, runs no script, and writes contents, issues and pull requests', () => {
    const steps = reusable?.jobs.checkin?.steps ?? [];
    expect(steps.filter((step) => step.uses?.startsWith('actions/checkout@')).map((step) => step.with?.ref)).toEqual(['${{ github.event.repository.default_branch }}', '${{ inputs.gitops-okr-ref }}']);
    expect(steps.filter((step) => step.run !== undefined)).toEqual([]);
    expect(steps.at(-1)?.uses).toBe('./.gitops-okr/action');
    expect(reusable?.jobs.checkin?.permissions).toEqual({ contents: 'write', issues: 'write', 'pull-requests': 'write' });
  });
});

describe('the pages workflows', () => {
  test('build on push and on demand, and nightly in a file of its own', () => {
    expect(Object.keys(byName.get('pages.yml')?.on ?? {})).toEqual(['push', 'workflow_dispatch']);
    expect(Object.keys(byName.get('pages-nightly.yml')?.on ?? {})).toEqual(['schedule']);
  });

  test('build from the whole history with the site action and the origin and base path from configure-pages, then deploy', () => {
    const reusable = byName.get('reusable-pages.yml');
    const steps = reusable?.jobs.build?.steps ?? [];
    expect(steps[0]?.with?.['fetch-depth']).toBe(0);
    // The site action restores and saves the history cache itself (its `cache` input, on by default); nothing here turns it off.
    expect(steps.find((step) => step.uses === './.gitops-okr/site')?.with).toEqual({ site: '${{ steps.pages.outputs.origin }}', base: '${{ steps.pages.outputs.base_path }}' });
    expect(steps.at(-1)).toMatchObject({ uses: expect.stringMatching(/^actions\/upload-pages-artifact@/), with: { path: '${{ steps.site.outputs.dir }}' } });
    expect(reusable?.jobs.build?.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(reusable?.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(reusable?.jobs.deploy?.steps?.[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });
});

describe('docs/github.md', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'github.md'), 'utf8');
  const snippets = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

  test('shows a reusable workflow, the check action and the site action used from another repository', () => {
    expect(snippets).toHaveLength(3);
    expect(snippets[0]).toContain(`uses: gitops-okr/gitops-okr/.github/workflows/reusable-check.yml@v${packageJson.version}`);
    expect(snippets[1]).toContain(`uses: gitops-okr/gitops-okr/action@v${packageJson.version}`);
    expect(snippets[2]).toContain(`uses: gitops-okr/gitops-okr/site@v${packageJson.version}`);
  });

  test.each(snippets.map((snippet, index) => [index, snippet] as const))('snippet %i is a workflow GitHub accepts, pinned and granting nothing at the top', async (index, snippet) => {
    expect(await workflowErrors(`doc-${index}.yml`, snippet)).toEqual([]);
    expect(pinProblems(snippet, packageJson.version)).toEqual([]);
    expect(parseWorkflow(snippet).permissions).toEqual({});
  });

  test('pins the same action versions as the workflows of this repository', () => {
    const pins = (text: string) => new Set([...text.matchAll(/uses: (actions\/[\w-]+@[0-9a-f]{40} # v[\d.]+)/g)].map((match) => match[1]));
    const ours = new Set(workflowFiles.flatMap((file) => [...pins(read(file))]));
    for (const pin of pins(doc)) expect(ours).toContain(pin);
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it for your OKRs'), readme.indexOf('## Quick start'));

  test('gives each way to adopt gitops-okr in at most two steps', () => {
    const paths = section.split(/\n(?=\*\*)/).filter((part) => /^\*\*An? (new|existing) repository\*\*/.test(part));
    expect(paths).toHaveLength(2);
    for (const part of paths) expect(part.match(/^\d+\. /gm)).toEqual(['1. ', '2. ']);
    expect(section).toContain('https://github.com/gitops-okr/template');
    expect(section).toContain('`npx gitops-okr init --github`');
    expect(section).toContain('`npm i -D gitops-okr`');
    expect(section).toContain('Settings → Pages → Source: GitHub Actions');
  });

  test('keeps the quick start of this checkout', () => {
    expect(readme).toContain('## Quick start\n\n```sh\nnpm ci\nnpm run build   # builds the progress site from okrs/ into dist/\nnpm test        # typecheck and the test suite\n```\n');
  });

  test('has no workflow of its own to copy any more, only the pointer to docs/github.md', () => {
    expect(readme).not.toContain('```yaml');
    expect(readme).not.toContain('<owner>/<repo>');
    expect(readme).toContain('[docs/github.md](docs/github.md)');
  });
});
