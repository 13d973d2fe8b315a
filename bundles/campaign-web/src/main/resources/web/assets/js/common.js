// Shared helpers of the web pages: DOM building (text is always set as text, never parsed as HTML), calls to the
// JSON API, and formatting.

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element: attrs are attributes (class, id, for, href, …); children are nodes or strings (as text). */
export function h(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** Creates an SVG element, as h() does. */
export function s(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.substring(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * A box that scrolls sideways when its content (a wide table or diagram) is wider than the screen: focusable and
 * named, so that keyboard users can scroll it too.
 */
export function scroller(label, child, cls = 'table-scroll') {
  return h('div', { class: cls, tabindex: '0', role: 'region', 'aria-label': label }, child);
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  el.removeAttribute('aria-busy');
  return el;
}

/**
 * Calls the JSON API. Every call says it comes from these pages (X-Requested-With), which the API requires for
 * changes made with the login cookie. Public reads go without the cookie, so that a logged-in editor sees the public
 * page exactly as the public does. Resolves to {status, ok, json, etag}; rejects only when the network fails.
 */
export async function api(path, { method = 'GET', body, ifMatch, ifNoneMatch, anonymous = false } = {}) {
  const headers = { 'Accept': 'application/json', 'X-Requested-With': 'safety-web' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (ifNoneMatch) headers['If-None-Match'] = ifNoneMatch;
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: anonymous ? 'omit' : 'same-origin', cache: method === 'GET' ? 'no-cache' : 'no-store'
  });
  let json = null;
  const type = response.headers.get('Content-Type') || '';
  if (response.status !== 204 && type.includes('json')) {
    json = await response.json();
  }
  return { status: response.status, ok: response.ok, json, etag: response.headers.get('ETag') };
}

/** A public read: the JSON, or an Error naming the status. */
export async function publicJson(path) {
  const r = await api(path, { anonymous: true });
  if (!r.ok) {
    const e = new Error((r.json && r.json.detail) || 'HTTP ' + r.status);
    e.status = r.status;
    throw e;
  }
  return r.json;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** 2014-06-24 (or an instant) → "24 June 2014". */
export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
  return `${d} ${LONG_MONTHS[m - 1]} ${y}`;
}

/** 2014-06-01 or 2014-06 → "Jun 2014". */
export function formatMonth(iso) {
  if (!iso) return '';
  const [y, m] = iso.substring(0, 7).split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** A number with at most 2 decimals, thousands separated. */
export function formatNumber(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  return Number(v).toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export const STATUS_LABELS = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };

/** Shows an error in place of content that could not load. */
export function loadError(el, what, error) {
  fill(el, h('p', { class: 'error-summary', role: 'alert' }, `${what} could not be loaded (${error.message}).`));
}
