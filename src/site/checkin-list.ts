/**
 * The markup of a check-in list, written as one string: the timeline has a
 * page per 50 of possibly tens of thousands of check-ins, and a template per
 * list instead of a component tree per check-in keeps those pages cheap to
 * build. Every value is escaped as text.
 */
import { formatDay } from './format.ts';
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

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) as HTML that reads exactly that text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}
