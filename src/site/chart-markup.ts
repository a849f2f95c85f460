/**
 * A key result's chart as one string of markup: the SVG (grid, today, targets, expected pace,
 * trend, actual values and their dots), its legend, and the visually hidden table of its numbers.
 * An objective page has a chart per key result and each chart dozens of elements: written as
 * one template instead of an element-by-element component, a chart costs a string's time.
 * The geometry is src/site/chart.ts's; every text and attribute value is escaped for where it lands.
 */
import { formatDay, formatNumber, formatValue, percent, plural } from './format.ts';
import { attribute, escapeAttribute, escapeHtml } from './html.ts';
import type { KeyResultView } from './model.ts';

/** The chart of `kr`; `chartId` is unique on the page, for the ids of its title and description. */
export function keyResultChartHtml(kr: KeyResultView, chartId: string): string {
  const chart = kr.chart;
  const titleId = `chart-${chartId}-title`;
  const descId = `chart-${chartId}-desc`;
  const { left, right, top, bottom } = chart.plot;
  let svg = `<svg viewBox="${escapeAttribute(`0 0 ${chart.width} ${chart.height}`)}" role="img" aria-labelledby="${escapeAttribute(`${titleId} ${descId}`)}">`;
  svg += `<title id="${escapeAttribute(titleId)}">${escapeHtml(kr.title)}</title><desc id="${escapeAttribute(descId)}">${escapeHtml(chartDescription(kr))}</desc>`;
  svg += '<g class="grid">';
  for (const tick of chart.yTicks) {
    svg += `<line x1="${left}" x2="${right}" y1="${tick.position}" y2="${tick.position}"></line>`;
    svg += `<text x="${left - 6}" y="${tick.position}" dy="0.32em" text-anchor="end">${escapeHtml(tick.label)}</text>`;
  }
  chart.xTicks.forEach((tick, index) => {
    svg += `<text x="${tick.position}" y="${chart.height - 8}" text-anchor="${index === 0 ? 'start' : 'end'}">${escapeHtml(tick.label)}</text>`;
  });
  svg += '</g>';
  if (chart.today !== null) svg += `<line class="today" x1="${chart.today}" x2="${chart.today}" y1="${top}" y2="${bottom}"></line>`;
  for (const target of chart.targets) {
    svg += `<line class="target" x1="${left}" x2="${right}" y1="${target.y}" y2="${target.y}"></line>`;
    svg += `<text class="target-label" x="${right}" y="${target.y - 4}" text-anchor="end">${escapeHtml(target.label)}</text>`;
  }
  if (chart.expected !== null) svg += `<path class="expected"${attribute('d', chart.expected)}></path>`;
  if (chart.trend !== null) svg += `<path class="trend"${attribute('d', chart.trend)}></path>`;
  if (chart.actual !== null) svg += `<path class="actual"${attribute('d', chart.actual)}></path>`;
  svg += '<g class="dots">';
  for (const dot of chart.dots) svg += `<circle${dot.synced ? ' class="synced"' : ''} cx="${dot.x}" cy="${dot.y}" r="3"></circle>`;
  svg += '</g></svg>';

  let legend = '<figcaption class="legend"><span class="legend-actual">actual</span>';
  if (chart.expected !== null) legend += '<span class="legend-expected">expected pace</span>';
  if (chart.targets.length > 0) legend += '<span class="legend-target">target</span>';
  if (chart.trend !== null) legend += '<span class="legend-trend">trend</span>';
  if (chart.dots.some((dot) => dot.synced)) legend += '<span class="legend-synced">synced automatically</span>';
  legend += '</figcaption>';

  const unit = kr.unit ?? undefined;
  let rows = '';
  for (const row of kr.rows) {
    rows += `<tr><td>${escapeHtml(formatDay(row.date))}</td><td>${escapeHtml(formatValue(row.value, unit))}</td><td>${escapeHtml(percent(row.progress))}</td><td>${row.confidence === null ? '–' : escapeHtml(formatNumber(row.confidence))}</td></tr>`;
  }
  const table =
    `<div class="visually-hidden"><table><caption>Measurements of “${escapeHtml(kr.title)}”</caption>` +
    '<thead><tr><th scope="col">Date</th><th scope="col">Value</th><th scope="col">Progress</th><th scope="col">Confidence</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></div>`;
  return `<figure class="chart">${svg}${legend}</figure>${table}`;
}

/** What the chart shows, in words: its `<desc>`, read by screen readers. */
function chartDescription(kr: KeyResultView): string {
  const unit = kr.unit ?? undefined;
  return [
    `${kr.rows.length === 0 ? 'No measurements yet' : `${plural(kr.rows.length, 'measurement')}, latest ${formatValue(kr.value, unit)}`}.`,
    kr.target !== null ? `Target ${formatValue(kr.target, unit)}${kr.due ? ` by ${formatDay(kr.due)}` : ''}.` : '',
    kr.expected !== null ? `Expected pace ${percent(kr.expected)}, progress ${percent(kr.progress)}.` : `Progress ${percent(kr.progress)}.`,
    kr.trend?.reachesTargetOn ? `At the current trend the target is reached on ${formatDay(kr.trend.reachesTargetOn)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
