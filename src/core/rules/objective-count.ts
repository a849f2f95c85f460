import { resolvePeriod } from '../period.ts';
import { ownerOf } from '../workspace.ts';
import { eachObjective, type Rule, type ValidObjective } from './rule.ts';
import { plural } from '../words.ts';

const MIN = 3;
const MAX = 5;

const objective = (title: string, owner = 'jane') => `---\ntitle: ${title}\nperiod: 2026-Q4\nowner: ${owner}\n---\n`;

export const objectiveCount: Rule = {
  id: 'objective-count',
  criterion: 'Brainstorm possible objectives: “brainstorm a list of 3–5 possible objectives that relate to your mission.”',
  severity: 'warn',
  description: `Each owner has ${MIN}–${MAX} objectives in a period: fewer leaves the mission thin, more spreads the effort.`,
  examples: {
    good: [
      {
        files: {
          'okrs/mission.md': '---\nmission: Be an ideal candidate for promotion or hire.\n---\n',
          'okrs/2026-q4/a.md': objective('Deliver engaging presentations'),
          'okrs/2026-q4/b.md': objective('Increase my work pace'),
          'okrs/2026-q4/c.md': objective('Learn new skills beyond the job description'),
        },
      },
    ],
    bad: [
      {
        files: {
          'okrs/mission.md': '---\nmission: Be an ideal candidate for promotion or hire.\n---\n',
          'okrs/2026-q4/a.md': objective('Deliver engaging presentations'),
        },
      },
      {
        files: {
          'okrs/mission.md': '---\nmission: Be an ideal candidate for promotion or hire.\n---\n',
          ...Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [`okrs/2026-q4/${name}.md`, objective(`Launch project ${name.toUpperCase()}`)])),
        },
      },
    ],
    reports: [
      { bad: 0, file: 'okrs/2026-q4/a.md', line: 2, column: 8, message: 'jane has 1 objective in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/a.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/b.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/c.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/d.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/e.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
      { bad: 1, file: 'okrs/2026-q4/f.md', line: 2, column: 8, message: 'jane has 6 objectives in 2026-Q4; aim for 3–5' },
    ],
  },
  check(context) {
    const groups = new Map<string, ValidObjective[]>();
    eachObjective(context, (objective) => {
      const key = `${ownerOf(context.workspace, objective) ?? ''}\u0000${resolvePeriod(objective.data.period).label}`;
      groups.set(key, [...(groups.get(key) ?? []), objective]);
    });
    for (const [key, objectives] of groups) {
      if (objectives.length >= MIN && objectives.length <= MAX) continue;
      const [owner, period] = key.split('\u0000') as [string, string];
      const whose = owner !== '' ? `${owner} has` : objectives.length === 1 ? 'There is' : 'There are';
      const message = `${whose} ${plural(objectives.length, 'objective')} in ${period}; aim for ${MIN}–${MAX}`;
      const hint = objectives.length < MIN ? 'Add objectives that serve the mission, or merge this period into a longer one' : 'Keep the 3–5 that matter most; move the rest to a later period';
      for (const objective of objectives) context.report({ file: objective, at: ['title'], message, hint });
    }
  },
};
