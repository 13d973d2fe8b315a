// A member's public page: its published plan (latest, or ?version=n) with the driver diagram drawn, its measures as
// SPC charts, and the plan's version history. (The five pledges with their published actions come rendered by the
// server with the page.) Reads as the public does (without the login cookie), so an editor sees exactly what
// everyone sees.
import { h, fill, scroller, publicJson, formatDate, formatNumber, loadError } from './common.js';
import { spcFigure, fineNumber } from './charts.js';
import { driverDiagram } from './diagram.js';
import { pdsaSection } from './pdsa.js';

const page = document.getElementById('member-page');
const ods = page.dataset.ods;
const base = `/api/v1/members/${encodeURIComponent(ods)}`;
const wanted = Number(new URLSearchParams(location.search).get('version')) || null;

async function plan() {
  const planEl = document.getElementById('plan');
  const diagramEl = document.getElementById('diagram');
  const measuresEl = document.getElementById('measures');
  const versionsEl = document.getElementById('versions');
  let versions;
  try {
    versions = await publicJson(`${base}/plan/versions`);
  } catch (e) {
    loadError(planEl, 'The plan', e);
    return;
  }
  versionsTable(versionsEl, versions);
  if (versions.length === 0) {
    fill(planEl, h('p', {}, 'This member has not published a safety improvement plan yet.'));
    fill(diagramEl, h('p', { class: 'muted' }, 'No published plan, so no driver diagram yet.'));
    fill(measuresEl, h('p', { class: 'muted' }, 'No published plan, so no measures yet.'));
    return;
  }
  const latest = versions[versions.length - 1].number;
  const number = wanted && versions.some(v => v.number === wanted) ? wanted : latest;
  let version, areas;
  try {
    [version, areas] = await Promise.all([publicJson(`${base}/plan/versions/${number}`),
      publicJson('/api/v1/focus-areas').catch(() => [])]);
  } catch (e) {
    loadError(planEl, 'The plan', e);
    return;
  }
  if (number !== latest) {
    fill(document.getElementById('version-banner'), h('p', { class: 'notice' },
      `You are looking at version ${number} of the plan, not the latest. `,
      h('a', { href: `/members/${encodeURIComponent(ods)}` }, `See the latest (version ${latest})`), '.'));
  }
  const c = version.content;
  const areaName = code => (areas.find(a => a.code === code) || {}).label || code;
  fill(planEl,
    h('h3', { id: 'plan-title' }, c.title),
    h('dl', { class: 'member-facts' },
      h('div', {}, h('dt', {}, 'Period'), h('dd', {}, `${formatDate(c.periodStart)} to ${formatDate(c.periodEnd)}`)),
      h('div', {}, h('dt', {}, 'Version'), h('dd', {}, `${version.number}, published ${formatDate(version.publishedAt)}`)),
      h('div', {}, h('dt', {}, 'Focus areas'), h('dd', {}, c.focusAreas.map(areaName).join(', ')))),
    h('p', { class: 'lede' }, h('strong', {}, 'Aim: '), c.diagram.aim));
  fill(diagramEl, driverDiagram(c.diagram));
  const pdsaEl = document.getElementById('pdsa');
  const cycles = await publicJson(`${base}/pdsa-cycles`).catch(e => ({ error: e }));
  if (cycles.error) loadError(pdsaEl, 'The PDSA cycles', cycles.error); else fill(pdsaEl, pdsaSection(cycles, c.diagram));
  await measures(measuresEl, c);
}

async function measures(el, content) {
  if (content.measures.length === 0) {
    fill(el, h('p', { class: 'muted' }, 'The plan has no measures.'));
    return;
  }
  const progress = await Promise.all(content.measures.map(m =>
    publicJson(`${base}/measures/${encodeURIComponent(m.key)}`).catch(e => ({ error: e, measure: m }))));
  fill(el, progress.map((p, i) => {
    const m = content.measures[i];
    const number = m.chartType === 'p' || m.chartType === 'u' ? fineNumber : formatNumber;
    const facts = [`${typeLabel(m.type)} measure`, m.unit ? `unit: ${m.unit}` : null,
      m.direction === 'down' ? 'lower is better' : m.direction === 'up' ? 'higher is better' : null,
      m.baseline !== null && m.baseline !== undefined ? `baseline ${number(m.baseline)}` : null,
      m.target !== null && m.target !== undefined ? `target ${number(m.target)}` : null,
      (m.targets || []).length ? `target trajectory of ${m.targets.length} step${m.targets.length === 1 ? '' : 's'}`
        : null].filter(Boolean);
    return h('article', { class: 'measure', 'data-measure': m.key, 'aria-labelledby': `measure-${m.key}` },
      h('h3', { id: `measure-${m.key}` }, m.name),
      h('p', { class: 'measure-facts' }, facts.join(' · ')),
      h('p', { class: 'muted' }, m.definition),
      p.error ? h('p', { class: 'error-summary' }, `The values could not be loaded (${p.error.message}).`)
        : spcFigure(p.spc, { name: m.name, unit: m.unit, target: m.target, targets: m.targets || [],
          direction: m.direction, notes: p.notes || [] }));
  }));
}

function typeLabel(type) {
  return { outcome: 'Outcome', process: 'Process', balancing: 'Balancing' }[type] || type;
}

function versionsTable(el, versions) {
  fill(el, versions.length === 0 ? h('p', { class: 'muted' }, 'No versions published yet.')
    : scroller('Plan versions', h('table', { id: 'versions-table' },
      h('caption', { class: 'sr-only' }, 'Published versions of the plan, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, 'Version'), h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col' }, 'Published'), h('th', { scope: 'col', class: 'hide-narrow' }, 'By'))),
      h('tbody', {}, [...versions].reverse().map(v => h('tr', {},
        h('td', { class: 'num' }, h('a', { href: `/members/${encodeURIComponent(ods)}?version=${v.number}`,
          'aria-label': `Version ${v.number}` }, String(v.number))),
        h('td', {}, v.title), h('td', {}, formatDate(v.publishedAt)),
        h('td', { class: 'hide-narrow' }, v.publishedBy)))))));
}

// On paper every table and list is shown: the printable view opens them, and so does printing any view.
const openAll = () => document.querySelectorAll('details').forEach(d => { d.open = true; });
window.addEventListener('beforeprint', openAll);

plan().then(() => {
  if (page.classList.contains('print-view')) openAll();
  page.dataset.loaded = 'true';
});
