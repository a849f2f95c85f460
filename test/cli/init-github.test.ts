import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import packageJson from '../../package.json' with { type: 'json' };
import { okr } from '../helpers/cli.ts';
import { createRepo, removeTempFolders, tempFolder, type TestRepo } from '../helpers/git-repo.ts';
import { filesUnder, REUSABLES, SHIPPED_GRANTS, TEMPLATE } from '../helpers/shipped.ts';
import { workflowErrors } from '../helpers/workflow-parser.ts';
import { parseWorkflow, shippedWorkflowProblems } from '../helpers/workflow-rules.ts';

afterAll(removeTempFolders);

const NOW = '2026-11-25';
const WORKFLOWS = Object.keys(SHIPPED_GRANTS);

function existingRepo(branch = 'main'): TestRepo {
  const repo = createRepo();
  repo.git(['checkout', '-q', '-b', branch]);
  repo.write('README.md', '# Our team\n').commit('Start', '2026-10-01');
  return repo;
}

describe('okr init --github', () => {
  it('writes okrs/, the workflows and Dependabot, pinned to the version that runs, and names the one step left', async () => {
    const repo = existingRepo();
    const run = okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    expect(run.status, run.stderr).toBe(0);
    const written = [...filesUnder(repo.dir).keys()].filter((file) => !file.startsWith('.git/'));
    expect(written).toEqual(
      ['.github/dependabot.yml', ...WORKFLOWS, 'README.md', 'okrs/2026-q4/deliver-engaging-presentations.md', 'okrs/config.yml', 'okrs/mission.md'].sort((a, b) => a.localeCompare(b)),
    );
    for (const file of [...WORKFLOWS, '.github/dependabot.yml', 'okrs/mission.md']) expect(run.stdout).toContain(`wrote ${file}`);
    expect(run.stdout).toContain(`gitops-okr v${packageJson.version}`);
    expect(run.stdout).toContain('One step left, on GitHub: Settings → Pages → Source: GitHub Actions.');
    const lint = okr(['lint', '--now', NOW], { cwd: repo.dir });
    expect(lint.status, lint.stdout).toBe(0);
  });

  it('writes workflows GitHub accepts, each granting only what the reusable workflow it calls needs', async () => {
    const repo = existingRepo();
    okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    for (const [file, grants] of Object.entries(SHIPPED_GRANTS)) {
      const text = readFileSync(path.join(repo.dir, file), 'utf8');
      expect(await workflowErrors(file, text), file).toEqual([]);
      expect(shippedWorkflowProblems(text, packageJson.version, REUSABLES), file).toEqual([]);
      const workflow = parseWorkflow(text);
      expect(Object.fromEntries(Object.entries(workflow.jobs).map(([name, job]) => [name, job.permissions])), file).toEqual(grants);
      for (const job of Object.values(workflow.jobs))
        expect(job.uses).toMatch(new RegExp(`^gitops-okr/gitops-okr/\\.github/workflows/reusable-[\\w-]+\\.yml@v${packageJson.version.replaceAll('.', '\\.')}$`));
    }
    const dependabot = parse(readFileSync(path.join(repo.dir, '.github/dependabot.yml'), 'utf8'));
    expect(dependabot).toEqual({ version: 2, updates: [{ 'package-ecosystem': 'github-actions', directory: '/', schedule: { interval: 'weekly' } }] });
  });

  it('skips everything on a second run and changes nothing', () => {
    const repo = existingRepo();
    okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    const before = filesUnder(path.join(repo.dir, '.github'));
    const okrs = filesUnder(path.join(repo.dir, 'okrs'));
    const again = okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain('wrote');
    expect(again.stdout.match(/^kept /gm)).toHaveLength(11);
    expect(again.stdout).toContain('.github/dependabot.yml already updates github-actions');
    expect(filesUnder(path.join(repo.dir, '.github'))).toEqual(before);
    expect(filesUnder(path.join(repo.dir, 'okrs'))).toEqual(okrs);
  });

  it('never touches files that are there, says what it kept, and advises the Dependabot entry', () => {
    const repo = existingRepo();
    const ownPages = 'name: Our own site\non: push\njobs: {}\n';
    const ownDependabot = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: daily\n';
    const ownMission = '---\nmission: Our own why.\n---\n';
    repo.write('.github/workflows/pages.yml', ownPages).write('.github/dependabot.yml', ownDependabot).write('okrs/mission.md', ownMission);
    const run = okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(repo.dir, '.github/workflows/pages.yml'), 'utf8')).toBe(ownPages);
    expect(readFileSync(path.join(repo.dir, '.github/dependabot.yml'), 'utf8')).toBe(ownDependabot);
    expect(readFileSync(path.join(repo.dir, 'okrs/mission.md'), 'utf8')).toBe(ownMission);
    expect(run.stdout).toContain('kept .github/workflows/pages.yml (already there)');
    expect(run.stdout).toContain('kept okrs/mission.md (already there)');
    expect(run.stdout).toContain('wrote .github/workflows/pages-nightly.yml');
    expect(run.stdout).toContain('kept .github/dependabot.yml (already there)');
    expect(run.stdout).toContain('add this entry under `updates:` in .github/dependabot.yml:\n  - package-ecosystem: github-actions\n    directory: /\n');
  });

  it('publishes on pushes to the branch the repository uses', () => {
    const repo = existingRepo('master');
    okr(['init', '--github', '--now', NOW], { cwd: repo.dir });
    expect(parseWorkflow(readFileSync(path.join(repo.dir, '.github/workflows/pages.yml'), 'utf8')).on).toEqual({ push: { branches: ['master'] }, workflow_dispatch: null });
  });

  it('refuses outside a git repository, and below its root, with a hint', () => {
    const plain = tempFolder();
    const outside = okr(['init', '--github'], { cwd: plain });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('is not in one; run `git init` first');
    const repo = existingRepo();
    repo.write('docs/notes.md', 'Notes.\n');
    const below = okr(['init', '--github'], { cwd: path.join(repo.dir, 'docs') });
    expect(below.status).toBe(2);
    expect(below.stderr).toContain('run it in');
    expect(filesUnder(repo.dir).has('.github/workflows/okr-check.yml')).toBe(false);
  });

  it('writes the same files as template/ holds (the template adds only its README)', () => {
    const period = [...filesUnder(TEMPLATE).keys()].find((file) => /^okrs\/\d{4}-q\d\//.test(file))?.split('/')[1];
    expect(period).toBeDefined();
    // A day in the template's quarter.
    const [year, quarter] = (period ?? '').split('-q').map(Number);
    const day = `${year}-${String((quarter ?? 1) * 3).padStart(2, '0')}-01`;
    const repo = existingRepo();
    okr(['init', '--github', '--now', day], { cwd: repo.dir });
    const written = new Map([...filesUnder(repo.dir)].filter(([file]) => file.startsWith('.github/') || file.startsWith('okrs/')));
    const template = filesUnder(TEMPLATE);
    expect([...template.keys()].filter((file) => !written.has(file))).toEqual(['README.md']);
    for (const [file, text] of written) expect(template.get(file), file).toBe(text);
  });
});
