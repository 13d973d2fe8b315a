// What a plan learns while it runs: its PDSA cycles listed under the driver diagram's change ideas, and the notes on a
// measure's chart (editors' annotations of periods, and markers of the PDSA cycles linked to the measure). Markers are
// numbered and shaped (circle: annotation, square: PDSA cycle), and every chart with notes lists them in words under
// it, so nothing is told by colour alone.
import { h, s, formatDate, formatMonth } from './common.js';

export const DECISION_LABELS = { adopt: 'Adopt', adapt: 'Adapt: test again', abandon: 'Abandon' };

/** A cycle's name as people say it: "C1 cycle 2". */
export const cycleName = (idea, number) => `${idea} cycle ${number}`;

/**
 * The PDSA cycles of each change idea of the diagram, in the diagram's order, each cycle with its four stages.
 *
 * @param cycles  the API's PdsaCycle list
 * @param diagram the DriverDiagram shown (cycles of change ideas that are not in it are left out)
 */
export function pdsaSection(cycles, diagram) {
  const ideas = (diagram.changeIdeas || []).filter(i => cycles.some(c => c.content.changeIdea === i.key));
  if (ideas.length === 0) {
    return h('p', { class: 'muted', id: 'pdsa-none' }, 'No PDSA cycles recorded for the change ideas yet.');
  }
  return h('div', { id: 'pdsa-cycles' }, ideas.map(idea => h('article', { class: 'pdsa-idea', 'data-idea': idea.key },
    h('h3', {}, `Change idea ${idea.key}: ${idea.text}`),
    h('ol', { class: 'pdsa-list' }, cycles.filter(c => c.content.changeIdea === idea.key)
      .sort((a, b) => a.number - b.number).map(cycleItem)))));
}

function cycleItem(c) {
  const x = c.content;
  const stage = (label, ...content) => h('div', {}, h('dt', {}, label), h('dd', {}, ...content));
  return h('li', { class: 'pdsa-cycle', id: `pdsa-${x.changeIdea}-${c.number}`, 'data-cycle': c.number },
    h('h4', {}, `Cycle ${c.number}`, x.follows ? ` (continues cycle ${x.follows})` : ''),
    h('dl', { class: 'pdsa-stages' },
      stage('Plan', x.plan, h('br'), `Who: ${x.owner}. When: ${formatDate(x.plannedStart)}`
        + (x.plannedEnd ? ` to ${formatDate(x.plannedEnd)}` : '') + '.', h('br'), h('strong', {}, 'Prediction: '),
        x.prediction),
      stage('Do', x.done ? `${x.done} (${formatDate(x.doneFrom)}${x.doneTo ? ' to ' + formatDate(x.doneTo) : ''})`
        : 'Not started yet.'),
      stage('Study', x.study || 'Not studied yet.'),
      stage('Act', x.decision ? DECISION_LABELS[x.decision] || x.decision : 'No decision yet.',
        c.next ? ` Next: cycle ${c.next}.` : '')),
    x.measures && x.measures.length ? h('p', { class: 'muted' }, `Measures: ${x.measures.join(', ')}`) : null);
}

/**
 * Draws the notes' markers on an SPC chart: a dotted line at the period with a numbered circle (annotation) or square
 * (PDSA cycle) above the plot. Notes without a period on the chart are only listed.
 *
 * @param svg    the chart
 * @param notes  the API's ChartNote list
 * @param points the chart's points
 * @param x      point index to x
 * @param top    y of the plot's top, bottom: y of its bottom
 */
export function drawNotes(svg, notes, points, x, top, bottom) {
  const byPeriod = new Map();
  (notes || []).forEach((n, i) => {
    const index = n.period ? points.findIndex(p => p.period === n.period) : -1;
    if (index < 0) return;
    if (!byPeriod.has(index)) byPeriod.set(index, []);
    byPeriod.get(index).push({ note: n, number: i + 1 });
  });
  for (const [index, marks] of byPeriod) {
    const cx = x(index);
    const g = s('g', { class: 'chart-notes', 'data-period': points[index].period.substring(0, 7) });
    g.append(s('line', { x1: cx, x2: cx, y1: top, y2: bottom, stroke: '#4c6272', 'stroke-dasharray': '1 3' }));
    marks.forEach((m, k) => {
      const cy = top + 8 + k * 17;
      const pdsa = m.note.cycle !== null && m.note.cycle !== undefined;
      g.append(pdsa
        ? s('rect', { x: cx - 7, y: cy - 7, width: 14, height: 14, fill: '#fff', stroke: '#212b32', class: 'note-pdsa' })
        : s('circle', { cx, cy, r: 7, fill: '#fff', stroke: '#212b32', class: 'note-annotation' }));
      g.append(s('text', { x: cx, y: cy + 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#212b32' },
        String(m.number)));
      g.append(s('title', {}, noteText(m.note)));
    });
    svg.append(g);
  }
}

/** The notes in words, numbered as on the chart. */
export function notesList(notes) {
  if (!notes || notes.length === 0) return null;
  return h('div', { class: 'chart-notes-list' },
    h('p', { class: 'muted' }, 'Notes on this chart (circle: annotation; square: PDSA cycle linked to the measure):'),
    h('ol', {}, notes.map(n => h('li', { 'data-kind': n.cycle ? 'pdsa' : 'annotation' }, noteText(n)))));
}

function noteText(n) {
  if (n.cycle !== null && n.cycle !== undefined) {
    return `${n.period ? formatMonth(n.period) : 'Before the first value'}: PDSA ${cycleName(n.changeIdea, n.cycle)}`
      + ` started ${formatDate(n.started)}: ${n.text}` + (n.decision ? ` (${DECISION_LABELS[n.decision]})` : '');
  }
  return `${formatMonth(n.period)}: ${n.text}`;
}
