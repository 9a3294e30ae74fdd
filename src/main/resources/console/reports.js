// Reports and reconciliation: "did everything post?" for a period (GET /api/reports, its charts from
// charts.js, every practice's line from /api/reports/all) and WebPT's billed list against what was
// posted (POST /api/reconcile). Uses console.js's helpers; adds its pages to its table.
'use strict';

const REPORT_OUTCOMES = [['PROCESSED', 'Processed'], ['WAITING', 'Waiting'], ['REJECTED', 'Rejected'],
  ['DUPLICATE', 'Duplicate'], ['RECEIVED', 'Not yet answered'], ['TEST', 'Test']];

const PRESETS = [['today', 'Today'], ['day', 'Yesterday'], ['week', 'Last 7 days']];

function units(v) { return v === null || v === undefined ? '' : String(Number(v)); }

function reportTable(id, headers, rows, numeric) {
  return h('table', { id },
    h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', { class: r.total ? 'total' : null, 'data-key': r.key },
      r.cells.map((c, i) => h('td', { class: numeric && numeric.includes(i) ? 'num' : null }, c))))));
}

// A file the API writes (CSV, HTML, text), fetched with this login and handed to the browser to save.
async function download(path, name, type) {
  const a = await apiBody('GET', path);
  if (!a.ok) throw new Error(problem(a));
  const blob = new Blob([typeof a.data === 'string' ? a.data : JSON.stringify(a.data)], { type });
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function periodQuery(params) {
  const q = new URLSearchParams();
  if (params.get('from') || params.get('to')) {
    if (params.get('from')) q.set('from', params.get('from'));
    if (params.get('to')) q.set('to', params.get('to'));
  } else {
    q.set('period', params.get('period') || 'today');
  }
  return q;
}

function periodForm(params) {
  const go = (q) => { location.hash = '#/reports/' + encodeURIComponent(q.toString()); };
  const from = h('input', { type: 'date', id: 'report-from', name: 'from', value: params.get('from') });
  const to = h('input', { type: 'date', id: 'report-to', name: 'to', value: params.get('to') });
  const form = h('form', { id: 'report-period' },
    h('span', { class: 'actions' }, 'Period: ', PRESETS.map(([p, label]) => h('button', {
      type: 'button', id: 'report-preset-' + p, 'aria-pressed': String(!params.get('from') && (params.get('period') || 'today') === p),
      onclick: () => go(new URLSearchParams({ period: p })) }, label))),
    ' ', h('label', {}, 'From ', from), h('label', {}, 'To (included) ', to),
    h('button', { type: 'submit', id: 'report-show' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value || from.value);
    go(q);
  });
  return form;
}

function messagesTable(messages) {
  const types = [...new Set(messages.map(m => m.type))].sort();
  const count = (type, outcome) => messages.filter(m => (type === null || m.type === type) && (outcome === null || m.outcome === outcome))
    .reduce((n, m) => n + m.messages, 0);
  const line = (type) => ({ key: type || 'all', total: type === null,
    cells: [type || 'All', ...REPORT_OUTCOMES.map(([o]) => count(type, o)), count(type, null)] });
  return reportTable('report-messages', ['Type', ...REPORT_OUTCOMES.map(([, l]) => l), 'All'],
    [...types.map(line), line(null)], [1, 2, 3, 4, 5, 6, 7]);
}

function chargesTable(id, what, totals, all) {
  const rows = totals.map(t => ({ key: t.key, cells: [t.label ? t.label + ' (' + t.key + ')' : t.key, t.charges, units(t.units), money(t.amount)] }));
  rows.push({ key: 'all', total: true, cells: ['All', all.charges, units(all.units), money(all.amount)] });
  return h('div', { class: 'report-part' }, h('h4', {}, 'Charges by ' + what),
    reportTable(id, [what.charAt(0).toUpperCase() + what.slice(1), 'Charges', 'Units', 'Amount'], rows, [1, 2, 3]));
}

async function reports(query) {
  const params = new URLSearchParams(query || '');
  const q = periodQuery(params);
  const [r, all, day, week] = await Promise.all([
    api('GET', scoped('/api/reports') + '?' + q), api('GET', '/api/reports/all?' + q),
    chartsSection('report-charts-24', 24), chartsSection('report-charts-168', 168)]);
  const form = periodForm(params);
  if (!r.ok) { show(h('section', { id: 'reports' }, h('h2', {}, 'Reports – interface ' + state.iface), form, h('p', { class: 'error', id: 'report-error' }, problem(r)))); return; }
  const d = r.data;
  const fmt = q.toString();
  const file = 'report-' + state.iface + '-' + (params.get('from') || params.get('period') || 'today');
  const downloads = h('p', { class: 'actions no-print', id: 'report-downloads' }, 'Download: ',
    [['csv', 'CSV', 'text/csv'], ['html', 'Printable page (HTML)', 'text/html'], ['text', 'Text', 'text/plain']].map(([f, label, type]) =>
      h('a', { href: '#' + location.hash.substring(1), id: 'report-download-' + f, onclick: (ev) => {
        ev.preventDefault();
        download(scoped('/api/reports') + '?' + fmt + '&format=' + f, file + '.' + (f === 'text' ? 'txt' : f), type).catch(e => { downloads.append(h('span', { class: 'error' }, e.message)); });
      } }, label)));
  const card = (id, label, value) => h('div', { class: 'card' }, h('div', { class: 'muted' }, label), h('div', { class: 'value', id }, value));
  const messages = d.messages.reduce((n, m) => n + m.messages, 0);
  show(
    h('section', { id: 'reports' }, h('h2', {}, 'Reports – interface ' + state.iface), form,
      h('p', { id: 'report-range' }, 'From ', new Date(d.from).toLocaleString(), ' to ', new Date(d.to).toLocaleString(), ' (not included).'),
      h('div', { class: 'cards' },
        card('report-total-messages', 'Messages received', messages),
        card('report-total-encounters', 'Encounters posted', d.encounters),
        card('report-total-charges', 'Charges posted', d.charges.charges),
        card('report-total-units', 'Units', units(d.charges.units)),
        card('report-total-amount', 'Amount posted', money(d.charges.amount)),
        card('report-total-duplicates', 'Duplicates suppressed', d.duplicates)),
      downloads),
    h('section', { id: 'report-messages-part' }, h('h3', {}, 'Messages by type and outcome'), messagesTable(d.messages)),
    h('section', { id: 'report-charges-part' }, h('h3', {}, 'Charges posted'),
      h('div', { class: 'report-grid' },
        chargesTable('report-by-provider', 'rendering provider', d.byProvider, d.charges),
        chargesTable('report-by-facility', 'facility', d.byFacility, d.charges),
        chargesTable('report-by-code', 'procedure code', d.byCode, d.charges),
        chargesTable('report-by-payer', 'payer', d.byPayer, d.charges))),
    h('section', { id: 'report-waiting-part' }, h('h3', {}, 'Still waiting'),
      d.waiting.length ? reportTable('report-waiting', ['Waiting for', 'Key', 'Reason', 'Messages', 'Oldest received'],
        d.waiting.map(w => ({ key: w.key, cells: [w.kind, w.key, w.reason, w.messages, w.oldest ? new Date(w.oldest).toLocaleString() : ''] })), [3])
        : h('p', { id: 'report-waiting-none' }, 'Nothing of this period is waiting.')),
    h('section', { id: 'report-naks-part' }, h('h3', {}, 'Most frequent NAK reasons'),
      d.naks.length ? reportTable('report-naks', ['ACK', 'HL7 code', 'What WebPT\'s staff read', 'Messages'],
        d.naks.map(n => ({ key: n.hl7Code, cells: [n.ackCode, n.hl7Code, n.text, n.messages] })), [1, 3])
        : h('p', { id: 'report-naks-none' }, 'No message of this period was answered AE or AR.')),
    day, week,
    h('section', { id: 'report-all-part' }, h('h3', {}, 'All interfaces, same period'),
      all.ok ? reportTable('report-all', ['Interface', 'Name', 'Messages', 'Processed', 'Waiting', 'Rejected', 'Duplicates', 'Test', 'Encounters', 'Charges', 'Units', 'Amount'],
        all.data.interfaces.map(l => ({ key: l.interfaceId, cells: [l.interfaceId, text(l.name), l.messages, l.processed, l.waiting, l.rejected, l.duplicates, l.test,
          l.encounters, l.charges, units(l.units), money(l.amount)] })), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
        : h('p', { class: 'error' }, problem(all))));
  drawCharts(day, week);
}

// ---- reconciliation ------------------------------------------------------------------------------

const RECONCILE_PARTS = [
  ['notPosted', 'Billed in WebPT, not posted'],
  ['different', 'Posted with other units or amount'],
  ['notListed', 'Posted, not in WebPT\'s list'],
  ['posted', 'Billed and posted'],
];

const RECONCILE_STATUS = { POSTED: 'Posted', WAITING: 'Waiting', REJECTED: 'Rejected', RECEIVED: 'Not yet answered',
  NEVER_RECEIVED: 'Never received', NOT_LISTED: 'Not listed', DIFFERENT: 'Different' };

function reconcileLines(part, lines) {
  return reportTable('reconcile-' + part, ['Status', 'Row', 'Patient', 'Date of service', 'Code', 'Billed units', 'Billed amount',
    'Posted units', 'Posted amount', 'WebPT visit', 'Why', 'Message'],
  lines.map(l => ({ key: l.patientId, cells: [h('span', { 'data-status': l.status }, RECONCILE_STATUS[l.status] || l.status), text(l.row), l.patientId, l.serviceDate, l.procedureCode, units(l.billedUnits),
    l.billedAmount === null || l.billedAmount === undefined ? '' : money(l.billedAmount), units(l.postedUnits),
    l.postedAmount === null || l.postedAmount === undefined ? '' : money(l.postedAmount), text(l.visitId), text(l.why),
    l.journalId === null || l.journalId === undefined ? '-' : h('a', { href: '#/message/' + l.journalId, class: 'message-link' }, 'Journal ' + l.journalId)] })),
  [1, 5, 6, 7, 8]);
}

async function reconcile() {
  const file = h('input', { type: 'file', id: 'reconcile-file', accept: '.csv,text/csv', required: true });
  const result = h('div', { id: 'reconcile-result', role: 'status' });
  const form = h('form', { id: 'reconcile-form' },
    h('p', {}, 'WebPT\'s list of the visits it billed, as CSV (patient ID, date of service, procedure code, units; amount and visit ID when it has them). ',
      'It is compared with the charges posted for the dates of service it covers; nothing is changed.'),
    h('label', {}, 'WebPT\'s billed list ', file), h('button', { type: 'submit', id: 'reconcile-submit' }, 'Compare'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!file.files[0]) return;
    const a = await apiBody('POST', scoped('/api/reconcile'), 'text/csv', await file.files[0].text());
    if (!a.ok) { result.replaceChildren(h('p', { class: 'error', id: 'reconcile-error' }, problem(a))); return; }
    const d = a.data;
    result.replaceChildren(
      h('p', { id: 'reconcile-counts' }, d.from === d.to ? 'Dates of service ' + text(d.from) : 'Dates of service ' + text(d.from) + ' to ' + text(d.to), ': ',
        d.posted.length + ' posted, ' + d.notPosted.length + ' not posted, ' + d.different.length + ' posted differently, ' +
        d.notListed.length + ' posted but not in WebPT\'s list.'),
      ...RECONCILE_PARTS.map(([part, title]) => h('section', { id: 'reconcile-part-' + part, class: 'reconcile-part' },
        h('h3', {}, title, ' (' + d[part].length + ')'),
        d[part].length ? reconcileLines(part, d[part]) : h('p', { class: 'muted' }, 'None.'))));
  });
  show(h('section', { id: 'reconcile' }, h('h2', {}, 'Reconcile with WebPT – interface ' + state.iface), form), result);
}

pages.reports = reports;
pages.reconcile = reconcile;
