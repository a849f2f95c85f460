/**
 * Which problems become annotations. GitHub shows at most 10 annotations of a kind
 * per step and 50 per job and drops the rest silently, so the problems in files
 * the pull request changed go first and the summary lists everything.
 */
import type { LintMessage, LintResult } from '../../src/core/lint.ts';

export type AnnotationKind = 'error' | 'warning';

export interface Annotation {
  kind: AnnotationKind;
  path: string;
  message: LintMessage;
}

export interface AnnotationLimits {
  perKind: number;
  perJob: number;
}

export const GITHUB_LIMITS: AnnotationLimits = { perKind: 10, perJob: 50 };

export interface AnnotationPlan {
  shown: Annotation[];
  total: Record<AnnotationKind, number>;
  hidden: Record<AnnotationKind, number>;
}

export function planAnnotations(results: readonly LintResult[], changed: ReadonlySet<string>, limits: AnnotationLimits = GITHUB_LIMITS): AnnotationPlan {
  const all = results.flatMap((result) => result.messages.map((message): Annotation => ({ kind: message.severity === 2 ? 'error' : 'warning', path: result.path, message })));
  const ordered = all.sort(
    (a, b) => Number(!changed.has(a.path)) - Number(!changed.has(b.path)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.message.line - b.message.line || a.message.column - b.message.column,
  );
  let budget = limits.perJob;
  const shown: Annotation[] = [];
  const total = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  for (const kind of ['error', 'warning'] as const) {
    const ofKind = ordered.filter((annotation) => annotation.kind === kind);
    const take = Math.max(0, Math.min(limits.perKind, budget, ofKind.length));
    shown.push(...ofKind.slice(0, take));
    budget -= take;
    total[kind] = ofKind.length;
    hidden[kind] = ofKind.length - take;
  }
  return { shown, total, hidden };
}

/** Paths whose bytes differ between two trees: the files a pull request touched. */
export function changedPaths(base: readonly { path: string; bytes: Uint8Array }[], head: readonly { path: string; bytes: Uint8Array }[]): Set<string> {
  const before = new Map(base.map((file) => [file.path, file.bytes]));
  const changed = new Set<string>();
  for (const file of head) {
    const old = before.get(file.path);
    if (!old || !sameBytes(old, file.bytes)) changed.add(file.path);
    before.delete(file.path);
  }
  for (const path of before.keys()) changed.add(path);
  return changed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
