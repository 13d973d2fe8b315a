// The national dashboard: members and published plans from the core API, and, when the NHS Improvement partner is
// installed, its national progress figures and series (otherwise that section stays hidden: no error).
import { h, fill, scroller, api, publicJson, formatDate, formatNumber, loadError } from './common.js';
import { signupChart, spcFigure } from './charts.js';

function figure(value, label, note, key) {
  return h('div', { class: 'figure', 'data-figure': key }, h('span', { class: 'value' }, value),
    h('span', { class: 'label' }, label), note ? h('span', { class: 'note' }, note) : null);
}

async function core() {
  const figures = document.getElementById('core-figures');
  try {
    const summary = await publicJson('/api/v1/summary');
    fill(figures,
      figure(formatNumber(summary.members), 'members signed up', `${formatNumber(summary.active)} active, `
        + `${formatNumber(summary.withdrawn)} withdrawn`, 'members'),
      figure(formatNumber(summary.plansPublished), 'safety improvement plans published',
        summary.members ? `${Math.round(100 * summary.plansPublished / summary.members)}% of members` : null, 'plans'));
    fill(document.getElementById('signups-chart'),
      summary.joinedByMonth.length ? signupChart(summary.joinedByMonth, 'Members signed up by month')
        : h('p', { class: 'muted' }, 'No members yet.'));
    const plans = summary.publishedPlans;
    fill(document.getElementById('published-plans'), plans.length === 0
      ? h('p', { class: 'muted' }, 'No plans published yet.')
      : scroller('Published plans', h('table', { id: 'plans-table' },
        h('caption', { class: 'sr-only' }, 'Published safety improvement plans'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col' }, 'Plan'),
          h('th', { scope: 'col', class: 'num' }, 'Version'), h('th', { scope: 'col' }, 'Published'))),
        h('tbody', {}, plans.map(p => h('tr', {},
          h('td', {}, h('a', { href: `/members/${encodeURIComponent(p.odsCode)}` }, p.name), ` (${p.odsCode})`),
          h('td', {}, p.title), h('td', { class: 'num' }, p.version), h('td', {}, formatDate(p.publishedAt))))))));
  } catch (e) {
    loadError(figures, 'The campaign figures', e);
  }
}

async function national() {
  const section = document.getElementById('national-section');
  let r;
  try {
    r = await api('/api/v1/partners/nhsi/national', { anonymous: true });
  } catch (e) {
    return; // the partner's figures are optional: the rest of the dashboard stands on its own
  }
  if (r.status !== 200 || !r.json) {
    return; // not installed (404, or 401 for a partner route nobody declared public): show core figures only
  }
  const data = r.json;
  fill(document.getElementById('national-source'), `From NHS Improvement`
    + (data.asOf ? `, as of ${formatDate(data.asOf)}` : '')
    + (data.catalogueVersion ? ` (catalogue ${data.catalogueVersion})` : '') + '.');
  fill(document.getElementById('national-headline'), (data.headline || []).map(f =>
    figure(`${formatNumber(f.value)}${f.unit === '%' ? '%' : ''}`, f.label,
      [f.unit && f.unit !== '%' ? f.unit : null, f.note].filter(Boolean).join(' · '), f.key)));
  fill(document.getElementById('national-series'), (data.series || []).map(series => h('div',
    { class: 'measure', 'data-series': series.key },
    h('h3', {}, series.label),
    h('p', { class: 'measure-facts muted' }, [series.unit ? `Unit: ${series.unit}.` : '',
      series.improvement ? ` Improvement is ${series.improvement === 'down' ? 'lower' : series.improvement === 'up'
        ? 'higher' : series.improvement}.` : ''].join('')),
    series.spc ? spcFigure(series.spc, { name: series.label, unit: series.unit })
      : h('p', { class: 'muted' }, 'No chart for this series.'))));
  if (data.method && data.method.description) {
    section.append(h('p', { class: 'muted' }, data.method.description));
  }
  section.hidden = false;
}

core();
national();
