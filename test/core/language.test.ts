import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { objectiveHasAction, readKeyResult } from '../../src/core/judgement.ts';
import { isBusinessAsUsual, isVague } from '../../src/core/language.ts';
import { hasQuantity, metricNumbers } from '../../src/core/quantity.ts';

const corpus = parse(readFileSync(new URL('../fixtures/kr-corpus.yml', import.meta.url), 'utf8')) as { task: string[]; outcome: string[] };

describe('readKeyResult on the labelled key result corpus', () => {
  it('holds at least 60 labelled sentences', () => {
    expect(corpus.task.length + corpus.outcome.length).toBeGreaterThanOrEqual(60);
  });

  // This corpus calls shipping and publishing outcomes; the real-OKR policy calls them output, judged by the milder
  // kr-output-not-outcome. Only the task verdict is compared here.
  it('agrees with the labels at least 95% of the time on what is a task', () => {
    const flagged = (title: string) => readKeyResult(title).kind === 'task';
    const falseNegatives = corpus.task.filter((title) => !flagged(title));
    const falsePositives = corpus.outcome.filter(flagged);
    const agreement = 1 - (falseNegatives.length + falsePositives.length) / (corpus.task.length + corpus.outcome.length);
    expect(agreement, `missed: ${falseNegatives.join(' | ')}; flagged: ${falsePositives.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    'Attend a public speaking workshop by the end of the 1st quarter.',
    'Watch at least one TEDTalk per week.',
    'Block out 90 minutes each day to work on top-priority tasks',
    'Delegate items to other team members to focus my time on higher priority tasks.',
  ])('calls the seed example “%s” a task', (title) => {
    expect(readKeyResult(title).kind).toBe('task');
  });

  it.each([
    ['A Package Manager Working Group Roadmap is created', 'restates work as done (“is created”)'],
    ['There is a prototype implementation of GraphSync for go-ipfs', 'states that work exists'],
    ['Swagger API documentation', 'names a piece of work'],
    ['Implement CRM', 'is work to do (“implement”)'],
    ['Finish 15 books', 'is an activity (“finish”)'],
  ])('reads “%s” as a task that %s', (title, because) => {
    const reading = readKeyResult(title);
    expect(reading.kind).toBe('task');
    expect(reading.kind === 'task' && reading.because).toContain(because);
  });

  it('reads counts of own output as output, naming what was made', () => {
    expect(readKeyResult('Publish 5 blog posts')).toEqual({ kind: 'output', clause: 'Publish 5 blog posts', output: 'the posts' });
    expect(readKeyResult('Ship the beta')).toMatchObject({ kind: 'output', output: 'the beta' });
  });

  it.each([
    'LSIF is adopted by 3 customers',
    'A Daemon runs for 10 days without a crash',
    'Keep p95 API latency under 300 ms',
    'Help our customers evangelize GitLab. 3 customer talk submissions accepted',
    'Hold the line on churn below 2% monthly',
    'Reduce the time to go to definition from 2 s to 200 ms',
  ])('reads “%s” as an outcome', (title) => {
    expect(readKeyResult(title)).toEqual({ kind: 'outcome' });
  });

  it('lets the last clause decide', () => {
    expect(readKeyResult('Improve defenses. Implement top 10 actions from the risk assessment').kind).toBe('task');
    expect(readKeyResult('Provide faster support. Reduce average time to solve by 5%').kind).toBe('outcome');
  });
});

describe('objectiveHasAction', () => {
  it.each([
    'Deliver engaging presentations',
    'Proactively help customers succeed',
    'Rebuilding trust with customers',
    'gx becomes a beloved tool',
    'LSIF is adopted by customers',
    'Measure and improve performance',
  ])('sees an action or a change in “%s”', (title) => {
    expect(objectiveHasAction(title)).toBe(true);
  });
  it.each(['Presentations', 'Customer happiness', 'Availability', 'Engineering efficiency and foundations', 'Used in production'])('sees a topic in “%s”', (title) => {
    expect(objectiveHasAction(title)).toBe(false);
  });
});

describe('hasQuantity', () => {
  it.each(['Get 3 invitations', 'Win two new customers', 'Double the subscribers', 'Cut latency by half', 'Handle 1TB of data', 'Reach 99.95% availability'])('sees a quantity in “%s”', (title) => {
    expect(hasQuantity(title)).toBe(true);
  });
  it.each([
    'Review pull requests faster',
    'Make customers happier',
    'DHT interops with go-libp2p',
    'Ship v1.0 and turn off NFS',
    'Run GitLab as a Rails 5 app',
    'Ready for launch in Q3',
    'Publish the first whitepaper draft',
    'Users can opt out of every node',
  ])('sees no quantity in “%s”', (title) => {
    expect(hasQuantity(title)).toBe(false);
  });
});

describe('metricNumbers', () => {
  it('ignores years, quarters, halves, ordinals and digits inside names', () => {
    expect(metricNumbers('Make 2026 the year of Q4 and H2 wins, 1st of many')).toEqual([]);
    expect(metricNumbers('libp2p is the go-to p2p stack for tier-1 projects')).toEqual([]);
  });
  it('keeps counts, percentages and targets in words', () => {
    expect(metricNumbers('Give 12 talks and grow revenue by 20%')).toEqual(['12', '20%']);
    expect(metricNumbers('IACV doubles year over year')).toEqual(['doubles']);
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

describe('objectiveHasAction on the labelled objective corpus', () => {
  const objectives = parse(readFileSync(new URL('../fixtures/objective-corpus.yml', import.meta.url), 'utf8')) as { action: string[]; 'no-action': string[] };

  it('agrees with the labels at least 95% of the time', () => {
    const flagged = (title: string) => !objectiveHasAction(title);
    const missed = objectives['no-action'].filter((title) => !flagged(title));
    const falsePositives = objectives.action.filter(flagged);
    const agreement = 1 - (missed.length + falsePositives.length) / (objectives.action.length + objectives['no-action'].length);
    expect(agreement, `actions flagged: ${falsePositives.join(' | ')}; missed: ${missed.join(' | ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
