/**
 * The GitHub side of an OKR repository: the workflows that call gitops-okr's reusable
 * workflows, pinned to one version, and the Dependabot entry that turns a new version into a
 * pull request. One source for both `okr init --github` and template/ (`npm run template`
 * writes template/ from here; a test keeps them equal).
 */

/** Where gitops-okr lives on GitHub: its actions, reusable workflows and releases. */
export const TOOL_REPOSITORY = 'gitops-okr/gitops-okr';

/** The repository "Use this template" starts from; the release workflow keeps it in step with template/. */
export const TEMPLATE_REPOSITORY = 'gitops-okr/template';

export interface ScaffoldFile {
  /** Path from the root of the repository. */
  path: string;
  content: string;
}

export interface GithubOptions {
  /** The package version the workflows are pinned to, e.g. `0.1.0`. */
  version: string;
  /** The branch whose pushes publish the site. */
  branch: string;
}

function reusable(file: string, version: string): string {
  return `${TOOL_REPOSITORY}/.github/workflows/${file}@v${version}`;
}

const STANDS_ALONE =
  '# A file of its own because GitHub turns off a scheduled workflow after 60 days without\n' + '# activity in the repository; then Actions → this workflow → "Enable workflow" restarts it.\n';

export function githubWorkflows(options: GithubOptions): ScaffoldFile[] {
  const { version } = options;
  return [
    {
      path: '.github/workflows/okr-check.yml',
      content: `# Checks the OKRs of every pull request that touches okrs/: problems as annotations on their
# lines, what the pull request moves in the job summary, and the report that okr-comment.yml
# posts. It runs the pull request's files, so it gets a read-only token.
name: OKR check

on:
  pull_request:
    paths: ['okrs/**']

permissions: {}

concurrency:
  group: okr-check-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  check:
    permissions:
      contents: read
    uses: ${reusable('reusable-check.yml', version)}
`,
    },
    {
      path: '.github/workflows/okr-comment.yml',
      content: `# Posts the OKR check's report as one comment on the pull request, updated on every push.
# It reads the check's report as data and never checks out or runs the pull request's code.
name: OKR comment

on:
  workflow_run:
    workflows: [OKR check]
    types: [completed]

permissions: {}

jobs:
  comment:
    permissions:
      actions: read
      contents: read
      pull-requests: write
    uses: ${reusable('reusable-comment.yml', version)}
`,
    },
    {
      path: '.github/workflows/pages.yml',
      content: `# Publishes the progress site on GitHub Pages on every push and on demand.
# Once: Settings → Pages → Source: GitHub Actions. pages-nightly.yml rebuilds it every night.
name: Pages

on:
  push:
    branches: [${options.branch}]
  workflow_dispatch:

permissions: {}

jobs:
  pages:
    permissions:
      contents: read
      pages: write
      id-token: write
    uses: ${reusable('reusable-pages.yml', version)}
`,
    },
    {
      path: '.github/workflows/pages-nightly.yml',
      content: `# Rebuilds the progress site every night: pace and staleness move with the calendar, not only
# with commits.
${STANDS_ALONE}name: Pages nightly

on:
  schedule:
    - cron: '23 3 * * *'

permissions: {}

jobs:
  pages:
    permissions:
      contents: read
      pages: write
      id-token: write
    uses: ${reusable('reusable-pages.yml', version)}
`,
    },
    {
      path: '.github/workflows/stale-checkins.yml',
      content: `# Weekly: keeps one issue listing the key results without a check-in for 14 days, and closes
# it when none are left.
${STANDS_ALONE}name: Stale check-ins

on:
  schedule:
    - cron: '0 7 * * 1'
  workflow_dispatch:

permissions: {}

jobs:
  stale:
    permissions:
      contents: read
      issues: write
    uses: ${reusable('reusable-stale.yml', version)}
`,
    },
    {
      path: '.github/workflows/okr-sync.yml',
      content: `# Every morning: key results with a \`source:\` get their values through \`okr sync --commit\`
# on the default branch, one commit per changed value, and the site is rebuilt after a push.
${STANDS_ALONE}name: OKR sync

on:
  schedule:
    - cron: '41 5 * * *'
  workflow_dispatch:

permissions: {}

jobs:
  sync:
    permissions:
      actions: write
      contents: write
    uses: ${reusable('reusable-sync.yml', version)}
`,
    },
    {
      path: '.github/workflows/okr-checkin.yml',
      content: `# \`/checkin <objective>/<key result> <value> [confidence 0.7] [note]\` in an issue or
# pull-request comment, from someone with write access, becomes a commit on the default branch
# and an answer in the thread. Nothing of the comment or of a pull request is run.
name: OKR check-in

on:
  issue_comment:
    types: [created]

permissions: {}

jobs:
  checkin:
    permissions:
      contents: write
      issues: write
      pull-requests: write
    uses: ${reusable('reusable-checkin.yml', version)}
`,
    },
  ];
}

/** The entry that keeps the workflows (and the actions they pin) current, as YAML under `updates:`. */
export const DEPENDABOT_ENTRY = `  - package-ecosystem: github-actions
    directory: /
    schedule:
      interval: weekly
`;

export const DEPENDABOT_PATH = '.github/dependabot.yml';

export function dependabotFile(): ScaffoldFile {
  return {
    path: DEPENDABOT_PATH,
    content: `# New versions of gitops-okr's workflows arrive as pull requests.
version: 2
updates:
${DEPENDABOT_ENTRY}`,
  };
}

/** The README of a repository made from the template. */
export function templateReadme(version: string): string {
  return `# OKRs

Our objectives and key results, as markdown files in \`okrs/\`. Every pull request that
touches them is checked, and a progress site is published on GitHub Pages, by
[gitops-okr](https://github.com/${TOOL_REPOSITORY}) v${version}.

## Start in two steps

1. On GitHub, **Use this template** → **Create a new repository**.
2. In the new repository, **Settings → Pages → Source: GitHub Actions**.

The site appears at \`https://<owner>.github.io/<repository>/\` after the first push.

## Then

- Edit \`okrs/mission.md\`, and replace the example objective in \`okrs/\` with yours: the
  format is in [docs/format.md](https://github.com/${TOOL_REPOSITORY}/blob/v${version}/docs/format.md).
- A commit that changes a key result's \`current\` is a check-in; its message is the note.
- On your machine: \`npm i -D gitops-okr\`, then \`npx okr lint\`, \`npx okr status\`,
  \`npx okr checkin <objective>/<key result> <value> --commit\`.

## What runs here

- \`okr-check.yml\` and \`okr-comment.yml\`: the check and its comment on every pull request.
- \`pages.yml\` (on push) and \`pages-nightly.yml\`: the site.
- \`stale-checkins.yml\`: weekly, one issue listing key results nobody checked in for 14 days.
- \`okr-sync.yml\`: every morning, \`okr sync --commit\` for key results with a \`source:\`.
- \`okr-checkin.yml\`: \`/checkin <objective>/<key result> <value> [note]\` in a comment, from
  someone with write access, is committed and answered.
- \`.github/dependabot.yml\`: a pull request when a new version of gitops-okr is out.

The workflows call gitops-okr's reusable workflows; no tool code lives in this repository.
`;
}
