// The member workspace: the login form, then for a member the editor may edit: its pledge actions (edit, add,
// publish), its plan and driver diagram (edit with a live preview, publish a new version) and measurements. Every
// change goes through the JSON API with the version it edits (If-Match); a 412 shows the conflict panel and keeps what
// the user typed.
import { h, fill, api, formatDate, STATUS_LABELS } from './common.js';
import { field, input, select, textarea, clearErrors, showProblem, showConflict } from './forms.js';
import { driverDiagram } from './diagram.js';
import { pdsaEditor, annotationForm } from './pdsa-editor.js';
import { iconTable } from './icon-table.js';
import { spcFigure } from './charts.js';

const root = document.getElementById('workspace');
const ods = root.dataset.ods;
const base = `/api/v1/members/${encodeURIComponent(ods)}`;
const statusEl = document.getElementById('status');
let pledges = [];

function say(message) {
  statusEl.textContent = message;
}

const etag = version => `"${version}"`;

// --- session ---------------------------------------------------------------------------------------------------------

async function start() {
  const r = await api('/api/v1/session');
  const session = r.json || { authenticated: false };
  if (!session.authenticated) {
    showLogin();
    return;
  }
  const bar = document.getElementById('session-bar');
  fill(document.getElementById('session-user'), 'Logged in as ', h('strong', {}, session.user));
  bar.hidden = false;
  document.getElementById('login-section').hidden = true;
  if (!ods) {
    showChoice(session);
    return;
  }
  if (!session.admin && !(session.members || []).includes(ods)) {
    const section = document.getElementById('choose-section');
    section.hidden = false;
    fill(document.getElementById('member-choices'), h('li', {}, `${session.user} may not edit ${ods}. `,
      h('a', { href: '/workspace' }, 'Choose a member you may edit'), '.'));
    return;
  }
  document.getElementById('editor').hidden = false;
  pledges = (await api('/api/v1/pledges')).json || [];
  await Promise.all([loadActions(), loadPlan(), loadIcons()]);
  root.dataset.loaded = 'true';
}

function showLogin() {
  const section = document.getElementById('login-section');
  section.hidden = false;
  const form = document.getElementById('login-form');
  const user = document.getElementById('login-user');
  const password = document.getElementById('login-password');
  user.dataset.field = 'user';
  password.dataset.field = 'password';
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const missing = [];
    if (!user.value.trim()) missing.push({ field: 'user', message: 'Enter your user name' });
    if (!password.value) missing.push({ field: 'password', message: 'Enter your password' });
    if (missing.length) {
      showProblem(form, { errors: missing });
      return;
    }
    const button = document.getElementById('login-submit');
    button.disabled = true;
    try {
      const r = await api('/api/v1/session', { method: 'POST', body: { user: user.value.trim(), password: password.value } });
      if (r.status === 201) {
        password.value = '';
        location.reload();
        return;
      }
      showProblem(form, null, r.status === 401 ? 'The user name or password is wrong.'
        : r.status === 429 ? (r.json && r.json.detail) || 'Too many failed logins: wait a few minutes.'
          : (r.json && r.json.detail) || `Login failed (HTTP ${r.status}).`);
    } finally {
      button.disabled = false;
    }
  });
  user.focus();
}

function showChoice(session) {
  const section = document.getElementById('choose-section');
  section.hidden = false;
  const codes = session.members || [];
  fill(document.getElementById('member-choices'), codes.length === 0 && !session.admin
    ? h('li', {}, 'Your user may not edit any member. Ask your administrator for the role member:<ODS code>.')
    : codes.map(c => h('li', {}, h('a', { href: `/workspace/${encodeURIComponent(c)}` }, `Edit ${c}`))));
  if (session.admin) {
    const form = document.getElementById('choose-form');
    form.hidden = false;
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const code = document.getElementById('choose-ods').value.trim().toUpperCase();
      if (code) location.href = `/workspace/${encodeURIComponent(code)}`;
    });
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  await api('/api/v1/session', { method: 'DELETE' });
  location.href = '/workspace';
});

