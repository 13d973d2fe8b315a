// The icon summary page: a member's measures (/members/{ods}/icons) or every member's by region (/icons), from the
// JSON API.
import { h, fill, publicJson, loadError } from './common.js';
import { iconTable, countsTable } from './icon-table.js';

const page = document.getElementById('icon-page');
const out = document.getElementById('icon-summary');
const ods = page.dataset.ods;

async function start() {
  try {
    if (ods) {
      const m = await publicJson(`/api/v1/members/${encodeURIComponent(ods)}/icons`);
      fill(out, m.planVersion === null
        ? h('p', { class: 'notice' }, `${m.name} has not published a safety improvement plan yet.`)
        : [h('p', { class: 'muted' }, `From published plan version ${m.planVersion}.`),
          countsTable(`Variation icons of the measures of ${m.name}`, [{ name: m.name, counts: m.counts }],
            'variation', 'Member'),
          countsTable(`Assurance icons of the measures of ${m.name}`, [{ name: m.name, counts: m.counts }],
            'assurance', 'Member'),
          iconTable(`Measures of ${m.name} and their latest icons`, [m], false)]);
    } else {
      const s = await publicJson('/api/v1/icons');
      if (s.regions.length === 0) {
        fill(out, h('p', { class: 'notice' }, 'No member has published a plan with measures yet.'));
      } else {
        fill(out, h('section', { 'aria-labelledby': 'counts-heading' },
          h('h2', { id: 'counts-heading' }, 'Icons by region'),
          countsTable('Variation icons: how many measures show each, by region',
            [...s.regions, { name: 'All regions', counts: s.total }], 'variation'),
          countsTable('Assurance icons: how many measures show each, by region',
            [...s.regions, { name: 'All regions', counts: s.total }], 'assurance')),
        s.regions.map((r, n) => h('section', { 'aria-labelledby': `region-${n}` },
          h('h2', { id: `region-${n}` }, r.name),
          iconTable(`${r.name}: members' measures and their latest icons`, r.members, true))));
      }
    }
  } catch (e) {
    loadError(out, 'The icon summary', e);
  }
  out.setAttribute('aria-busy', 'false');
  page.dataset.loaded = 'true';
}

start();
