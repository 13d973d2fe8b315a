// The driver diagram drawn as a diagram: aim → primary drivers → secondary drivers → change ideas, in four columns,
// each box linked to what it serves; with the same content as a nested list for screen readers and text browsers.
import { h, s, scroller } from './common.js';

const COL_W = 220, GAP_X = 56, PAD = 8, LINE_H = 16, GAP_Y = 12, TOP = 34, CHARS = 30;
const COLUMNS = [
  { kind: 'aim', title: 'Aim', fill: '#005eb8', text: '#ffffff' },
  { kind: 'primary', title: 'Primary drivers', fill: '#e8f1fb', text: '#212b32' },
  { kind: 'secondary', title: 'Secondary drivers', fill: '#f0f4f5', text: '#212b32' },
  { kind: 'change', title: 'Change ideas', fill: '#fff8e1', text: '#212b32' }
];

/** Words into lines of at most CHARS characters (a longer word gets a line of its own). */
export function wrap(text, chars = CHARS) {
  const lines = [];
  let line = '';
  for (const word of String(text || '').split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + ' ' + word : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

let sequence = 0;

/**
 * @param diagram the API's DriverDiagram: aim, primaryDrivers [{key,text}], secondaryDrivers [{key,text,primaryKeys}],
 *                changeIdeas [{key,text,secondaryKeys}]
 * @returns a container with the SVG diagram and the list
 */
export function driverDiagram(diagram) {
  const id = 'dd-' + (++sequence);
  const primaries = diagram.primaryDrivers || [];
  const pIndex = new Map(primaries.map((p, i) => [p.key, i]));
  // secondaries ordered by the first primary they serve, change ideas by the first secondary: fewer crossing lines
  const secondaries = [...(diagram.secondaryDrivers || [])].sort((a, b) =>
    Math.min(...a.primaryKeys.map(k => pIndex.get(k) ?? 99)) - Math.min(...b.primaryKeys.map(k => pIndex.get(k) ?? 99)));
  const sIndex = new Map(secondaries.map((d, i) => [d.key, i]));
  const ideas = [...(diagram.changeIdeas || [])].sort((a, b) =>
    Math.min(...a.secondaryKeys.map(k => sIndex.get(k) ?? 99)) - Math.min(...b.secondaryKeys.map(k => sIndex.get(k) ?? 99)));
  const columns = [
    [{ key: 'aim', text: diagram.aim, links: [] }],
    primaries.map(p => ({ key: p.key, text: p.text, links: ['aim'] })),
    secondaries.map(d => ({ key: d.key, text: d.text, links: d.primaryKeys })),
    ideas.map(c => ({ key: c.key, text: c.text, links: c.secondaryKeys }))
  ];
  // measure each column, then centre the shorter ones
  const boxes = new Map();
  const heights = columns.map(col => col.reduce((sum, n) => sum + wrap(n.text).length * LINE_H + 2 * PAD + LINE_H
    + GAP_Y, -GAP_Y));
  const height = Math.max(...heights, 60) + TOP + 16;
  const width = COLUMNS.length * COL_W + (COLUMNS.length - 1) * GAP_X + 16;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'driver-diagram',
    'aria-labelledby': `${id}-t ${id}-d`, focusable: 'false' });
  svg.append(s('title', { id: `${id}-t` }, 'Driver diagram'));
  svg.append(s('desc', { id: `${id}-d` }, `Aim: ${diagram.aim}. ${primaries.length} primary drivers, `
    + `${secondaries.length} secondary drivers and ${ideas.length} change ideas; the list after the diagram gives `
    + 'each with what it serves.'));
  svg.append(s('defs', {}, s('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#4c6272' }))));
  const links = s('g', { class: 'links' });
  svg.append(links);
  columns.forEach((col, c) => {
    const x = 8 + c * (COL_W + GAP_X);
    svg.append(s('text', { x: x + COL_W / 2, y: 18, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold',
      fill: '#212b32' }, COLUMNS[c].title));
    let y = TOP + (height - TOP - 16 - heights[c]) / 2;
    for (const node of col) {
      const lines = wrap(node.text);
      const bh = lines.length * LINE_H + 2 * PAD + LINE_H;
      const g = s('g', { class: `node node-${COLUMNS[c].kind}`, 'data-key': node.key });
      g.append(s('rect', { x, y, width: COL_W, height: bh, rx: 4, fill: COLUMNS[c].fill, stroke: '#4c6272' }));
      if (c > 0) {
        g.append(s('text', { x: x + PAD, y: y + PAD + 12, 'font-size': 12, 'font-weight': 'bold',
          fill: COLUMNS[c].text }, node.key));
      }
      const text = s('text', { x: x + PAD, y: y + PAD + (c > 0 ? LINE_H : 0) + 12, 'font-size': 13,
        fill: COLUMNS[c].text });
      lines.forEach((line, i) => text.append(s('tspan', { x: x + PAD, dy: i === 0 ? 0 : LINE_H }, line)));
      g.append(text);
      svg.append(g);
      boxes.set(node.key, { x, y, h: bh, column: c });
      for (const target of node.links) {
        const to = boxes.get(target);
        if (!to) continue;
        const x1 = to.x + COL_W, y1 = to.y + to.h / 2, x2 = x, y2 = y + bh / 2, mx = (x1 + x2) / 2;
        links.append(s('path', { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, fill: 'none',
          stroke: '#4c6272', 'stroke-width': 1.5, class: 'link', 'data-from': target, 'data-to': node.key,
          'marker-end': `url(#${id}-arrow)` }));
      }
      y += bh + GAP_Y;
    }
  });
  return h('div', {}, scroller('Driver diagram (scrolls sideways on small screens)', svg, 'diagram-box'),
    driverList(diagram));
}

/** The diagram as nested lists, each item naming what it serves. */
function driverList(diagram) {
  const primaries = diagram.primaryDrivers || [];
  const secondaries = diagram.secondaryDrivers || [];
  const ideas = diagram.changeIdeas || [];
  const list = h('ul', {}, primaries.map(p => h('li', {}, h('strong', {}, `Primary driver ${p.key}: `), p.text,
    h('ul', {}, secondaries.filter(d => d.primaryKeys.includes(p.key)).map(d => h('li', {},
      h('strong', {}, `Secondary driver ${d.key}: `), d.text,
      d.primaryKeys.length > 1 ? ` (also serves ${d.primaryKeys.filter(k => k !== p.key).join(', ')})` : '',
      h('ul', {}, ideas.filter(c => c.secondaryKeys.includes(d.key)).map(c => h('li', {},
        h('strong', {}, `Change idea ${c.key}: `), c.text)))))))));
  return h('details', { class: 'driver-list' }, h('summary', {}, 'The driver diagram as a list'),
    h('p', {}, h('strong', {}, 'Aim: '), diagram.aim), list);
}
