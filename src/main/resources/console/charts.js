// The console's charts: uPlot (served from the jar, /console/lib/uplot/), fed by GET
// /api/reports/series. Each chart carries its numbers beside it as a table (in a <details>, so a
// screen reader and anyone who wants the figures reads them, not only the tooltips). Uses
// console.js's helpers (h, api, scoped, problem, state).
'use strict';

const OUTCOMES = [
  ['processed', 'Processed', '#0a6b2d'],
  ['waiting', 'Waiting', '#c77c00'],
  ['rejected', 'Rejected', '#a4000f'],
  ['duplicate', 'Duplicate', '#5b6470'],
  ['received', 'Not yet answered', '#1f5fbf'],
  ['test', 'Test', '#7b3fa0'],
];

function pad2(n) { return String(n).padStart(2, '0'); }

// An hour or a day as the analyst reads it, in the browser's time: 2026-12-04 14:00.
function localHour(iso) {
  const d = new Date(iso);
  return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()) + ' ' + pad2(d.getHours()) + ':00';
}

function money(v) {
  const n = Number(v || 0);
  return '$' + n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function percent(v) { return (Number(v || 0) * 100).toFixed(1) + ' %'; }

// One chart and its table. columns: [{ key, label, color, format, axis }]; rows: the API's objects;
// x: a row's time in seconds; label: a row's first cell; bars: draw bars rather than lines.
function chart(id, title, rows, x, label, columns, options) {
  const opts = options || {};
  const plot = h('div', { class: 'chart-plot', id: id + '-plot', role: 'img', 'aria-label': title + ' (the numbers are in the table below)' });
  const table = h('table', { class: 'chart-data', id: id + '-data', 'data-chart': id },
    h('caption', {}, title),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, opts.first || 'Hour'), columns.map(c => h('th', { scope: 'col' }, c.label)))),
    h('tbody', {}, rows.map(r => h('tr', { 'data-x': opts.key ? r[opts.key] : r.start },
      h('th', { scope: 'row' }, label(r)),
      columns.map(c => h('td', { class: 'num', 'data-series': c.key, 'data-value': r[c.key] }, (c.format || String)(r[c.key])))))));
  const box = h('figure', { class: 'chart', id },
    h('figcaption', {}, title), plot,
    h('details', {}, h('summary', {}, 'The numbers of this chart'), table));
  box.draw = () => drawChart(plot, rows.map(x), columns.map(c => rows.map(r => Number(r[c.key] || 0))), columns, opts);
  return box;
}

function drawChart(plot, xs, ys, columns, opts) {
  plot.replaceChildren();
  if (typeof uPlot === 'undefined') { plot.append(h('p', { class: 'muted' }, 'The charting library did not load; the numbers are in the table.')); return; }
  const width = Math.max(280, Math.min(plot.clientWidth || plot.parentElement.clientWidth || 600, 1180));
  const bars = uPlot.paths.bars({ size: [0.6, 60] });
  const series = [{ label: opts.first || 'Hour', value: (u, v) => v === null ? '-' : (opts.day ? localHour(v * 1000).substring(0, 10) : localHour(v * 1000)) }];
  for (const c of columns) {
    series.push({ label: c.label, stroke: c.color, width: 2, fill: c.bars ? c.color + '55' : undefined, paths: c.bars ? bars : undefined,
      scale: c.axis || 'y', value: (u, v) => v === null ? '-' : (c.format || String)(v), points: { show: xs.length <= 48 } });
  }
  const axes = [{}, { scale: 'y', values: (u, vals) => vals.map(v => opts.yFormat ? opts.yFormat(v) : v) }];
  const scales = { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(opts.yMin || 1, max)] } };
  if (columns.some(c => c.axis === 'n')) {
    scales.n = { range: (u, min, max) => [0, Math.max(1, max)] };
    axes.push({ scale: 'n', side: 1, grid: { show: false } });
  }
  new uPlot({ width, height: opts.height || 220, series, axes, scales, legend: { live: true } }, [xs, ...ys], plot);
}

// The charts of one window (24 or 168 hours) from one series answer.
function seriesCharts(prefix, data) {
  const hours = data.perHour;
  const x = r => Date.parse(r.start) / 1000;
  const lbl = r => localHour(r.start);
  const span = data.hours === 24 ? 'last 24 hours' : 'last 7 days';
  return [
    chart(prefix + '-messages', 'Messages per hour by outcome, ' + span, hours, x, lbl,
      OUTCOMES.map(([key, label, color]) => ({ key, label, color }))),
    chart(prefix + '-nak', 'NAK rate per hour (share answered AE or AR), ' + span, hours, x, lbl,
      [{ key: 'nakRate', label: 'NAK rate', color: '#a4000f', format: percent }], { yMin: 0.01, yFormat: v => Math.round(v * 100) + ' %' }),
    chart(prefix + '-waiting', 'Messages waiting at the end of each hour, ' + span, hours, x, lbl,
      [{ key: 'waitingAtEnd', label: 'Waiting', color: '#c77c00' }]),
    chart(prefix + '-charges', 'Charges posted per day, ' + span, data.perDay, r => Date.parse(r.day + 'T12:00:00') / 1000, r => r.day,
      [{ key: 'amount', label: 'Amount', color: '#1f3a5f', format: money, bars: true }, { key: 'charges', label: 'Charges', color: '#0a6b2d', axis: 'n' }],
      { first: 'Day', key: 'day', day: true, yFormat: v => '$' + v }),
  ];
}

// A section with a window's charts, drawn once they are on the page (uPlot measures its box).
async function chartsSection(id, hours, only) {
  const r = await api('GET', scoped('/api/reports/series') + '?hours=' + hours);
  if (!r.ok) return h('section', { id }, h('p', { class: 'error' }, problem(r)));
  const charts = seriesCharts(id, r.data).filter((c, n) => !only || only.includes(n));
  const section = h('section', { id, class: 'charts', 'data-hours': hours },
    h('h3', {}, hours === 24 ? 'Last 24 hours' : 'Last 7 days'), ...charts);
  section.draw = () => charts.forEach(c => c.draw());
  return section;
}

// Draws the charts of sections already on the page.
function drawCharts(...sections) {
  for (const s of sections) if (s && s.draw) s.draw();
}
