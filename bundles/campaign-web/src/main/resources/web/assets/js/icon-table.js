// The icon summary's tables, shared by the icon summary page and the workspace: one row per measure with its latest
// Making Data Count icons (drawn with their words, never by colour alone), and the counts of each icon.
import { h, scroller, formatMonth, formatNumber } from './common.js';
import { variationIcon, assuranceIcon } from './charts.js';

/** Short column headings for the counts; the full words are in each heading's title and the API's labels. */
const SHORT = {
  common_cause: 'Common cause', improvement_high: 'Improvement (high)', improvement_low: 'Improvement (low)',
  concern_high: 'Concern (high)', concern_low: 'Concern (low)', neutral_high: 'Neutral (high)',
  neutral_low: 'Neutral (low)', consistently_passes: 'Passes', consistently_fails: 'Fails',
  inconsistent: 'Hit and miss', not_applicable: 'No assurance'
};

/**
 * A table of measures and their icons.
 *
 * @param members [{odsCode, name, measures: [...]}] as the API gives them
 * @param withMember whether to show a Member column (the national summary)
 */
export function iconTable(caption, members, withMember) {
  const rows = [];
  for (const m of members) {
    m.measures.forEach((i, n) => {
      rows.push(h('tr', { 'data-measure': `${m.odsCode}/${i.key}` },
        // the member once, over all its measures' rows
        withMember && n === 0 ? h('th', { scope: 'rowgroup', rowspan: m.measures.length },
          h('a', { href: `/members/${m.odsCode}/icons` }, m.name), h('span', { class: 'muted' }, ` (${m.odsCode})`))
          : null,
        h(withMember ? 'td' : 'th', withMember ? {} : { scope: 'row' }, i.name,
          i.unit ? h('span', { class: 'muted' }, ` (${i.unit})`) : null),
        h('td', { class: 'icon-cell', title: i.variationLabel }, variationIcon(i.variation)),
        h('td', { class: 'icon-cell', title: i.assuranceLabel }, assuranceIcon(i.assurance)),
        h('td', { class: 'num' }, i.latestValue === null ? '–' : formatNumber(i.latestValue)),
        h('td', {}, i.latestPeriod ? formatMonth(i.latestPeriod) : 'no values yet'),
        h('td', { class: 'num' }, i.target === null ? '–' : formatNumber(i.target)),
        h('td', {}, i.chartType.toUpperCase(), i.provisional && i.points > 0
          ? h('span', { class: 'muted' }, ` (${i.points} points: limits provisional)`) : ''),
        h('td', {}, `${i.ruleProfile} ${i.ruleProfileVersion}`),
        h('td', {}, h('a', { href: i.page }, h('span', {}, 'Chart'),
          h('span', { class: 'sr-only' }, ` of ${i.name}${withMember ? ' at ' + m.name : ''}`)))));
    });
  }
  if (rows.length === 0) {
    return h('p', { class: 'muted' }, 'No measures to show.');
  }
  return scroller(caption, h('table', { class: 'icon-table' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, withMember ? h('th', { scope: 'col' }, 'Member') : null,
      h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col' }, 'Variation'),
      h('th', { scope: 'col' }, 'Assurance'), h('th', { scope: 'col', class: 'num' }, 'Latest value'),
      h('th', { scope: 'col' }, 'Latest point'), h('th', { scope: 'col', class: 'num' }, 'Target'),
      h('th', { scope: 'col' }, 'Chart type'), h('th', { scope: 'col' }, 'Rule profile'),
      h('th', { scope: 'col' }, 'Chart'))),
    h('tbody', {}, rows)));
}

/**
 * How many measures show each icon of one kind, one row per group.
 *
 * @param groups [{name, counts: {measures, variation: [{icon, label, count}], assurance: [...]}}]
 * @param kind 'variation' or 'assurance'
 * @param groupName the heading of the groups' column
 */
export function countsTable(caption, groups, kind, groupName = 'Region') {
  const icons = groups[0].counts[kind];
  return scroller(caption, h('table', { class: 'icon-counts' }, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, groupName), h('th', { scope: 'col', class: 'num' }, 'Measures'),
      icons.map(c => h('th', { scope: 'col', class: 'num', title: c.label }, SHORT[c.icon] || c.icon)))),
    h('tbody', {}, groups.map(g => h('tr', {}, h('th', { scope: 'row' }, g.name),
      h('td', { class: 'num' }, g.counts.measures),
      g.counts[kind].map(c => h('td', { class: 'num' }, c.count)))))));
}
