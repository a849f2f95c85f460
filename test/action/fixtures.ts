/** OKR files for the action's end-to-end tests: a quarter in progress on 2026-11-02. */
export const MISSION = `---
mission: Be an ideal candidate for promotion or hire.
owner: jane
---
`;

export const PRESENTATIONS = `---
title: Deliver engaging presentations
period: 2026-Q4
key_results:
  - id: feedback
    title: Raise average audience feedback from 3.6 to 4.5 out of 5
    baseline: 3.6
    target: 4.5
    current: 3.9
    unit: points
    confidence: 0.6
  - id: invites
    title: Get 3 unsolicited invitations to speak at other teams' meetings
    baseline: 0
    target: 3
    current: 1
---
Presenting well is the most visible skill for the roles I want next.
`;

export const WORK_PACE = `---
title: Increase my work pace
period: 2026-Q4
key_results:
  - id: cycle
    title: Cut the median review time from 3 days to 1
    baseline: 3
    target: 1
    current: 2.5
  - id: deploys
    title: Ship 12 releases to production this quarter
    baseline: 4
    target: 12
    current: 6
---
`;

/** A check-in on presentations, a target eased and a key result deleted on work-pace. */
export const PRESENTATIONS_CHECKIN = PRESENTATIONS.replace('current: 3.9', 'current: 4.2').replace('confidence: 0.6', 'confidence: 0.8');
export const WORK_PACE_EASED = `---
title: Increase my work pace
period: 2026-Q4
key_results:
  - id: cycle
    title: Cut the median review time from 3 days to 1
    baseline: 3
    target: 2
    current: 2.5
---
`;

/** Not valid YAML: the file cannot be read at all. */
export const MALFORMED = `---
title: Learn new skills
period: [2026-Q4
key_results:
  - id: cert
---
`;

export function baseTree(): Record<string, string> {
  return { 'okrs/mission.md': MISSION, 'okrs/2026-q4/presentations.md': PRESENTATIONS, 'okrs/2026-q4/work-pace.md': WORK_PACE };
}
