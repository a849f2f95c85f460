/**
 * The shape of progress over time: what `okr history --format json` prints and
 * what the site, the feed and the pull-request check read. docs/history.md
 * documents every field; changing a field is a breaking change.
 */
import type { KeyResultKind } from './score.ts';

export interface SeriesPoint {
  /** Calendar day of the change: the commit's date, or the key result's `as_of` when it backdates the change. */
  date: string;
  /** Full commit id; `""` for the working tree of a folder that is not a git repository. */
  commit: string;
  /** `current` for metrics and thresholds (null before the first measurement), 1/0 for a milestone's `done`. */
  value: number | null;
  /** 0–1, as scored on that day. */
  progress: number;
  /** 0–1, the share of the key result's window elapsed on that day; null for an open-ended period. */
  expected: number | null;
  confidence?: number;
}

export interface KeyResultHistory {
  id: string;
  title: string;
  kind: KeyResultKind;
  baseline?: number;
  target?: number;
  keep_above?: number;
  keep_below?: number;
  unit?: string;
  due: string | null;
  weight: number;
  status: 'active' | 'dropped';
  series: SeriesPoint[];
  /** Least-squares trend over the recent points; null with fewer than two points or no movement. */
  trend: { slopePerDay: number; reachesTargetOn: string | null } | null;
}

export interface ObjectiveHistory {
  id: string;
  title: string;
  /** Path of the latest version. */
  path: string;
  /** Earlier paths, oldest first, when the file was renamed. */
  previousPaths: string[];
  period: { label: string; start: string; end: string | null };
  owner: string | null;
  type: 'aspirational' | 'committed';
  alignedTo: string;
  /**
   * Never published: `private: true` in the latest version, a latest version whose `private:` is anything but
   * `false`, one that cannot be read, or one that fails the schema after the objective was private.
   */
  private: boolean;
  created: { date: string; commit: string };
  /** Set when the file is gone from the current tree: the objective is archived. */
  deleted: { date: string; commit: string } | null;
  keyResults: KeyResultHistory[];
}

export interface KeyResultChange {
  kr: string;
  from: number | null;
  to: number | null;
  progressFrom: number | null;
  progressTo: number;
  confidenceFrom?: number | null;
  confidenceTo?: number | null;
}

export interface Checkin {
  commit: string;
  /** Calendar day the check-in counts for: the commit's date, or the latest `as_of` among its changes when that backdates it. */
  date: string;
  /** The commit's own calendar day, present only when `as_of` moved `date` away from it. */
  committed?: string;
  author: string;
  /** The commit message: subject, a blank line, then the body. */
  message: string;
  objective: string;
  changes: KeyResultChange[];
}

export interface HistoryWarning {
  message: string;
  commit?: string;
  path?: string;
  line?: number;
}

export interface History {
  generatedAt: string;
  repo: string;
  /** Every mission file's latest version, by path. */
  missions: { path: string; mission: string; owner: string | null; body: string }[];
  objectives: ObjectiveHistory[];
  /** Newest first. */
  checkins: Checkin[];
  warnings: HistoryWarning[];
  /**
   * Commits that changed the file of an objective that is, was or may be private (created, edited, renamed or
   * deleted it). Their notes are not published; `publicHistory` hides them and leaves this list out.
   */
  privateCommits?: string[];
}
