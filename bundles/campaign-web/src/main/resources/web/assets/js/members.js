// The member directory: search by name or ODS code, filter by type and region, through /api/v1/members (the server
// filters and pages; a page of 50 is a few kilobytes however many members there are).
import { h, fill, scroller, publicJson, formatDate } from './common.js';

const LIMIT = 50;
const form = document.getElementById('member-search');
const q = document.getElementById('q');
const type = document.getElementById('type');
const region = document.getElementById('region');
const count = document.getElementById('result-count');
const results = document.getElementById('results');
const pager = document.getElementById('pager');
const prev = document.getElementById('prev-page');
const next = document.getElementById('next-page');
let offset = 0;
let sequence = 0;
let timer = null;

function params() {
  const p = new URLSearchParams();
  if (q.value.trim()) p.set('q', q.value.trim());
  if (type.value) p.set('type', type.value);
  if (region.value) p.set('region', region.value);
  return p;
}

async function search(keepOffset = false) {
  if (!keepOffset) offset = 0;
  const p = params();
  history.replaceState(null, '', p.toString() ? `/members?${p}` : '/members');
  p.set('offset', offset);
  p.set('limit', LIMIT);
  const mine = ++sequence;
  results.setAttribute('aria-busy', 'true');
  let page;
  try {
    page = await publicJson(`/api/v1/members?${p}`);
  } catch (e) {
    if (mine === sequence) fill(results, h('p', { class: 'error-summary', role: 'alert' },
      `The search failed (${e.message}).`));
    return;
  }
  if (mine !== sequence) return; // a newer search has been started meanwhile
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.items.length;
  count.textContent = page.total === 0 ? 'No members match.'
    : page.total <= LIMIT ? `${page.total} member${page.total === 1 ? '' : 's'}`
      : `Members ${from} to ${to} of ${page.total}`;
  fill(results, page.items.length === 0 ? [] : scroller('Members', h('table', { id: 'members-table' },
    h('caption', { class: 'sr-only' }, 'Members matching the search'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'ODS code'),
      h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Region'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Signed up'))),
    h('tbody', {}, page.items.map(m => h('tr', { 'data-ods': m.odsCode },
      h('td', {}, h('a', { href: `/members/${encodeURIComponent(m.odsCode)}` }, m.name),
        m.status === 'withdrawn' ? ' (withdrawn)' : ''),
      h('td', {}, m.odsCode), h('td', {}, typeLabel(m.type)), h('td', { class: 'hide-narrow' }, m.region || ''),
      h('td', { class: 'hide-narrow nowrap' }, formatDate(m.joined))))))));
  pager.hidden = page.total <= LIMIT;
  prev.disabled = page.offset === 0;
  next.disabled = to >= page.total;
}

function typeLabel(value) {
  const option = [...type.options].find(o => o.value === value);
  return option ? option.textContent : value;
}

form.addEventListener('submit', e => { e.preventDefault(); search(); });
q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250); });
type.addEventListener('change', () => search());
region.addEventListener('change', () => search());
prev.addEventListener('click', () => { offset = Math.max(0, offset - LIMIT); search(true); });
next.addEventListener('click', () => { offset += LIMIT; search(true); });

const initial = new URLSearchParams(location.search);
q.value = initial.get('q') || '';
type.value = initial.get('type') || '';
region.value = initial.get('region') || '';
search();
