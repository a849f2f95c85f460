/**
 * The markup of a check-in list, written as one string: the timeline has a
 * page per 50 of possibly tens of thousands of check-ins, and a template per
 * list instead of a component tree per check-in keeps those pages cheap to
 * build. Every value is escaped as text.
 */
import { formatDay } from './format.ts';
import { escapeHtml } from './html.ts';
import type { CheckinView } from './model.ts';
import { paths, withBase } from './urls.ts';

export interface CheckinListOptions {
  repoUrl: string | null;
  /** Name the objective of each check-in (the timeline); an objective page leaves it out. */
  showObjective: boolean;
  /** Where the site's pages are, e.g. `/my-okrs/`: links to objectives go under it. */
  prefix: string;
  /** The repository of a check-in's commit when it is not `repoUrl` (an organisation's site of several repositories). */
  repoOf?: (objectiveId: string, fallback: string | null) => string | null;
}

/** The `<li>` items of the list, in the order given. */
export function checkinItems(checkins: readonly CheckinView[], { repoUrl, showObjective, prefix, repoOf }: CheckinListOptions): string {
  let html = '';
  for (const checkin of checkins) {
    html += `<li class="checkin"><p class="checkin-head"><time datetime="${escapeHtml(checkin.date.slice(0, 10))}">${escapeHtml(formatDay(checkin.date))}</time>`;
    if (checkin.author !== '') html += `<span class="checkin-author">${escapeHtml(checkin.author)}</span>`;
    if (checkin.syncedFrom !== null) html += `<span class="checkin-synced" title="${escapeHtml(`synced from ${checkin.syncedFrom}`)}">synced</span>`;
    if (checkin.commit !== '') {
      const short = escapeHtml(checkin.commit.slice(0, 7));
      const repo = repoOf ? repoOf(checkin.objective.id, repoUrl) : repoUrl;
      html += repo !== null ? `<a class="commit" href="${escapeHtml(`${repo}/commit/${checkin.commit}`)}" rel="noopener noreferrer">${short}</a>` : `<code class="commit">${short}</code>`;
    }
    html += '</p>';
    if (showObjective) {
      html += `<p class="checkin-objective"><a href="${escapeHtml(withBase(paths.objective(checkin.objective.id), prefix))}">${escapeHtml(checkin.objective.title)}</a></p>`;
    }
    html += `<p class="checkin-summary">${escapeHtml(checkin.summary)}</p><p class="checkin-subject">${escapeHtml(checkin.subject)}</p>`;
    if (checkin.body !== '') html += `<p class="checkin-body">${escapeHtml(checkin.body)}</p>`;
    html += '</li>';
  }
  return html;
}

/** Check-ins to a page of the timeline. */
export const TIMELINE_PAGE_SIZE = 50;

/**
 * A page of the timeline. Pages are numbered from the oldest check-ins: page 1 holds the first 50,
 * page 2 the next 50, and so on, so a page keeps its address and its check-ins as new ones
 * come in. The newest check-ins, the 50 to 99 after the last full page (all of them when there
 * are fewer), are the timeline's index, `checkins/`: a new check-in changes the index alone,
 * and moves 50 of its check-ins to a new page once it holds 100.
 */
export interface TimelinePage<T> {
  /** The page's number; null for the index. */
  number: number | null;
  /** Its check-ins, newest first. */
  items: T[];
  /** Where its first (oldest) and last (newest) check-in are, counted from the first check-in (1-based). */
  from: number;
  to: number;
  /** The page of the check-ins just before (older); null on page 1. */
  older: number | null;
  /** The page of the check-ins just after (newer): a number, `index`, or null on the index. */
  newer: number | 'index' | null;
  /** Every check-in on the timeline. The index alone shows it, so that the numbered pages stay as they are. */
  total: number;
}

/** The pages of the timeline for check-ins given newest first: the numbered pages oldest first, then the index. */
export function timelinePages<T>(newestFirst: readonly T[], pageSize = TIMELINE_PAGE_SIZE): TimelinePage<T>[] {
  const total = newestFirst.length;
  const numbered = total < 2 * pageSize ? 0 : Math.floor(total / pageSize) - 1;
  const oldestFirst = [...newestFirst].reverse();
  const pages: TimelinePage<T>[] = [];
  for (let number = 1; number <= numbered; number++) {
    const start = (number - 1) * pageSize;
    pages.push({
      number,
      items: oldestFirst.slice(start, start + pageSize).reverse(),
      from: start + 1,
      to: start + pageSize,
      older: number > 1 ? number - 1 : null,
      newer: number < numbered ? number + 1 : 'index',
      total,
    });
  }
  const start = numbered * pageSize;
  pages.push({ number: null, items: oldestFirst.slice(start).reverse(), from: start + 1, to: total, older: numbered > 0 ? numbered : null, newer: null, total });
  return pages;
}
