import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { actionErrors, workflowErrors } from '../helpers/workflow-parser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((file) => file.endsWith('.yml')).sort();
const read = (file: string) => readFileSync(path.join(WORKFLOWS, file), 'utf8');
const ACTION_YML = readFileSync(path.join(ROOT, 'action', 'action.yml'), 'utf8');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }>;
}

describe('GitHub accepts', () => {
  test('the five workflows are there', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'okr-check.yml', 'okr-comment.yml', 'pages.yml', 'stale-checkins.yml']);
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
    const typo = read('okr-check.yml').replace('timeout-minutes:', 'timeout-minutse:');
    expect(await workflowErrors('okr-check.yml', typo)).toEqual([expect.stringContaining("Unexpected value 'timeout-minutse'")]);
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

describe('security', () => {
  const workflows = workflowFiles.map((file) => [file, parse(read(file)) as Workflow, read(file)] as const);

  test.each(workflows)('%s grants nothing at the top and names each job’s permissions', (_file, workflow) => {
    expect(workflow.permissions).toEqual({});
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeTypeOf('object');
  });

  test.each(workflows)('%s pins every action by full commit with a version comment', (_file, _workflow, text) => {
    const uses = [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, target = '', rest = ''] of uses) {
      if (target.startsWith('./')) continue;
      expect(target).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
      expect(rest).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  test.each(workflows)('%s never runs on pull_request_target', (_file, workflow, text) => {
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    expect(text).not.toContain('pull_request_target');
  });

  test.each(workflows)('%s does not keep the token in the checkout', (_file, workflow) => {
    const checkouts = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).filter((step) => step.uses?.startsWith('actions/checkout@'));
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });

  test('the comment workflow checks out only the default branch and reads the artifact as data', () => {
    const workflow = parse(read('okr-comment.yml')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['workflow_run']);
    const steps = workflow.jobs.comment?.steps ?? [];
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.ref).toBe('${{ github.event.repository.default_branch }}');
    expect(steps.at(-1)).toEqual({
      uses: './action',
      with: { 'from-report': '${{ runner.temp }}/okr-report/okr-check.json', 'expected-head-sha': '${{ github.event.workflow_run.head_sha }}' },
    });
    expect(workflow.jobs.comment?.permissions).toEqual({ actions: 'read', contents: 'read', 'pull-requests': 'write' });
  });

  test('only the jobs that write have write permissions', () => {
    const writes = workflows.flatMap(([file, workflow]) =>
      Object.entries(workflow.jobs).flatMap(([job, { permissions }]) =>
        Object.entries(permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => `${file}:${job}:${scope}`),
      ),
    );
    expect(writes.sort()).toEqual([
      'okr-comment.yml:comment:pull-requests',
      'pages.yml:deploy:id-token',
      'pages.yml:deploy:pages',
      'stale-checkins.yml:stale:issues',
    ]);
  });
});

describe('pull-request code', () => {
  test('runs only with read-only tokens: no job of a pull_request workflow may write', () => {
    const onPullRequest = workflowFiles
      .map((file) => [file, parse(read(file)) as Workflow] as const)
      .filter(([, workflow]) => Object.keys(workflow.on).includes('pull_request'));
    expect(onPullRequest.map(([file]) => file).sort()).toEqual(['ci.yml', 'okr-check.yml']);
    for (const [file, workflow] of onPullRequest) {
      for (const [job, { permissions }] of Object.entries(workflow.jobs)) {
        expect(Object.values(permissions ?? {}), `${file}:${job}`).not.toContain('write');
        expect(permissions, `${file}:${job} must set its permissions`).toBeDefined();
      }
    }
  });
});

describe('the pages workflow', () => {
  test('builds from the whole history with the base path from configure-pages, then deploys', () => {
    const workflow = parse(read('pages.yml')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['push', 'schedule', 'workflow_dispatch']);
    const steps = workflow.jobs.build?.steps ?? [];
    expect(steps[0]?.with?.['fetch-depth']).toBe(0);
    expect(steps[1]?.with?.['node-version-file']).toBe('.node-version');
    expect(read('pages.yml')).toContain('BASE_PATH: ${{ steps.pages.outputs.base_path }}');
    expect(steps.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@/);
    expect(workflow.jobs.deploy?.steps?.[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The pull-request check (GitHub Action)'));
  const snippets = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => (match[1] ?? '').replaceAll('<owner>/<repo>', 'jane/gitops-okr'));

  test('shows the workflows for other repositories', () => {
    expect(snippets).toHaveLength(3);
    for (const snippet of snippets) expect(snippet).toContain('uses: jane/gitops-okr/action@v1');
  });

  test.each(snippets.map((snippet, index) => [index, snippet] as const))('snippet %i is a workflow GitHub accepts', async (index, snippet) => {
    expect(await workflowErrors(`readme-${index}.yml`, snippet)).toEqual([]);
  });

  test('pins the same action versions as the workflows of this repository', () => {
    const pins = (text: string) => new Set([...text.matchAll(/uses: (actions\/[\w-]+@[0-9a-f]{40} # v[\d.]+)/g)].map((match) => match[1]));
    const ours = new Set(workflowFiles.flatMap((file) => [...pins(read(file))]));
    for (const pin of pins(section)) expect(ours).toContain(pin);
  });
});
