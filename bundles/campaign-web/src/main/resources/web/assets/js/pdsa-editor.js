// The workspace's PDSA cycles and chart annotations: record a cycle's Plan, then fill in Do, Study and Act as the
// test runs (each save sends the version it edits: If-Match); set, change or delete the note on a measured month.
import { h, fill, api } from './common.js';
import { field, input, select, textarea, clearErrors, showProblem } from './forms.js';
import { DECISION_LABELS, cycleName } from './pdsa.js';

const FIELDS = ['plan', 'owner', 'plannedStart', 'plannedEnd', 'prediction', 'done', 'doneFrom', 'doneTo', 'study',
  'decision', 'follows', 'measures'];

/** The controls of a cycle, filled from its content (or empty), each naming the API field it edits. */
function cycleControls(prefix, x = {}, measures = []) {
  const c = {
    plan: textarea(x.plan, { rows: 2, maxlength: 2000 }),
    owner: input({ value: x.owner || '' }),
    plannedStart: input({ type: 'date', value: x.plannedStart || '' }),
    plannedEnd: input({ type: 'date', value: x.plannedEnd || '' }),
    prediction: textarea(x.prediction, { rows: 2, maxlength: 2000 }),
    done: textarea(x.done, { rows: 2, maxlength: 2000 }),
    doneFrom: input({ type: 'date', value: x.doneFrom || '' }),
    doneTo: input({ type: 'date', value: x.doneTo || '' }),
    study: textarea(x.study, { rows: 2, maxlength: 2000 }),
    decision: select([['', 'No decision yet'], ...Object.entries(DECISION_LABELS)], x.decision || ''),
    follows: input({ type: 'number', min: 1, value: x.follows || '' }),
    measures: select(measures.map(m => [m.key, m.name]), null, { multiple: true, size: Math.min(4, measures.length || 1) })
  };
  [...c.measures.options].forEach(o => { o.selected = (x.measures || []).includes(o.value); });
  FIELDS.forEach(k => { c[k].id = `${prefix}-${k}`; });
  return c;
}

function cycleFields(c) {
  return [
    h('fieldset', {}, h('legend', {}, 'Plan'),
      field('What will be tested', c.plan, { field: 'plan' }),
      h('div', { class: 'form-row' }, field('Who', c.owner, { field: 'owner' }),
        field('Starts', c.plannedStart, { field: 'plannedStart' }), field('Ends (optional)', c.plannedEnd, { field: 'plannedEnd' })),
      field('Prediction: what do you expect to happen?', c.prediction, { field: 'prediction' }),
      field('Measures it should move (optional)', c.measures, { field: 'measures', hint: 'Its marker shows on their charts' }),
      field('Continues cycle (optional)', c.follows, { field: 'follows', hint: 'An earlier cycle of this idea that decided to adapt' })),
    h('fieldset', {}, h('legend', {}, 'Do'),
      field('What was done', c.done, { field: 'done' }),
      h('div', { class: 'form-row' }, field('From', c.doneFrom, { field: 'doneFrom' }), field('To', c.doneTo, { field: 'doneTo' }))),
    h('fieldset', {}, h('legend', {}, 'Study'),
      field('What happened, compared with the prediction', c.study, { field: 'study' })),
    h('fieldset', {}, h('legend', {}, 'Act'), field('Decision', c.decision, { field: 'decision' }))
  ];
}

function readCycle(idea, c) {
  const v = k => c[k].value.trim() || null;
  return { changeIdea: idea, plan: v('plan'), owner: v('owner'), plannedStart: v('plannedStart'),
    plannedEnd: v('plannedEnd'), prediction: v('prediction'), done: v('done'), doneFrom: v('doneFrom'),
    doneTo: v('doneTo'), study: v('study'), decision: v('decision'), follows: v('follows') ? Number(v('follows')) : null,
    measures: [...c.measures.selectedOptions].map(o => o.value) };
}

/**
 * @param el       where the editor goes
 * @param base     the member's API path
 * @param content  the working copy of the plan (its change ideas and measures)
 * @param say      shows a status message
 * @param problem  shows a non-field problem of a response in a form
 */