/** A problem the API answered that is not about a field: login ended, forbidden, or unexpected. */
function generalProblem(form, r) {
  if (r.status === 401) {
    showProblem(form, null, 'Your login has ended. Log in again in another tab, then save again: what you typed is kept.');
  } else {
    showProblem(form, r.json, `The change was not saved (HTTP ${r.status}).`);
  }
}

// --- pledge actions --------------------------------------------------------------------------------------------------

const pledgeOptions = () => pledges.map(p => [String(p.number), `${p.number}. ${p.title}`]);
const statusOptions = Object.entries(STATUS_LABELS);

function pledgeNumber(value) {
  const p = pledges.find(x => x.name === value || x.number === value || String(x.number) === String(value));
  return p ? p.number : value;
}

/** The fields of an action, as a list of field elements, filled from an action (or empty). */
function actionFields(prefix, a = {}) {
  const controls = {
    pledge: select(pledgeOptions(), a.pledge ? pledgeNumber(a.pledge) : '1', { name: 'pledge' }),
    text: textarea(a.text, { name: 'text', maxlength: 2000, rows: 3 }),
    ownerRole: input({ name: 'ownerRole', value: a.ownerRole || '', autocomplete: 'organization-title' }),
    dueDate: input({ name: 'dueDate', type: 'date', value: a.dueDate || '' }),
    status: select(statusOptions, a.status || 'planned', { name: 'status' })
  };
  Object.entries(controls).forEach(([k, c]) => { c.id = `${prefix}-${k}`; });
  return {
    controls,
    elements: [
      field('Pledge', controls.pledge, { field: 'pledge' }),
      field('What will be done', controls.text, { field: 'text' }),
      h('div', { class: 'form-row' },
        field('Owner (a role, not a name)', controls.ownerRole, { field: 'ownerRole', hint: 'For example Chief Nurse' }),
        field('Due date (optional)', controls.dueDate, { field: 'dueDate' }),
        field('Status', controls.status, { field: 'status' }))
    ]
  };
}

function actionBody(controls) {
  return {
    pledge: Number(controls.pledge.value), text: controls.text.value, ownerRole: controls.ownerRole.value,
    dueDate: controls.dueDate.value || null, status: controls.status.value
  };
}

async function loadActions() {
  const el = document.getElementById('actions');
  const r = await api(`${base}/actions`);
  if (!r.ok) {
    fill(el, h('p', { class: 'error-summary' }, `The actions could not be loaded (HTTP ${r.status}).`));
    return;
  }
  fill(el, r.json.length === 0 ? h('p', { class: 'muted' }, 'No actions yet.') : r.json.map(actionCard));
  newActionForm();
}

