// SVG charts drawn here, no charting library: the Making Data Count XmR (SPC) chart with its variation and assurance
// icons, and a simple column chart. Every chart has a text alternative (its title and description, and a table).
import { h, s, scroller, formatDate, formatMonth, formatNumber } from './common.js';
import { drawNotes, notesList } from './pdsa.js';

export const VARIATION_LABELS = {
  common_cause: 'Common cause variation: no significant change',
  improvement_high: 'Special cause improvement (higher values)',
  improvement_low: 'Special cause improvement (lower values)',
  concern_high: 'Special cause concern (higher values)',
  concern_low: 'Special cause concern (lower values)',
  neutral_high: 'Special cause variation (higher values), neither improvement nor concern',
  neutral_low: 'Special cause variation (lower values), neither improvement nor concern'
};

export const ASSURANCE_LABELS = {
  consistently_passes: 'Consistently passes the target',
  consistently_fails: 'Consistently fails the target',
  inconsistent: 'Hit and miss: the process will sometimes meet the target and sometimes not',
  not_applicable: 'Assurance not applicable: no target, or too few points'
};

const SPECIAL_CAUSE_LABELS = {
  outside_limits: 'Outside the process limits',
  trend: 'Trend of 7 rising or falling',
  two_of_three_near_limit: '2 of 3 points near a limit',
  run: 'Run of 7 on one side of the mean'
};

/** The special cause in words, with the run and trend lengths of the chart's rule profile. */
function specialCauseLabel(cause, profile) {
  if (cause === 'trend' && profile) return `Trend of ${profile.trendLength} rising or falling`;
  if (cause === 'run' && profile) return `Run of ${profile.runLength} on one side of the mean`;
  return SPECIAL_CAUSE_LABELS[cause] || cause;
}

export const CHART_TYPE_LABELS = {
  xmr: 'XmR chart (individual values)',
  p: 'p chart (a proportion: each value a count out of its denominator)',
  u: 'u chart (a rate: each value a count over its denominator)',
  t: 'T chart (time between rare events)',
  g: 'G chart (opportunities between rare events)'
};

/** The rule profile and its parameters, as the console's safety:measure-show gives them. */
export function rulesText(profile) {
  if (!profile) return '';
  return `${profile.name} ${profile.version} (run ${profile.runLength}, trend ${profile.trendLength}, firm limits from `
    + `${profile.minimumPoints} points, 2-of-3 `
    + `${profile.twoOfThree === 'including_beyond_limits' ? 'counting' : 'not counting'} points beyond the limits`
    + `${profile.screenMovingRanges ? ', large moving ranges screened' : ''}, `
    + `${profile.conflict === 'improvement_wins' ? 'improvement wins a conflict' : 'first rule wins a conflict'})`;
}

/**
 * The target in force on a period: the last trajectory step starting on or before it, else the single target (as
 * the platform's Measure.targetOn).
 */
export function targetOn(target, steps, period) {
  let inForce = target === undefined ? null : target;
  for (const step of steps || []) {
    if (step && step.from && step.from <= period) inForce = step.value;
  }
  return inForce;
}

/** The vertical axis's title: what the values are, by chart type. */
function axisTitle(type, unit) {
  switch (type) {
    case 't': return unit && unit !== 'days' ? `Time between events (${unit})` : 'Days between events';
    case 'g': return unit ? `Opportunities (${unit}) between events` : 'Opportunities between events';
    case 'p': return unit ? `Proportion (${unit})` : 'Proportion';
    case 'u': return unit ? `Rate (${unit})` : 'Rate';
    default: return unit;
  }
}

const COLOURS = { improvement: '#005eb8', concern: '#b35400', neutral: '#5c2d91', common: '#5e6f7c' };

/** improvement, concern, neutral or common, from a variation value such as improvement_low. */
export function kindOf(variation) {
  if (!variation || variation === 'common_cause') return 'common';
  return variation.split('_')[0];
}

let chartSequence = 0;

/** The drawing's width: the page's width on a phone (so that its text stays readable), at most 720. */
function chartWidth() {
  const page = document.documentElement.clientWidth || 720;
  return Math.round(Math.max(320, Math.min(720, page - 48)));
}

/** Rounded tick values covering [min, max]. */
function ticks(min, max, count = 5) {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(st => span / st <= count) || 10 * magnitude;
  const result = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    result.push(Number(v.toFixed(10)));
  }
  return result;
}

