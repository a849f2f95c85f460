import { checkinStale } from './checkin-stale.ts';
import { krRemovedMidPeriod } from './kr-removed-mid-period.ts';
import type { PrRule } from './pr-rule.ts';
import { targetEased } from './target-eased.ts';

export type { PrRule, PrRuleContext, PrRuleExample } from './pr-rule.ts';

export const prRules: readonly PrRule[] = [targetEased, krRemovedMidPeriod, checkinStale];