function actionCard(a) {
  const state = { action: a };
  const prefix = `action-${a.id}`;
  const { controls, elements } = actionFields(prefix, a);
  const heading = h('h3', { id: `${prefix}-heading` });
  const saveButton = h('button', { type: 'submit', class: 'button', 'data-action': 'save' }, 'Save');
  const publishButton = h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'publish' },
    'Publish');
  const form = h('form', { class: 'edit-card action-card', 'data-action-id': a.id, 'aria-labelledby': heading.id,
    novalidate: true }, heading, ...elements, h('div', { class: 'button-row' }, saveButton, publishButton));
  const render = () => {
    const x = state.action;
    fill(heading, `Action ${x.id} `, h('span', { class: x.published ? 'tag tag-done' : 'tag tag-draft' },
      x.published ? `published ${formatDate(x.publishedAt)}` : 'draft'));
    publishButton.hidden = x.published;
  };
  const setValues = x => {
    controls.pledge.value = String(pledgeNumber(x.pledge));
    controls.text.value = x.text;
    controls.ownerRole.value = x.ownerRole;
    controls.dueDate.value = x.dueDate || '';
    controls.status.value = x.status;
  };
  const current = async () => ((await api(`${base}/actions`)).json || []).find(x => x.id === a.id);
  const save = async version => {
    clearErrors(form);
    const r = await api(`${base}/actions/${a.id}`, { method: 'PUT', body: actionBody(controls), ifMatch: etag(version) });
    if (r.ok) {
      state.action = r.json;
      render();
      say(`Action ${a.id} saved.`);
    } else if (r.status === 412) {
      const theirs = await current();
      showConflict(form, {
        what: `Action ${a.id}`,
        serverView: theirs ? [h('p', { class: 'server-text' }, theirs.text), h('p', { class: 'muted' },
          `Owner: ${theirs.ownerRole} · ${STATUS_LABELS[theirs.status] || theirs.status}`
          + (theirs.dueDate ? ` · due ${formatDate(theirs.dueDate)}` : ''))] : h('p', {}, 'It has been deleted.'),
        onKeepMine: () => save(theirs.version),
        onUseTheirs: () => { state.action = theirs; setValues(theirs); render(); say(`Action ${a.id}: saved version loaded.`); }
      });
    } else if (r.status === 400) {
      showProblem(form, r.json);
    } else {
      generalProblem(form, r);
    }
  };
  form.addEventListener('submit', ev => { ev.preventDefault(); save(state.action.version); });
  publishButton.addEventListener('click', async () => {
    clearErrors(form);
    const r = await api(`${base}/actions/${a.id}/publish`, { method: 'POST', ifMatch: etag(state.action.version) });
    if (r.ok) {
      state.action = r.json;
      render();
      say(`Action ${a.id} published: it is on the public page now.`);
    } else if (r.status === 412) {
      const theirs = await current();
      showConflict(form, {
        what: `Action ${a.id}`, serverView: h('p', {}, theirs ? theirs.text : 'deleted'),
        onKeepMine: () => save(theirs.version),
        onUseTheirs: () => { state.action = theirs; setValues(theirs); render(); }
      });
    } else {
      generalProblem(form, r);
    }
  });
  render();
  return form;
}

function newActionForm() {
  const el = document.getElementById('new-action');
  const { controls, elements } = actionFields('new-action');
  const form = h('form', { class: 'edit-card', id: 'new-action-form', 'aria-labelledby': 'new-action-heading',
    novalidate: true }, ...elements, h('button', { type: 'submit', class: 'button' }, 'Add as a draft'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const r = await api(`${base}/actions`, { method: 'POST', body: actionBody(controls) });
    if (r.status === 201) {
      const list = document.getElementById('actions');
      if (!list.querySelector('.action-card')) fill(list);
      list.append(actionCard(r.json));
      controls.text.value = '';
      say(`Action ${r.json.id} added as a draft.`);
    } else if (r.status === 400) {
      showProblem(form, r.json);
    } else {
      generalProblem(form, r);
    }
  });
  fill(el, form);
}

// --- plan and driver diagram -----------------------------------------------------------------------------------------

const splitKeys = text => text.split(/[\s,]+/).map(k => k.trim()).filter(Boolean);

/** The working copy's measures with their icons (the API gives editors the draft). */
async function loadIcons() {
  const el = document.getElementById('workspace-icons');
  const r = await api(`${base}/icons`);
  fill(el, r.ok ? iconTable('Measures of the working copy and their latest icons', [r.json], false)
    : h('p', { class: 'error-summary' }, `The icon summary could not be loaded (HTTP ${r.status}).`));
}

const CHART_TYPES = [['xmr', 'XmR (individual values)'], ['p', 'p (proportion, with denominators)'],
  ['u', 'u (rate, with denominators)'], ['t', 'T (time between rare events)'],
  ['g', 'G (opportunities between rare events)']];