/**
 * An XmR chart as an SVG inside a figure: the values joined by a line, each phase's mean (solid) and process limits
 * (dashed), the target, points coloured by special cause, re-based phases separated, the variation and assurance
 * icons, a provisional-limits note below 13 points, and the values as a table.
 *
 * p and u charts draw their limits, which move with each point's denominator, as stepped lines and say why they
 * move; T and G charts title their axes with the time or opportunities between events and label each event's date.
 * A target trajectory is drawn as a stepped line; the chart states its type and rule profile.
 *
 * @param spc     the API's SpcResult: points, phases, variation, assurance, provisional, chartType, profile,
 *                limitsNote, target (the one the assurance was judged against)
 * @param options name, unit, target, targets (the trajectory's steps: value, from), direction (up/down/neutral),
 *                notes (the chart's annotations and PDSA markers)
 */
export function spcFigure(spc, { name, unit = '', target = null, targets = [], direction = null, notes = [] }) {
  const id = 'spc-' + (++chartSequence);
  const points = spc.points || [];
  const figure = h('figure', { class: 'spc', 'data-points': points.length });
  if (points.length === 0) {
    figure.append(h('p', { class: 'muted' }, 'No values recorded yet.'));
    return figure;
  }
  const type = spc.chartType || 'xmr';
  const rareEvents = type === 't' || type === 'g';
  const varying = type === 'p' || type === 'u';
  const fmt = varying ? fineNumber : formatNumber;
  const when = rareEvents ? shortDate : formatMonth;
  const steps = (targets || []).filter(st => st && st.from && st.value !== null && st.value !== undefined);
  const targetAt = points.map(p => targetOn(target, steps, p.period));
  const hasTarget = targetAt.some(t => t !== null && t !== undefined);
  const W = chartWidth(), H = 300, L = 60, R = 20, T = 18, B = rareEvents ? 58 : 46;
  const values = points.flatMap(p => [p.value, p.upperLimit, p.lowerLimit]);
  targetAt.forEach(t => { if (t !== null && t !== undefined) values.push(t); });
  let min = Math.min(...values), max = Math.max(...values);
  const pad = (max - min) * 0.08 || Math.abs(max) * 0.1 || 1;
  min -= pad; max += pad;
  const yTicks = ticks(min, max);
  min = Math.min(min, yTicks[0]); max = Math.max(max, yTicks[yTicks.length - 1]);
  const n = points.length;
  const x = i => n === 1 ? L + (W - L - R) / 2 : L + i * (W - L - R) / (n - 1);
  const y = v => T + (max - v) * (H - T - B) / (max - min);

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'spc-chart', focusable: 'false' });
  const latest = points[n - 1];
  svg.append(s('title', { id: `${id}-title` }, `${name}: statistical process control chart`));
  svg.append(s('desc', { id: `${id}-desc` }, `${CHART_TYPE_LABELS[type] || type}: ${n} `
    + `${rareEvents ? 'events' : 'values'} from ${when(points[0].period)} to `
    + `${when(latest.period)}; latest ${fmt(latest.value)} ${unit}; mean `
    + `${fmt(latest.mean)}, process limits ${fmt(latest.lowerLimit)} to `
    + `${fmt(latest.upperLimit)}${varying ? ' at the latest point' : ''}. ${VARIATION_LABELS[spc.variation] || ''}. `
    + `${ASSURANCE_LABELS[spc.assurance] || ''}.`));

  // axes and grid
  for (const t of yTicks) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), class: 'spc-grid', stroke: '#e8edee' }));
    svg.append(s('text', { x: L - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#4c6272' },
      fmt(t)));
  }
  svg.append(s('line', { x1: L, x2: L, y1: T, y2: H - B, stroke: '#4c6272' }));
  svg.append(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: '#4c6272' }));
  // month labels at least 95 px apart (a label is about 55 px wide); the last one, drawn leftwards from its point,
  // only when the label before it is far enough away
  const step = n > 1 ? (W - L - R) / (n - 1) : 0;
  const labelWidth = rareEvents ? 110 : 95;
  const every = Math.max(1, Math.ceil(labelWidth / Math.max(step, 1)));
  points.forEach((p, i) => {
    if ((i % every === 0 && (n - 1 - i) * step >= labelWidth - 10) || i === n - 1) {
      // the last label ends at its point, so that it is not cut off at the chart's right edge
      const anchor = n > 1 && i === n - 1 ? 'end' : n > 1 && i === 0 ? 'start' : 'middle';
      svg.append(s('text', { x: x(i), y: H - B + 18, 'text-anchor': anchor, 'font-size': 12, fill: '#4c6272' },
        when(p.period)));
    }
  });
  const yTitle = axisTitle(type, unit);
  if (yTitle) {
    svg.append(s('text', { x: 12, y: T + (H - T - B) / 2, 'font-size': 12, fill: '#4c6272', 'text-anchor': 'middle',
      class: 'spc-axis-title', transform: `rotate(-90 12 ${T + (H - T - B) / 2})` }, yTitle));
  }
  if (rareEvents) {
    svg.append(s('text', { x: L + (W - L - R) / 2, y: H - 8, 'font-size': 12, fill: '#4c6272', 'text-anchor': 'middle',
      class: 'spc-axis-title' }, 'Date of each event'));
  }
  // a point's own stretch of the chart: half-way to its neighbours (the chart's edges at either end)
  const left = i => n === 1 || i === 0 ? (n === 1 ? L : x(0)) : (x(i - 1) + x(i)) / 2;
  const right = i => n === 1 || i === n - 1 ? (n === 1 ? W - R : x(n - 1)) : (x(i) + x(i + 1)) / 2;
  /** A stepped path through the points' own stretches at value(i); a null value leaves a gap. */
  const stepped = (indexes, value) => {
    let d = '', previous = null;
    for (const i of indexes) {
      const v = value(i);
      if (v === null || v === undefined) { previous = null; continue; }
      d += `${previous === null ? 'M' : 'L'}${left(i)},${y(v)} L${right(i)},${y(v)} `;
      previous = v;
    }
    return d.trim();
  };

  // phases: mean and limits over each phase's own points; a re-based phase starts with a dotted divider
  const byPhase = new Map();
  points.forEach((p, i) => {
    if (!byPhase.has(p.phase)) byPhase.set(p.phase, []);
    byPhase.get(p.phase).push(i);
  });
  for (const [phase, indexes] of byPhase) {
    const first = indexes[0], last = indexes[indexes.length - 1];
    const p = points[first];
    const x1 = n === 1 ? L : x(first), x2 = n === 1 ? W - R : x(last);
    svg.append(s('line', { x1, x2, y1: y(p.mean), y2: y(p.mean), class: 'spc-mean', stroke: '#212b32',
      'stroke-width': 1.5, 'data-phase': phase }));
    const moves = indexes.some(i => Math.abs(points[i].upperLimit - p.upperLimit) > 1e-12
      || Math.abs(points[i].lowerLimit - p.lowerLimit) > 1e-12);
    if (moves) {
      // limits that move with each point's denominator: a step for each point
      for (const [side, key] of [['upper', 'upperLimit'], ['lower', 'lowerLimit']]) {
        svg.append(s('path', { d: stepped(indexes, i => points[i][key]), fill: 'none',
          class: `spc-limit spc-${side} spc-varying`, stroke: '#4c6272', 'stroke-width': 1.5,
          'stroke-dasharray': '6 4', 'data-phase': phase }));
      }
    } else {
      svg.append(s('line', { x1, x2, y1: y(p.upperLimit), y2: y(p.upperLimit), class: 'spc-limit spc-upper',
        stroke: '#4c6272', 'stroke-width': 1.5, 'stroke-dasharray': '6 4', 'data-phase': phase }));
      svg.append(s('line', { x1, x2, y1: y(p.lowerLimit), y2: y(p.lowerLimit), class: 'spc-limit spc-lower',
        stroke: '#4c6272', 'stroke-width': 1.5, 'stroke-dasharray': '6 4', 'data-phase': phase }));
    }
    if (first > 0) {
      const xd = (x(first - 1) + x(first)) / 2;
      svg.append(s('line', { x1: xd, x2: xd, y1: T, y2: H - B, class: 'spc-rebase', stroke: '#212b32',
        'stroke-dasharray': '2 3' }));
      svg.append(s('text', { x: xd + 4, y: T + 12, 'font-size': 12, fill: '#212b32' }, 'Re-based'));
    }
  }
  if (steps.length === 0 && target !== null && target !== undefined) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(target), y2: y(target), class: 'spc-target', stroke: '#d5281b',
      'stroke-width': 1.5, 'stroke-dasharray': '10 3 2 3' }));
    svg.append(s('text', { x: W - R - 4, y: y(target) - 5, 'text-anchor': 'end', 'font-size': 12, fill: '#a61d12' },
      `Target ${fmt(target)}`));
  } else if (hasTarget) {
    // a trajectory: each target over the points it is in force for, stepping where the next one starts
    const all = points.map((p, i) => i);
    svg.append(s('path', { d: stepped(all, i => targetAt[i]), fill: 'none', class: 'spc-target spc-target-steps',
      stroke: '#d5281b', 'stroke-width': 1.5, 'stroke-dasharray': '10 3 2 3' }));
    targetAt.forEach((t, i) => {
      if (t === null || t === undefined || (i > 0 && targetAt[i - 1] === t)) return;
      svg.append(s('text', { x: left(i) + 4, y: y(t) - 5, 'font-size': 12, fill: '#a61d12', class: 'spc-target-label',
        'data-from': points[i].period }, `Target ${fmt(t)}`));
    });
  }
  // the values
  for (const indexes of byPhase.values()) {
    svg.append(s('polyline', { points: indexes.map(i => `${x(i)},${y(points[i].value)}`).join(' '), fill: 'none',
      stroke: '#768692', 'stroke-width': 1.5 }));
  }
  points.forEach((p, i) => {
    const kind = kindOf(p.variation);
    const attrs = { cx: x(i), cy: y(p.value), r: kind === 'common' ? 4 : 5.5, fill: COLOURS[kind],
      class: `spc-point spc-${kind}`, 'data-period': rareEvents ? p.period : p.period.substring(0, 7),
      'data-value': p.value };
    svg.append(s('circle', attrs, s('title', {}, `${when(p.period)}: ${fmt(p.value)}`
      + (p.specialCause ? ` (${specialCauseLabel(p.specialCause, spc.profile)})` : ''))));
  });
  drawNotes(svg, notes, points, x, T, H - B);
  figure.append(h('div', { class: 'chart-box' }, svg));
  const noted = notesList(notes);
  if (noted) figure.append(noted);

  figure.append(h('p', { class: 'spc-legend muted' }, 'Solid black line: mean. Dashed lines: process limits'
    + (varying ? ', a step for each point' : '') + '.'
    + (hasTarget ? (steps.length ? ' Red dash-dot steps: the target in force.' : ' Red dash-dot line: target.') : '')
    + ' Points: blue improvement, orange concern, grey common cause.'));
  if (steps.length) {
    const trajectory = [target !== null && target !== undefined ? fmt(target) : null,
      ...steps.map(st => `${fmt(st.value)} from ${formatDate(st.from)}`)].filter(Boolean).join(', then ');
    figure.append(h('p', { class: 'spc-trajectory' }, h('strong', {}, 'Target trajectory: '), trajectory + '.'
      + (spc.target !== null && spc.target !== undefined
        ? ` Assurance is judged against the target in force at the latest point, ${fmt(spc.target)}.` : '')));
  }
  figure.append(h('p', { class: 'spc-type' }, h('strong', {}, CHART_TYPE_LABELS[type] || type),
    spc.profile ? `. Rules: ${rulesText(spc.profile)}.` : '.'));
  if (spc.limitsNote) {
    figure.append(h('p', { class: `spc-limits-note${varying ? ' spc-varying-note' : ''}` },
      h('strong', {}, varying ? 'Why the limits move: ' : 'Limits: '), spc.limitsNote));
  }
  const caption = h('div', { class: 'spc-status' },
    h('div', { class: 'icons' }, variationIcon(spc.variation), assuranceIcon(spc.assurance)));
  figure.append(caption);
  if (spc.provisional) {
    figure.append(h('p', { class: 'provisional-note' }, h('strong', {}, 'Provisional limits: '),
      `fewer than ${spc.profile ? spc.profile.minimumPoints : 13} values in the latest phase, so the process limits`
      + ' may still move as values are added.'));
  }
  if (byPhase.size > 1) {
    figure.append(h('p', { class: 'muted' }, `Limits re-based ${byPhase.size - 1} time`
      + `${byPhase.size > 2 ? 's' : ''} after a deliberate change to the process: each phase has its own mean and limits.`));
  }
  figure.append(valuesTable(points, unit, name, { type, when, fmt, targetAt: hasTarget ? targetAt : null,
    profile: spc.profile }));
  return figure;
}

