import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasQuantity, isBusinessAsUsual, isTaskLike, isVague, leadingVerb, metricNumbers } from '../../src/core/language.ts';

const corpus = parse(readFileSync(new URL('../fixtures/kr-corpus.yml', import.meta.url), 'utf8')) as { task: string[]; outcome: string[] };

describe('isTaskLike on the labelled key result corpus', () => {
  it('holds at least 60 labelled sentences', () => {
    expect(corpus.task.length + corpus.outcome.length).toBeGreaterThanOrEqual(60);
  });

  it('agrees with the labels at least 95% of the time, and reports precision and recall', () => {
    const truePositives = corpus.task.filter(isTaskLike);
    const falseNegatives = corpus.task.filter((title) => !isTaskLike(title));
    const falsePositives = corpus.outcome.filter(isTaskLike);
    const precision = truePositives.length / (truePositives.length + falsePositives.length);
    const recall = truePositives.length / corpus.task.length;
    const agreement = (truePositives.length + corpus.outcome.length - falsePositives.length) / (corpus.task.length + corpus.outcome.length);
    console.log(
      `kr-outcome-not-task on ${corpus.task.length + corpus.outcome.length} sentences: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%, agreement ${(agreement * 100).toFixed(1)}%` +
        (falseNegatives.length ? `\n  missed tasks: ${falseNegatives.join(' | ')}` : '') +
        (falsePositives.length ? `\n  outcomes flagged: ${falsePositives.join(' | ')}` : ''),
    );
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    'Attend a public speaking workshop by the end of the 1st quarter.',
    'Watch at least one TEDTalk per week.',
    'Block out 90 minutes each day to work on top-priority tasks',
    'Delegate items to other team members to focus my time on higher priority tasks.',
  ])('flags the seed example “%s”', (title) => {
    expect(isTaskLike(title)).toBe(true);
  });
});

describe('leadingVerb', () => {
  it.each([
    ['Deliver engaging presentations', 'deliver'],
    ['Increase my work pace', 'increase'],
    ['Learn new skills and practices beyond the job description', 'learn'],
    ['Cut the review turnaround to 1 day', 'cut'],
    ['I will attend the training', 'attend'],
    ['Block out time for focus work', 'block out'],
  ])('reads the verb of “%s” as %s', (title, verb) => {
    expect(leadingVerb(title)).toBe(verb);
  });

  it('reads a known verb the tagger took for a noun only when no noun follows, unless loose', () => {
    expect(leadingVerb('Research three competitor products')).toBe('research');
    expect(leadingVerb('Work pace')).toBeUndefined();
    expect(leadingVerb('Cut review turnaround to 1 day', { loose: true })).toBe('cut');
  });

  it.each(['Presentations', 'Customer happiness', 'The new onboarding flow', 'Q4 goals'])('finds no leading verb in “%s”', (title) => {
    expect(leadingVerb(title)).toBeUndefined();
  });
});

describe('hasQuantity', () => {
  it.each(['Get 3 invitations', 'Win two new customers', 'Double the subscribers', 'Cut latency by half'])('sees a quantity in “%s”', (title) => {
    expect(hasQuantity(title)).toBe(true);
  });
  it.each(['Review pull requests faster', 'Make customers happier'])('sees no quantity in “%s”', (title) => {
    expect(hasQuantity(title)).toBe(false);
  });
});

describe('metricNumbers', () => {
  it('ignores years, quarters, halves and ordinals', () => {
    expect(metricNumbers('Make 2026 the year of Q4 and H2 wins, 1st of many')).toEqual([]);
  });
  it('keeps counts and percentages', () => {
    expect(metricNumbers('Give 12 talks and grow revenue by 20%')).toEqual(['12', '20%']);
  });
});

describe('isVague and isBusinessAsUsual', () => {
  it('calls titles made only of vague words vague', () => {
    expect(isVague('Do great things')).toBe(true);
    expect(isVague('Be better')).toBe(true);
    expect(isVague('Deliver engaging presentations')).toBe(false);
  });
  it('recognises maintenance as business as usual', () => {
    expect(isBusinessAsUsual('Maintain the build pipeline')).toBe(true);
    expect(isBusinessAsUsual('Continue weekly reporting')).toBe(true);
    expect(isBusinessAsUsual('Keep doing code reviews')).toBe(true);
    expect(isBusinessAsUsual('Increase my work pace')).toBe(false);
  });
});

describe('leadingVerb on the labelled objective corpus', () => {
  const objectives = parse(readFileSync(new URL('../fixtures/objective-corpus.yml', import.meta.url), 'utf8')) as { action: string[]; 'no-action': string[] };

  it('agrees with the labels at least 95% of the time, and reports precision and recall', () => {
    const flagged = (title: string) => leadingVerb(title) === undefined;
    const truePositives = objectives['no-action'].filter(flagged);
    const falsePositives = objectives.action.filter(flagged);
    const total = objectives.action.length + objectives['no-action'].length;
    const precision = truePositives.length / Math.max(1, truePositives.length + falsePositives.length);
    const recall = truePositives.length / objectives['no-action'].length;
    const agreement = (truePositives.length + objectives.action.length - falsePositives.length) / total;
    console.log(
      `objective-action-oriented on ${total} titles: precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%, agreement ${(agreement * 100).toFixed(1)}%` +
        (falsePositives.length ? `\n  actions flagged: ${falsePositives.join(' | ')}` : '') +
        (truePositives.length < objectives['no-action'].length ? `\n  missed: ${objectives['no-action'].filter((title) => !flagged(title)).join(' | ')}` : ''),
    );
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });
});