const RULE_PROFILES = [['', 'The platform\'s default'], ['MDC', 'MDC (Making Data Count as taught now)'],
  ['NHSRPLOTTHEDOTS_0_2_2', 'NHSRplotthedots 0.2.2']];

/**
 * A target trajectory as typed ("6 from 2016-04-01; 5 from 2017-04-01") as the API's steps; what is not a number
 * or lacks its date goes to the API as typed, so that its error names the step.
 */
function steps(text) {
  return text.split(/[;\n]+/).map(t => t.trim()).filter(Boolean).map(t => {
    const m = /^(\S+)\s+from\s+(\S+)$/i.exec(t);
    const value = m ? m[1] : t;
    const n = Number(value.replace(',', '.'));
    return { value: Number.isNaN(n) ? value : n, from: m ? m[2] : null };
  });
}

async function loadPlan() {
  const el = document.getElementById('plan-editor');
  const [r, areas] = await Promise.all([api(`${base}/plan`), api('/api/v1/focus-areas')]);
  if (r.status === 404) {
    planForm(el, null, null, areas.json || []);
  } else if (!r.ok) {
    fill(el, h('p', { class: 'error-summary' }, `The plan could not be loaded (HTTP ${r.status}).`));
  } else {
    planForm(el, r.json, r.etag, areas.json || []);
    measurementForm(r.json.content.measures);
    annotationForm(document.getElementById('annotation-editor'), base, r.json.content.measures, say, generalProblem);
    await pdsaEditor(document.getElementById('pdsa-editor'), base, r.json.content, say, generalProblem);
  }
}

