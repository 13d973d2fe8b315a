// Form helpers of the workspace: fields with labels, errors shown beside the field they name (and summarised at the
// top of the form, linked to the fields), and the conflict panel shown when someone else saved first.
import { h } from './common.js';

let sequence = 0;

/** A labelled field. control: input, select or textarea element; field: the API's field path it edits. */
export function field(label, control, { field: path, hint, cls } = {}) {
  const id = control.id || `f-${++sequence}`;
  control.id = id;
  if (path) control.dataset.field = path;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: `field ${cls || ''}`.trim() }, h('label', { for: id }, label), hintEl, control);
}

export function input(attrs = {}) {
  return h('input', { type: 'text', ...attrs });
}

export function select(options, value, attrs = {}) {
  const el = h('select', attrs, options.map(([v, text]) => h('option', { value: v }, text)));
  el.value = value === null || value === undefined ? '' : String(value);
  return el;
}

export function textarea(value, attrs = {}) {
  const el = h('textarea', attrs);
  el.value = value || '';
  return el;
}

/** Removes the errors shown in a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(c => {
    c.removeAttribute('aria-invalid');
    const hint = c.parentElement.querySelector('.hint');
    if (hint) c.setAttribute('aria-describedby', hint.id); else c.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector(':scope > .error-summary');
  if (summary) summary.remove();
}

/** The control editing an API field path: exact, else the longest path that the error's path starts with. */
function controlFor(form, path) {
  const controls = [...form.querySelectorAll('[data-field]')];
  const exact = controls.find(c => c.dataset.field === path);
  if (exact) return exact;
  return controls.filter(c => path && (path.startsWith(c.dataset.field + '.') || path.startsWith(c.dataset.field + '[')))
    .sort((a, b) => b.dataset.field.length - a.dataset.field.length)[0] || null;
}

/**
 * Shows an API problem in a form: each error beside its field (aria-invalid, described by the message) and a
 * summary at the top linking to the fields. Focuses the summary so that screen readers announce it.
 */
export function showProblem(form, problem, fallback) {
  clearErrors(form);
  const errors = (problem && problem.errors) || [];
  const items = [];
  for (const e of errors) {
    const control = controlFor(form, e.field);
    const message = e.message + (e.value !== undefined && e.value !== null && e.value !== '' ? ` (you gave "${e.value}")` : '');
    if (control) {
      const id = `${control.id}-error`;
      if (!document.getElementById(id)) {
        control.insertAdjacentElement('beforebegin', h('p', { class: 'field-error', id }, h('span', { class: 'sr-only' },
          'Error: '), message));
        control.setAttribute('aria-invalid', 'true');
        control.setAttribute('aria-describedby', [id, control.getAttribute('aria-describedby')].filter(Boolean).join(' '));
      }
      items.push(h('li', {}, h('a', { href: `#${control.id}` }, labelOf(control) + ': ' + message)));
    } else {
      items.push(h('li', {}, `${e.field}: ${message}`));
    }
  }
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h4', {}, errors.length ? 'There is a problem' : (problem && problem.title) || 'There is a problem'),
    items.length ? h('ul', {}, items) : h('p', {}, (problem && problem.detail) || fallback || 'The change was not saved.'));
  summary.addEventListener('click', ev => {
    const a = ev.target.closest('a[href^="#"]');
    if (a) {
      ev.preventDefault();
      document.getElementById(a.getAttribute('href').substring(1)).focus();
    }
  });
  form.prepend(summary);
  summary.focus();
}

function labelOf(control) {
  const label = document.querySelector(`label[for="${control.id}"]`);
  return label ? label.textContent : control.dataset.field;
}

/**
 * The conflict panel: someone else saved this since it was opened. What the user typed stays in the form; the panel
 * shows the saved version beside it, and offers to save the user's text over it or to load the saved version.
 */
export function showConflict(form, { what, serverView, onKeepMine, onUseTheirs }) {
  const old = form.querySelector('.conflict');
  if (old) old.remove();
  const panel = h('div', { class: 'conflict', role: 'alert', tabindex: '-1' },
    h('h4', {}, 'Someone else changed this while you were editing'),
    h('p', {}, `${what} was saved by someone else after you opened it, so your change has not been saved. `
      + 'What you typed is still in the form. The version now saved is:'),
    h('div', { class: 'server-version' }, serverView),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'button', 'data-conflict': 'keep-mine',
        onclick: () => { panel.remove(); onKeepMine(); } }, 'Save my version over it'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-conflict': 'use-theirs',
        onclick: () => { panel.remove(); onUseTheirs(); } }, 'Discard mine and load the saved version')));
  form.prepend(panel);
  panel.focus();
}
