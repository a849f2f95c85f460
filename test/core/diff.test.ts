import { describe, expect, test } from 'vitest';
import { diffWorkspaces, isEmptyDiff, valueMoves } from '../../src/core/diff.ts';
import { exampleWorkspace } from '../helpers/workspace.ts';

const presentations = `title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: 3.9
    confidence: 0.6
    unit: points
  - id: course
    title: Pass the final assessment of a public-speaking course
    done: false`;

const pace = `title: Increase my work pace
period: 2026-Q4
key_results:
  - id: cycle
    title: Cut the median review time from 3 days to 1
    baseline: 3
    target: 1`;

describe('diffWorkspaces', () => {
  test('an unchanged tree has an empty diff', () => {
    const tree = { 'okrs/q4/presentations.md': presentations };
    const diff = diffWorkspaces(exampleWorkspace(tree), exampleWorkspace(tree));
    expect(isEmptyDiff(diff)).toBe(true);
  });

  test('a check-in moves value, confidence and progress', () => {
    const diff = diffWorkspaces(
      exampleWorkspace({ 'okrs/q4/presentations.md': presentations }),
      exampleWorkspace({ 'okrs/q4/presentations.md': presentations.replace('current: 3.9', 'current: 4.2').replace('confidence: 0.6', 'confidence: 0.8') }),
    );
    expect(diff.moved).toHaveLength(1);
    const [move] = diff.moved;
    expect(move).toMatchObject({ objective: 'presentations', kr: 'feedback', unit: 'points', value: { from: 3.9, to: 4.2 }, confidence: { from: 0.6, to: 0.8 }, target: undefined });
    expect(move?.progress.from).toBeCloseTo(1 / 3);
    expect(move?.progress.to).toBeCloseTo(2 / 3);
    expect(valueMoves(diff)).toHaveLength(1);
  });

  test('a milestone done counts as its value moving from 0 to 1', () => {
    const diff = diffWorkspaces(exampleWorkspace({ 'okrs/q4/presentations.md': presentations }), exampleWorkspace({ 'okrs/q4/presentations.md': presentations.replace('done: false', 'done: true') }));
    expect(diff.moved[0]).toMatchObject({ kr: 'course', value: { from: 0, to: 1 }, progress: { from: 0, to: 1 } });
  });

  test('a target change alone is a move without a value change', () => {
    const diff = diffWorkspaces(exampleWorkspace({ 'okrs/q4/presentations.md': presentations }), exampleWorkspace({ 'okrs/q4/presentations.md': presentations.replace('target: 4.5', 'target: 4.8') }));
    expect(diff.moved[0]).toMatchObject({ kr: 'feedback', target: { from: 4.5, to: 4.8 }, value: undefined });
    expect(valueMoves(diff)).toEqual([]);
  });

  test('objectives and key results added and removed are listed', () => {
    const diff = diffWorkspaces(
      exampleWorkspace({ 'okrs/q4/presentations.md': presentations }),
      exampleWorkspace({
        'okrs/q4/presentations.md': presentations.slice(0, presentations.indexOf('  - id: course') - 1),
        'okrs/q4/work-pace.md': pace,
      }),
    );
    expect(diff.objectivesAdded).toEqual([{ objective: 'work-pace', path: 'okrs/q4/work-pace.md', title: 'Increase my work pace' }]);
    expect(diff.keyResultsRemoved).toMatchObject([{ objective: 'presentations', kr: 'course' }]);
    expect(diff.objectivesRemoved).toEqual([]);
    expect(diff.keyResultsAdded).toEqual([]);
  });

  test('a renamed file with a pinned id is the same objective', () => {
    const pinned = `id: talks\n${presentations}`;
    const diff = diffWorkspaces(exampleWorkspace({ 'okrs/q4/presentations.md': pinned }), exampleWorkspace({ 'okrs/q4/talks.md': pinned.replace('current: 3.9', 'current: 4') }));
    expect(diff.objectivesAdded).toEqual([]);
    expect(diff.objectivesRemoved).toEqual([]);
    expect(diff.moved[0]).toMatchObject({ objective: 'talks', path: 'okrs/q4/talks.md', value: { from: 3.9, to: 4 } });
  });

  test('a deleted tree removes every objective', () => {
    const diff = diffWorkspaces(exampleWorkspace({ 'okrs/q4/presentations.md': presentations, 'okrs/q4/work-pace.md': pace }), exampleWorkspace({}));
    expect(diff.objectivesRemoved.map((ref) => ref.objective)).toEqual(['presentations', 'work-pace']);
  });

  test('files that do not match the schema are left out of the comparison', () => {
    const diff = diffWorkspaces(exampleWorkspace({ 'okrs/q4/presentations.md': presentations }), exampleWorkspace({ 'okrs/q4/presentations.md': 'title: [unclosed' }));
    expect(diff.objectivesRemoved.map((ref) => ref.objective)).toEqual(['presentations']);
  });
});