/** The chart as a table: each point with its limits (its own on p and u charts), target and special cause. */
function valuesTable(points, unit, name, { type, when, fmt, targetAt, profile }) {
  const varying = type === 'p' || type === 'u';
  const rareEvents = type === 't' || type === 'g';
  const rows = points.map((p, i) => h('tr', {},
    h('td', {}, when(p.period)),
    h('td', { class: 'num' }, fmt(p.value)),
    varying ? h('td', { class: 'num' }, p.denominator === null || p.denominator === undefined ? ''
      : `${formatNumber(p.value * p.denominator)} ${type === 'p' ? 'of' : 'over'} ${formatNumber(p.denominator)}`)
      : null,
    h('td', { class: 'num hide-narrow' }, fmt(p.mean)),
    h('td', { class: 'num hide-narrow' }, `${fmt(p.lowerLimit)} to ${fmt(p.upperLimit)}`),
    targetAt ? h('td', { class: 'num' }, fmt(targetAt[i])) : null,
    h('td', {}, p.specialCause ? specialCauseLabel(p.specialCause, profile) : '–')));
  return h('details', { class: 'values' }, h('summary', {}, 'The values as a table'),
    scroller(`${name}: values`, h('table', {},
      h('caption', {}, `${name}${unit ? ' (' + unit + ')' : ''}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, rareEvents ? 'Date of event' : 'Month'),
        h('th', { scope: 'col', class: 'num' }, type === 't' ? 'Time since the last event'
          : type === 'g' ? 'Opportunities since the last event' : 'Value'),
        varying ? h('th', { scope: 'col', class: 'num' }, type === 'p' ? 'Count of denominator'
          : 'Count over denominator') : null,
        h('th', { scope: 'col', class: 'num hide-narrow' }, 'Mean'),
        h('th', { scope: 'col', class: 'num hide-narrow' }, varying ? 'Limits (this point\'s)' : 'Limits'),
        targetAt ? h('th', { scope: 'col', class: 'num' }, 'Target in force') : null,
        h('th', { scope: 'col' }, 'Special cause'))),
      h('tbody', {}, rows))));
}

/** 2014-04-09 → "9 Apr 2014": the date of an event on a T or G chart. */
function shortDate(iso) {
  return `${Number(iso.substring(8, 10))} ${formatMonth(iso)}`;
}

/** Proportions and rates: enough decimals to tell 0.0349 from 0.035 (at least 2, 3 significant digits). */
export function fineNumber(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '';
  const a = Math.abs(Number(v));
  const digits = a === 0 || a >= 1 ? 2 : Math.min(6, Math.max(2, 2 - Math.floor(Math.log10(a))));
  return Number(v).toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** The Making Data Count variation icon with its words. */
export function variationIcon(variation) {
  const kind = kindOf(variation);
  const side = variation && variation.endsWith('_high') ? 'H' : variation && variation.endsWith('_low') ? 'L' : '';
  const svg = s('svg', { viewBox: '0 0 40 40', 'aria-hidden': 'true', focusable: 'false' },
    s('circle', { cx: 20, cy: 20, r: 18, fill: '#fff', stroke: COLOURS[kind], 'stroke-width': 3 }),
    kind === 'common'
      ? s('path', { d: 'M7 22 L13 16 L19 24 L25 14 L33 20', fill: 'none', stroke: COLOURS.common, 'stroke-width': 2.5 })
      : s('text', { x: 20, y: 27, 'text-anchor': 'middle', 'font-size': 19, 'font-weight': 'bold',
        fill: COLOURS[kind] }, side));
  return h('span', { class: `icon variation-icon variation-${variation}`, 'data-variation': variation }, svg,
    h('span', {}, h('strong', {}, 'Variation: '), VARIATION_LABELS[variation] || variation));
}

/** The Making Data Count assurance icon with its words. */
export function assuranceIcon(assurance) {
  const letter = { consistently_passes: 'P', consistently_fails: 'F', inconsistent: '?' }[assurance];
  const colour = { consistently_passes: COLOURS.improvement, consistently_fails: COLOURS.concern }[assurance]
    || COLOURS.common;
  const svg = letter ? s('svg', { viewBox: '0 0 40 40', 'aria-hidden': 'true', focusable: 'false' },
    s('circle', { cx: 20, cy: 20, r: 18, fill: colour }),
    s('text', { x: 20, y: 27, 'text-anchor': 'middle', 'font-size': 19, 'font-weight': 'bold', fill: '#fff' }, letter))
    : null;
  return h('span', { class: `icon assurance-icon assurance-${assurance}`, 'data-assurance': assurance }, svg,
    h('span', {}, h('strong', {}, 'Assurance: '), ASSURANCE_LABELS[assurance] || assurance));
}

/**
 * A column chart of counts by month (e.g. members joining) with the running total as a line, and a table.
 *
 * @param rows [{month: 'yyyy-mm', joined, total}]
 */
export function signupChart(rows, title) {
  const id = 'cols-' + (++chartSequence);
  const W = chartWidth(), H = 260, L = 56, R = 56, T = 16, B = 44;
  const n = rows.length;
  const maxJoined = Math.max(1, ...rows.map(r => r.joined));
  const maxTotal = Math.max(1, ...rows.map(r => r.total));
  const slot = (W - L - R) / Math.max(1, n);
  const bar = Math.max(2, Math.min(40, slot * 0.7));
  const x = i => L + slot * i + slot / 2;
  const yJ = v => H - B - v * (H - T - B) / maxJoined;
  const yT = v => H - B - v * (H - T - B) / maxTotal;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`,
    class: 'signup-chart', focusable: 'false' });
  svg.append(s('title', { id: `${id}-t` }, title));
  const last = rows[n - 1];
  svg.append(s('desc', { id: `${id}-d` }, n === 0 ? 'No members yet.'
    : `${last.total} members by ${formatMonth(last.month)}; ${n} month${n === 1 ? '' : 's'} from `
      + `${formatMonth(rows[0].month)}.`));
  svg.append(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: '#4c6272' }));
  for (const t of ticks(0, maxJoined, 4)) {
    svg.append(s('text', { x: L - 6, y: yJ(t) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#4c6272' },
      formatNumber(t)));
  }
  for (const t of ticks(0, maxTotal, 4)) {
    svg.append(s('text', { x: W - R + 6, y: yT(t) + 4, 'font-size': 12, fill: '#005eb8' }, formatNumber(t)));
  }
  const every = Math.max(1, Math.ceil(n / Math.max(2, Math.floor((W - L - R) / 70))));
  rows.forEach((r, i) => {
    svg.append(s('rect', { x: x(i) - bar / 2, y: yJ(r.joined), width: bar, height: H - B - yJ(r.joined),
      fill: '#768692', class: 'signup-bar' }, s('title', {}, `${formatMonth(r.month)}: ${r.joined} joined`)));
    if ((i % every === 0 && n - 1 - i >= every / 2) || i === n - 1) {
      svg.append(s('text', { x: x(i), y: H - B + 18, 'text-anchor': 'middle', 'font-size': 12, fill: '#4c6272' },
        formatMonth(r.month)));
    }
  });
  if (n > 1) {
    svg.append(s('polyline', { points: rows.map((r, i) => `${x(i)},${yT(r.total)}`).join(' '), fill: 'none',
      stroke: '#005eb8', 'stroke-width': 2.5 }));
  }
  rows.forEach((r, i) => svg.append(s('circle', { cx: x(i), cy: yT(r.total), r: 3.5, fill: '#005eb8' })));
  const legend = h('p', { class: 'muted' }, 'Grey columns: members who joined in the month (left scale). ',
    'Blue line: members signed up in total (right scale).');
  const table = h('details', {}, h('summary', {}, 'The numbers as a table'), scroller(title,
    h('table', {}, h('caption', {}, title), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'),
      h('th', { scope: 'col', class: 'num' }, 'Joined'), h('th', { scope: 'col', class: 'num' }, 'Total'))),
    h('tbody', {}, rows.map(r => h('tr', {}, h('td', {}, formatMonth(r.month)),
      h('td', { class: 'num' }, r.joined), h('td', { class: 'num' }, r.total)))))));
  return h('figure', { class: 'signups' }, h('div', { class: 'chart-box' }, svg), legend, table);
}
