/**
 * The long lists of the site as strings of markup: a table row of an objective or a group, an
 * objective with its standing in a list, the nested lists of the alignment map. A period's page
 * has 200 rows and an alignment map's page 400 objectives; one template per list instead of a
 * component tree per row keeps those pages cheap to build. The markup is the same the
 * components wrote, byte for byte; every text and attribute value is escaped for where it lands.
 */
import type { KeyResultStatus, Grade } from '../core/score.ts';
import { STATUSES } from '../core/groups.ts';
import type { MapNode } from './alignment-map.ts';
import type { GroupEntry } from './content.ts';
import { formatDay, percent } from './format.ts';
import { escapeAttribute, escapeHtml } from './html.ts';
import type { ObjectiveView } from './model.ts';
import { paths, withBase } from './urls.ts';

/** `<span class="status status-on-track">on track</span>`: StatusBadge.astro's markup. */
export function statusBadgeHtml(status: KeyResultStatus): string {
  return `<span class="${escapeAttribute(`status status-${status.replace(/ /g, '-')}`)}">${escapeHtml(status)}</span>`;
}

/** The score with its grade written out: GradeBadge.astro's markup. */
export function gradeBadgeHtml(grade: Grade, score: number): string {
  return `<span class="${escapeAttribute(`grade grade-${grade}`)}">${Math.round(score * 100) / 100} <span class="visually-hidden">(${escapeHtml(grade)})</span></span>`;
}

/** A link to an objective's page under `prefix` (where the site's pages are), its title as the text. */
function objectiveLink(objective: Pick<ObjectiveView, 'id' | 'title'>, prefix: string): string {
  return `<a href="${escapeAttribute(withBase(paths.objective(objective.id), prefix))}">${escapeHtml(objective.title)}</a>`;
}

export interface ObjectiveRowsOptions {
  prefix: string;
  /** A column with each objective's period (an owner's objectives across periods). */
  showPeriod: boolean;
  /** A column with the final grade of a closed period. */
  graded: boolean;
}

/** The `<tr>` rows of ObjectiveTable.astro, in the order given. */
export function objectiveRowsHtml(objectives: readonly ObjectiveView[], { prefix, showPeriod, graded }: ObjectiveRowsOptions): string {
  let html = '';
  for (const objective of objectives) {
    html += `<tr><td>${objectiveLink(objective, prefix)}${objective.archived ? '<span class="tag">archived</span>' : ''}</td>`;
    if (showPeriod) html += `<td><a href="${escapeAttribute(withBase(paths.period(objective.period.label), prefix))}">${escapeHtml(objective.period.label)}</a></td>`;
    html += `<td>${escapeHtml(objective.owner ?? '–')}</td>`;
    html += `<td>${objective.type === 'committed' ? '<strong>committed</strong>' : 'aspirational'}</td>`;
    html += `<td>${statusBadgeHtml(objective.status)}</td><td>${gradeBadgeHtml(objective.grade, objective.progress)}</td>`;
    if (graded) html += `<td>${objective.finalGrade ? gradeBadgeHtml(objective.finalGrade.grade, objective.finalGrade.value) : '–'}</td>`;
    html += '</tr>';
  }
  return html;
}

/** The `<tr>` rows of GroupTable.astro: each group's roll-up over the period. */
export function groupRowsHtml(groups: readonly GroupEntry[], prefix: string): string {
  let html = '';
  for (const { group, slug } of groups) {
    const { rollup } = group;
    const statuses = STATUSES.filter((status) => rollup.statuses[status] > 0)
      .map((status) => `${rollup.statuses[status]} ${status}`)
      .join(', ');
    html += `<tr><td><a href="${escapeAttribute(withBase(paths.group(slug), prefix))}">${escapeHtml(group.name)}</a>`;
    if (group.owner !== null) html += `<small> · ${escapeHtml(group.owner)}</small>`;
    if (group.children.length > 0) html += `<small> · ${group.children.length} below</small>`;
    html += `</td><td>${rollup.objectives}</td><td>${escapeHtml(percent(rollup.progress))}</td><td>${rollup.expected === null ? '–' : escapeHtml(percent(rollup.expected))}</td>`;
    html += `<td>${escapeHtml(statuses || '–')}</td><td>${rollup.lastCheckin === null ? '–' : escapeHtml(formatDay(rollup.lastCheckin))}</td></tr>`;
  }
  return html;
}

/** The `<li>` items of AlignedList.astro: objectives with their standing and owner. */
export function alignedItemsHtml(objectives: readonly ObjectiveView[], prefix: string): string {
  let html = '';
  for (const objective of objectives) {
    html += `<li>${objectiveLink(objective, prefix)} ${escapeHtml(percent(objective.progress))} ${statusBadgeHtml(objective.status)}`;
    if (objective.owner !== null) html += `<small> · ${escapeHtml(objective.owner)}</small>`;
    html += '</li>';
  }
  return html;
}

/** A part of the alignment map as nested `<ul>` lists, each objective with its standing. */
export function alignmentTreeHtml(nodes: readonly MapNode<ObjectiveView>[], prefix: string): string {
  let html = '<ul>';
  for (const node of nodes) {
    html += `<li${node.continued ? ' class="continued"' : ''}>${objectiveLink(node.objective, prefix)} ${escapeHtml(percent(node.objective.progress))} ${statusBadgeHtml(node.objective.status)}`;
    if (node.continued) html += '<small> (continued)</small>';
    if (node.children.length > 0) html += alignmentTreeHtml(node.children, prefix);
    html += '</li>';
  }
  return `${html}</ul>`;
}