export async function pdsaEditor(el, base, content, say, problem) {
  const ideas = content.diagram.changeIdeas || [];
  if (ideas.length === 0) {
    fill(el, h('p', { class: 'muted' }, 'The driver diagram has no change ideas to test yet.'));
    return;
  }
  const r = await api(`${base}/pdsa-cycles`);
  const cycles = r.json || [];
  const reload = () => pdsaEditor(el, base, content, say, problem);
  const existing = cycles.map(cy => {
    const c = cycleControls(`pdsa-${cy.content.changeIdea}-${cy.number}`, cy.content, content.measures);
    const form = h('form', { class: 'edit-card pdsa-form', novalidate: true, 'data-cycle': `${cy.content.changeIdea}-${cy.number}` },
      ...cycleFields(c), h('button', { type: 'submit', class: 'button' }, 'Save cycle'));
    form.addEventListener('submit', async ev => {
      ev.preventDefault();
      clearErrors(form);
      const w = await api(`${base}/pdsa-cycles/${encodeURIComponent(cy.content.changeIdea)}/${cy.number}`,
        { method: 'PUT', body: readCycle(cy.content.changeIdea, c), ifMatch: `"${cy.version}"` });
      if (w.status === 200) {
        say(`Saved ${cycleName(cy.content.changeIdea, cy.number)}.`);
        reload();
      } else if (w.status === 412) {
        showProblem(form, null, 'Someone else saved this cycle since you opened it. Reload the page to see their'
          + ' version (copy what you typed first).');
      } else if (w.status === 400) {
        showProblem(form, w.json);
      } else {
        problem(form, w);
      }
    });
    return h('details', { class: 'pdsa-edit' }, h('summary', {},
      `${cycleName(cy.content.changeIdea, cy.number)}: ${cy.content.plan}`
      + (cy.content.decision ? ` (${DECISION_LABELS[cy.content.decision]})` : '')), form);
  });
  const idea = select(ideas.map(i => [i.key, `${i.key}: ${i.text}`]), ideas[0].key, { id: 'pdsa-new-idea' });
  const c = cycleControls('pdsa-new', {}, content.measures);
  const form = h('form', { class: 'edit-card', id: 'pdsa-new-form', novalidate: true },
    field('Change idea', idea, { field: 'changeIdea' }), ...cycleFields(c),
    h('button', { type: 'submit', class: 'button' }, 'Record cycle'));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    const w = await api(`${base}/pdsa-cycles`, { method: 'POST', body: readCycle(idea.value, c) });
    if (w.status === 201) {
      say(`Recorded ${cycleName(w.json.content.changeIdea, w.json.number)}.`);
      reload();
    } else if (w.status === 400) {
      showProblem(form, w.json);
    } else {
      problem(form, w);
    }
  });
  fill(el, existing.length ? h('div', { id: 'pdsa-existing' }, existing)
    : h('p', { class: 'muted' }, 'No cycles recorded yet.'), h('h3', {}, 'Record a new cycle'), form);
}

/** Set, change or delete the note on a measured month of a measure's chart. */
export function annotationForm(el, base, measures, say, problem) {
  if (measures.length === 0) {
    fill(el, h('p', { class: 'muted' }, 'The plan has no measures to annotate.'));
    return;
  }
  const measure = select(measures.map(m => [m.key, m.name]), measures[0].key, { id: 'a-measure' });
  const period = input({ type: 'month', id: 'a-period', placeholder: 'yyyy-mm' });
  const text = input({ id: 'a-text', maxlength: 500 });
  const remove = h('button', { type: 'button', class: 'button button-secondary', id: 'a-delete' }, 'Delete the note');
  const form = h('form', { class: 'edit-card', id: 'annotation-form', novalidate: true },
    field('Measure', measure),
    field('Month', period, { field: 'period', hint: 'A month that has a value' }),
    field('Note', text, { field: 'text', hint: 'For example "new falls bundle on ward 5"' }),
    h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'button' }, 'Save note'), remove));
  const path = () => `${base}/measures/${encodeURIComponent(measure.value)}/annotations/${encodeURIComponent(period.value || '-')}`;
  const answer = (w, done) => {
    if (w.status === 200 || w.status === 204) {
      say(done);
    } else if (w.status === 400) {
      showProblem(form, w.json);
    } else {
      problem(form, w);
    }
  };
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    clearErrors(form);
    answer(await api(path(), { method: 'PUT', body: { text: text.value } }), `Note saved on ${period.value}.`);
  });
  remove.addEventListener('click', async () => {
    clearErrors(form);
    answer(await api(path(), { method: 'DELETE' }), `Note deleted from ${period.value}.`);
    text.value = '';
  });
  fill(el, form);
}