function planForm(el, plan, planEtag, areas) {
  const state = { plan, etag: planEtag };
  const c = plan ? plan.content : { title: '', periodStart: '', periodEnd: '', focusAreas: [], measures: [],
    diagram: { aim: '', primaryDrivers: [], secondaryDrivers: [], changeIdeas: [] } };
  const title = input({ value: c.title, id: 'plan-title' });
  const periodStart = input({ type: 'date', value: c.periodStart || '', id: 'plan-start' });
  const periodEnd = input({ type: 'date', value: c.periodEnd || '', id: 'plan-end' });
  const aim = textarea(c.diagram.aim, { rows: 2, id: 'plan-aim' });
  const areaBoxes = areas.map(a => {
    const box = h('input', { type: 'checkbox', id: `area-${a.code}`, value: a.code });
    box.checked = c.focusAreas.includes(a.code);
    return h('div', { class: 'checkbox' }, box, ' ', h('label', { for: box.id }, a.label));
  });
  const areaSet = h('fieldset', { 'data-field': 'focusAreas', id: 'plan-areas', tabindex: '-1' },
    h('legend', {}, 'Focus areas'), areaBoxes);
  const rows = { primary: h('div', { class: 'rows' }), secondary: h('div', { class: 'rows' }),
    change: h('div', { class: 'rows' }) };
  const measureRows = h('div', { class: 'rows', id: 'measure-rows' });
  const preview = h('div', { id: 'diagram-preview' });
  const statusLine = h('p', { class: 'muted', id: 'plan-state' });
  const saveButton = h('button', { type: 'submit', class: 'button', id: 'plan-save' }, 'Save the plan');
  const publishButton = h('button', { type: 'button', class: 'button button-secondary', id: 'plan-publish' },
    'Publish a new version');
  let counter = 0;

  function row(kind, item = {}) {
    const n = ++counter;
    const key = input({ value: item.key || '', id: `${kind}-${n}-key`, class: 'row-key', spellcheck: 'false' });
    const text = input({ value: item.text || '', id: `${kind}-${n}-text`, class: 'row-text' });
    const links = kind === 'primary' ? null : input({ id: `${kind}-${n}-links`, class: 'row-links', spellcheck: 'false',
      value: (kind === 'secondary' ? item.primaryKeys : item.secondaryKeys || []).join(', ') });
    const what = { primary: 'primary driver', secondary: 'secondary driver', change: 'change idea' }[kind];
    const remove = h('button', { type: 'button', class: 'button button-secondary' }, h('span', {}, 'Remove'),
      h('span', { class: 'sr-only' }, ` ${what} ${n}`));
    const el = h('div', { class: 'row-item', 'data-kind': kind },
      field('Key', key, { cls: 'key' }), field(`Text of ${what}`, text, { cls: 'text' }),
      links ? field(kind === 'secondary' ? 'Serves primary drivers' : 'Works on secondary drivers', links,
        { hint: 'Keys, comma-separated', cls: 'links' }) : null, remove);
    remove.addEventListener('click', () => { el.remove(); renumber(); drawPreview(); });
    rows[kind].append(el);
    return el;
  }

  /** Field paths follow the rows' order, so that the API's errors (diagram.primaryDrivers[1].text) land beside them. */
  function renumber() {
    const names = { primary: 'primaryDrivers', secondary: 'secondaryDrivers', change: 'changeIdeas' };
    for (const [kind, container] of Object.entries(rows)) {
      [...container.children].forEach((el, i) => {
        const path = `diagram.${names[kind]}[${i}]`;
        el.querySelector('.row-key').dataset.field = `${path}.key`;
        el.querySelector('.row-text').dataset.field = `${path}.text`;
        const links = el.querySelector('.row-links');
        if (links) links.dataset.field = `${path}.${kind === 'secondary' ? 'primaryKeys' : 'secondaryKeys'}`;
      });
    }
  }

  /** A measure as a group of fields; field paths measures[i].x follow the rows' order (see renumberMeasures). */
  function measureRow(m = {}) {
    const n = ++counter;
    const id = name => `measure-${n}-${name}`;
    const controls = {
      key: input({ value: m.key || '', id: id('key'), spellcheck: 'false' }),
      name: input({ value: m.name || '', id: id('name') }),
      type: select([['outcome', 'Outcome'], ['process', 'Process'], ['balancing', 'Balancing']], m.type || 'outcome',
        { id: id('type') }),
      unit: input({ value: m.unit || '', id: id('unit') }),
      direction: select([['down', 'Lower is better'], ['up', 'Higher is better'], ['neutral', 'Neither']],
        m.direction || 'down', { id: id('direction') }),
      baseline: input({ value: m.baseline ?? '', id: id('baseline'), inputmode: 'decimal' }),
      target: input({ value: m.target ?? '', id: id('target'), inputmode: 'decimal' }),
      linkedTo: input({ value: m.linkedTo || 'aim', id: id('linkedTo'), spellcheck: 'false' }),
      definition: textarea(m.definition, { rows: 2, id: id('definition') }),
      rebaseFrom: input({ value: (m.rebaseFrom || []).join(', '), id: id('rebaseFrom'), spellcheck: 'false' }),
      targets: input({ value: (m.targets || []).map(st => `${st.value} from ${st.from}`).join('; '), id: id('targets'),
        spellcheck: 'false' }),
      chartType: select(CHART_TYPES, m.chartType || 'xmr', { id: id('chartType') }),
      ruleProfile: select(RULE_PROFILES, m.ruleProfile || '', { id: id('ruleProfile') })
    };
    const remove = h('button', { type: 'button', class: 'button button-secondary' }, 'Remove',
      h('span', { class: 'sr-only' }, ` measure ${n}`));
    const el = h('fieldset', { class: 'measure-row', 'data-measure-row': n },
      h('legend', {}, m.name ? `Measure: ${m.name}` : 'New measure'),
      h('div', { class: 'form-row' }, field('Key', controls.key, { cls: 'key', hint: 'e.g. falls-per-1000' }),
        field('Name', controls.name), field('Type', controls.type)),
      field('Operational definition', controls.definition),
      h('div', { class: 'form-row' }, field('Unit', controls.unit), field('Which way is better', controls.direction),
        field('Baseline (optional)', controls.baseline), field('Target (optional)', controls.target)),
      h('div', { class: 'form-row' }, field('Linked to', controls.linkedTo, { hint: 'aim, or a driver key' }),
        field('Re-base the limits from', controls.rebaseFrom, { hint: 'Dates yyyy-mm-dd, separated by commas' })),
      h('div', { class: 'form-row' }, field('Target trajectory (optional)', controls.targets,
        { hint: 'Targets that change over time: value from yyyy-mm-dd, separated by semicolons, e.g. 6 from '
          + '2016-04-01; 5 from 2017-04-01. The single target applies before the first step.' }),
        field('Chart', controls.chartType), field('Rule profile', controls.ruleProfile)),
      remove);
    el.controls = controls;
    remove.addEventListener('click', () => { el.remove(); renumberMeasures(); });
    measureRows.append(el);
    return el;
  }

  function renumberMeasures() {
    [...measureRows.children].forEach((el, i) => {
      for (const [name, control] of Object.entries(el.controls)) {
        control.dataset.field = `measures[${i}].${name}`;
      }
    });
  }

  const number = text => {
    const t = String(text).trim();
    return t === '' ? null : (Number.isNaN(Number(t.replace(',', '.'))) ? t : Number(t.replace(',', '.')));
  };

  function measures() {
    return [...measureRows.children].map(el => {
      const c = el.controls;
      return {
        key: c.key.value.trim(), name: c.name.value, type: c.type.value, definition: c.definition.value,
        unit: c.unit.value, direction: c.direction.value, baseline: number(c.baseline.value),
        target: number(c.target.value), linkedTo: c.linkedTo.value.trim(), rebaseFrom: splitKeys(c.rebaseFrom.value),
        targets: steps(c.targets.value), chartType: c.chartType.value, ruleProfile: c.ruleProfile.value || null
      };
    });
  }

  function content() {
    const read = kind => [...rows[kind].children].map(el => ({
      key: el.querySelector('.row-key').value.trim(), text: el.querySelector('.row-text').value,
      links: el.querySelector('.row-links') ? splitKeys(el.querySelector('.row-links').value) : []
    }));
    return {
      title: title.value, periodStart: periodStart.value || null, periodEnd: periodEnd.value || null,
      focusAreas: areaBoxes.map(d => d.querySelector('input')).filter(b => b.checked).map(b => b.value),
      diagram: {
        aim: aim.value,
        primaryDrivers: read('primary').map(r => ({ key: r.key, text: r.text })),
        secondaryDrivers: read('secondary').map(r => ({ key: r.key, text: r.text, primaryKeys: r.links })),
        changeIdeas: read('change').map(r => ({ key: r.key, text: r.text, secondaryKeys: r.links }))
      },
      measures: measures()
    };
  }

  function setContent(x) {
    title.value = x.title;
    periodStart.value = x.periodStart || '';
    periodEnd.value = x.periodEnd || '';
    aim.value = x.diagram.aim;
    areaBoxes.forEach(d => { const b = d.querySelector('input'); b.checked = x.focusAreas.includes(b.value); });
    Object.values(rows).forEach(r => r.replaceChildren());
    x.diagram.primaryDrivers.forEach(p => row('primary', p));
    x.diagram.secondaryDrivers.forEach(p => row('secondary', p));
    x.diagram.changeIdeas.forEach(p => row('change', p));
    measureRows.replaceChildren();
    x.measures.forEach(m => measureRow(m));
    renumber();
    renumberMeasures();
    drawPreview();
  }

  let previewTimer = null;
  function drawPreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => fill(preview, driverDiagram(content().diagram)), 150);
  }

  function describe() {
    const p = state.plan;
    statusLine.textContent = !p ? 'No plan yet: saving creates it.'
      : `Working copy ${p.status === 'published' ? 'as published' : 'with unpublished changes'}`
        + `${p.publishedVersion ? `; latest published version ${p.publishedVersion}` : '; not published yet'}`
        + `; last saved by ${p.updatedBy} on ${formatDate(p.updatedAt)}.`;
    publishButton.hidden = !p;
  }

  const add = (kind, label) => h('button', { type: 'button', class: 'button button-secondary',
    onclick: () => { const el = row(kind); renumber(); el.querySelector('input').focus(); } }, label);

  const form = h('form', { class: 'edit-card', id: 'plan-form', 'aria-labelledby': 'plan-edit-heading', novalidate: true },
    statusLine,
    field('Title', title, { field: 'title' }),
    h('div', { class: 'form-row' }, field('Period start', periodStart, { field: 'periodStart' }),
      field('Period end', periodEnd, { field: 'periodEnd', hint: 'Three years after the start, less a day' })),
    areaSet,
    field('Aim', aim, { field: 'diagram.aim', hint: 'Specific, measurable and time-bound' }),
    h('div', { class: 'diagram-rows' },
      h('fieldset', {}, h('legend', {}, 'Primary drivers'), rows.primary, add('primary', 'Add a primary driver')),
      h('fieldset', {}, h('legend', {}, 'Secondary drivers'), rows.secondary, add('secondary', 'Add a secondary driver')),
      h('fieldset', {}, h('legend', {}, 'Change ideas'), rows.change, add('change', 'Add a change idea'))),
    h('h3', {}, 'Measures'),
    h('p', { class: 'muted' }, 'Recorded values stay with a measure\'s key. Re-basing starts new process limits from'
      + ' the first value on or after each date (after a deliberate change to the process).'),
    measureRows,
    h('button', { type: 'button', class: 'button button-secondary', id: 'add-measure',
      onclick: () => { const el = measureRow(); renumberMeasures(); el.querySelector('input').focus(); } },
      'Add a measure'),
    h('div', { class: 'button-row' }, saveButton, publishButton),
    h('h3', {}, 'Preview of the driver diagram'), preview);
  form.addEventListener('input', drawPreview);

  const save = async (ifMatch) => {
    clearErrors(form);
    const r = await api(`${base}/plan`, { method: 'PUT', body: content(),
      ifMatch: state.plan ? ifMatch : undefined, ifNoneMatch: state.plan ? undefined : '*' });
    if (r.ok) {
      state.plan = r.json;
      state.etag = r.etag;
      describe();
      say('Plan saved. Publish a new version when it is ready for the public.');
    } else if (r.status === 412) {
      const theirs = await api(`${base}/plan`);
      const t = theirs.json.content;
      showConflict(form, {
        what: 'The plan',
        serverView: [h('p', {}, h('strong', {}, 'Title: '), t.title), h('p', {}, h('strong', {}, 'Aim: '), t.diagram.aim),
          h('p', { class: 'muted' }, `${t.diagram.primaryDrivers.length} primary drivers, `
            + `${t.diagram.secondaryDrivers.length} secondary drivers, ${t.diagram.changeIdeas.length} change ideas; `
            + `saved by ${theirs.json.updatedBy}.`)],
        onKeepMine: () => { state.plan = theirs.json; state.etag = theirs.etag; save(theirs.etag); },
        onUseTheirs: () => { state.plan = theirs.json; state.etag = theirs.etag; setContent(t); describe(); }
      });
    } else if (r.status === 400) {
      showProblem(form, r.json);
    } else {
      generalProblem(form, r);
    }
  };
  form.addEventListener('submit', ev => { ev.preventDefault(); save(state.etag); });
  publishButton.addEventListener('click', async () => {
    clearErrors(form);
    const r = await api(`${base}/plan/publish`, { method: 'POST', ifMatch: state.etag });
    if (r.status === 201) {
      const fresh = await api(`${base}/plan`);
      state.plan = fresh.json;
      state.etag = fresh.etag;
      describe();
      say(`Version ${r.json.number} published: it is on the public page now.`);
    } else if (r.status === 412) {
      showProblem(form, null, 'The plan was changed by someone else since you opened it. Save first (you will see'
        + ' their version), then publish.');
    } else if (r.status === 400) {
      showProblem(form, r.json);
    } else {
      generalProblem(form, r);
    }
  });
  fill(el, form);
  setContent(c);
  describe();
}

