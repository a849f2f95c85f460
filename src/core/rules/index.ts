import { alignedToResolves } from './aligned-to-resolves.ts';
import { bodyBudget } from './body-budget.ts';
import { committedPostmortem } from './committed-postmortem.ts';
import { krAllMilestones } from './kr-all-milestones.ts';
import { krAmbitious } from './kr-ambitious.ts';
import { krCount } from './kr-count.ts';
import { krMeasurable } from './kr-measurable.ts';
import { krOutcomeNotTask } from './kr-outcome-not-task.ts';
import { krOutputNotOutcome } from './kr-output-not-outcome.ts';
import { krTimeBound } from './kr-time-bound.ts';
import { missionRequired } from './mission-required.ts';
import { objectiveActionOriented } from './objective-action-oriented.ts';
import { objectiveBusinessAsUsual } from './objective-business-as-usual.ts';
import { objectiveConcrete } from './objective-concrete.ts';
import { objectiveCount } from './objective-count.ts';
import { objectiveNoMetric } from './objective-no-metric.ts';
import { periodLengthRule } from './period-length.ts';
import { periodValid } from './period-valid.ts';
import type { Rule } from './rule.ts';
import { schema } from './schema.ts';
import { uniqueIds } from './unique-ids.ts';

export type { ExampleReport, Rule, RuleContext, RuleExample } from './rule.ts';

export const rules: readonly Rule[] = [
  schema,
  uniqueIds,
  periodValid,
  missionRequired,
  alignedToResolves,
  objectiveCount,
  krCount,
  periodLengthRule,
  objectiveActionOriented,
  objectiveNoMetric,
  objectiveConcrete,
  objectiveBusinessAsUsual,
  krOutcomeNotTask,
  krOutputNotOutcome,
  krMeasurable,
  krTimeBound,
  krAmbitious,
  krAllMilestones,
  bodyBudget,
  committedPostmortem,
];
