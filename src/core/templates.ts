/** Starting points for `okr init` and `okr new`: files that pass `okr lint`. */
import { defaultObjectiveId } from './workspace.ts';

export function currentQuarter(now: string): string {
  const month = Number(now.slice(5, 7));
  return `${now.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export function periodFolder(period: string): string {
  return period.toLowerCase();
}

export function objectiveFileName(title: string): string {
  return `${defaultObjectiveId(title.replace(/[/\\]/g, ' ')).slice(0, 60).replace(/-+$/, '') || 'objective'}.md`;
}

function schemaComment(schemaPath: string | undefined): string {
  return schemaPath === undefined ? '' : `# yaml-language-server: $schema=${schemaPath}\n`;
}

export function missionTemplate(options: { owner?: string; schemaPath?: string } = {}): string {
  return `---
${schemaComment(options.schemaPath)}mission: Be an ideal candidate for promotion or hire.
${options.owner ? `owner: ${yamlString(options.owner)}\n` : ''}---
Why these goals matter: write your "why" here. Every objective in this folder and below serves it.
`;
}

export function objectiveTemplate(options: { title: string; period: string; owner?: string; schemaPath?: string; example?: boolean }): string {
  return `---
${schemaComment(options.schemaPath)}title: ${yamlString(options.title)}
period: ${options.period}
${options.owner ? `owner: ${yamlString(options.owner)}\n` : ''}type: aspirational
aligned_to: mission
key_results:
  - id: first-result
    title: Raise the first measure from 0 to 10
    baseline: 0
    target: 10
    current: 0
    confidence: 0.5
  - id: second-result
    title: Cut the second measure from 5 to 2
    baseline: 5
    target: 2
    current: 5
    confidence: 0.5
---
${options.example ? 'An example objective, to show the shape: replace it with one of yours (`okr new "<title>"`) or delete it.\n\n' : ''}What this objective is about and why it matters now.

Initiatives (the work that should move the key results):
- [ ] First step
`;
}

export function configTemplate(schemaPath?: string): string {
  return `${schemaComment(schemaPath)}# Severity per rule: error, warn or off. Rules not listed keep their default.
rules:
  objective-count: warn
  kr-outcome-not-task: warn
`;
}

export type StarterKind = 'mission' | 'objective' | 'config';

export interface StarterFile {
  /** Path inside the OKR folder. */
  name: string;
  kind: StarterKind;
  render(schemaPath: string | undefined): string;
}

/** What `okr init` writes into an OKR folder (and template/okrs/ holds): a mission, one example objective, a config. */
export function starterFiles(period: string): StarterFile[] {
  return [
    { name: 'mission.md', kind: 'mission', render: (schemaPath) => missionTemplate({ schemaPath }) },
    {
      name: `${periodFolder(period)}/deliver-engaging-presentations.md`,
      kind: 'objective',
      render: (schemaPath) => objectiveTemplate({ title: 'Deliver engaging presentations', period, schemaPath, example: true }),
    },
    { name: 'config.yml', kind: 'config', render: (schemaPath) => configTemplate(schemaPath) },
  ];
}

/** A YAML scalar for free text: plain when safe, double-quoted otherwise. */
export function yamlString(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ,.'’()&+-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) ? text : JSON.stringify(text);
}