// --- measurements ----------------------------------------------------------------------------------------------------

function measurementForm(measures) {
  const el = document.getElementById('measurement-editor');
  if (measures.length === 0) {
    fill(el, h('p', { class: 'muted' }, 'The plan has no measures to record.'));
    return;
  }
  const measure = select(measures.map(m => [m.key, `${m.name} (${m.unit})`]), measures[0].key, { id: 'm-measure' });
  const period = input({ type: 'month', id: 'm-period', placeholder: 'yyyy-mm' });
  const value = input({ type: 'text', inputmode: 'decimal', id: 'm-value' });
  const note = input({ id: 'm-note' });
  const denominator = input({ type: 'text', inputmode: 'decimal', id: 'm-denominator' });
  const chart = h('div', { id: 'measure-chart', 'aria-live': 'polite' });
  // the chart of the chosen measure as its editors see it (the working copy's target trajectory and chart type)
  const decimal = text => {
    const n = Number(text.trim().replace(',', '.'));
    return Number.isNaN(n) ? text : n;
  };
  async function drawChart() {
    const m = measures.find(x => x.key === measure.value);
    // rare events (T and G charts) are recorded on the day they happened, other measures by month
    const rare = m.chartType === 't' || m.chartType === 'g';
    period.type = rare ? 'date' : 'month';
    period.placeholder = rare ? 'yyyy-mm-dd' : 'yyyy-mm';
    const r = await api(`${base}/measures/${encodeURIComponent(measure.value)}`);
    fill(chart, r.status === 200 ? spcFigure(r.json.spc, { name: m.name, unit: m.unit, target: r.json.measure.target,
      targets: r.json.measure.targets || [], direction: r.json.measure.direction })
      : h('p', { class: 'muted' }, 'The chart could not be loaded.'));
  }
  measure.addEventListener('change', drawChart);
  const form = h('form', { class: 'edit-card', id: 'measurement-form', 'aria-labelledby': 'measurement-heading',
    novalidate: true },
    field('Measure', measure),
    h('div', { class: 'form-row' }, field('Month', period, { field: 'period', hint: 'yyyy-mm' }),
      field('Value', value, { field: 'value' }),
      field('Denominator (p and u charts)', denominator, { field: 'denominator',
        hint: 'What the count is out of: patients, admissions, bed days' })),
    field('Note (optional)', note, { field: 'annotation', hint: 'For example a change made that month' }),
    h('button', { type: 'submit', class: 'button' }, 'Record'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const number = value.value.trim() === '' ? null : Number(value.value.replace(',', '.'));
    if (number !== null && Number.isNaN(number)) {
      showProblem(form, { errors: [{ field: 'value', message: 'must be a number', value: value.value }] });
      return;
    }
    const r = await api(`${base}/measures/${encodeURIComponent(measure.value)}/measurements`, { method: 'POST',
      body: { period: period.value, value: number, annotation: note.value || null,
        denominator: denominator.value.trim() === '' ? null : decimal(denominator.value) } });
    if (r.status === 201) {
      say(`Recorded ${value.value} for ${period.value}.`);
      value.value = '';
      note.value = '';
      denominator.value = '';
      drawChart();
    } else if (r.status === 400) {
      showProblem(form, r.json);
    } else {
      generalProblem(form, r);
    }
  });
  fill(el, form, chart);
  drawChart();
}

start();
