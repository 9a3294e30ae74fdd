// Go-live: one interface's way from setup to live traffic, in the order an analyst follows it
// (docs/interfaces.md, "Taking a practice live"): the lifecycle state and its changes, the readiness
// check, imports of the billing system's exports (preview first), the initial patient load, and
// the printable Alternate ID sheet. Uses console.js's helpers; adds its pages to its table.
'use strict';

const NEXT_STATES = {
  setup: [['testing', 'Start the test phase']],
  testing: [['live', 'Go live'], ['setup', 'Back to setup']],
  live: [['testing', 'Back to testing']],
  disabled: [['testing', 'Start the test phase']],
};

async function goLive() {
  const [life, kinds] = await Promise.all([api('GET', scoped('/api/lifecycle')), referenceKinds()]);
  if (!life.ok) { show(h('section', {}, h('p', { class: 'error' }, problem(life)))); return; }
  show(
    lifecycleSection(life.data),
    readinessSection(),
    importSection(kinds),
    patientLoadSection(),
    h('section', { id: 'golive-sheet' }, h('h3', {}, '5. The Alternate ID sheet for WebPT'),
      h('p', {}, 'WebPT\'s staff type each record\'s Sequence Number into its Alternate ID field. ',
        h('a', { href: '#/sheet', id: 'sheet-link' }, 'Open the printable sheet'), ' (or ',
        h('code', {}, 'bridge interface sheet ' + state.iface + ' --format html'), ').')));
}

function lifecycleSection(l) {
  const result = h('div', { id: 'lifecycle-result', role: 'status' });
  const force = h('input', { type: 'checkbox', id: 'golive-force' });
  const change = async (to) => {
    const body = { state: to };
    if (to === 'live' && force.checked) body.force = true;
    const a = await api('POST', scoped('/api/lifecycle'), body);
    if (a.ok) { route(); return; }
    result.replaceChildren(h('p', { class: 'error' }, problem(a)),
      a.data && a.data.readiness ? readinessTable(a.data.readiness) : null);
  };
  const buttons = (NEXT_STATES[l.state] || []).map(([to, label]) =>
    h('button', { type: 'button', id: to === 'live' ? 'golive-button' : 'lifecycle-' + to, onclick: () => change(to) }, label));
  const reset = l.state === 'testing'
    ? h('button', { type: 'button', id: 'lifecycle-reset', onclick: async () => {
      const a = await api('POST', scoped('/api/lifecycle/reset-test'), {});
      if (a.ok) route(); else result.replaceChildren(h('p', { class: 'error' }, problem(a)));
    } }, 'Clear the test data')
    : null;
  const disable = l.state !== 'disabled'
    ? h('button', { type: 'button', id: 'lifecycle-disabled', onclick: () => change('disabled') }, 'Disable')
    : null;
  return h('section', { id: 'golive-state' },
    h('h2', {}, 'Go-live – interface ' + state.iface),
    h('p', {}, '1. Lifecycle state: ', h('strong', { id: 'lifecycle-state', class: 'state-' + l.state }, l.state),
      l.since ? ' since ' + new Date(l.since).toLocaleString() : '', l.changedBy ? ' (by ' + l.changedBy + ')' : ''),
    h('p', { class: 'muted' }, {
      setup: 'Messages are answered AR (journaled) until the test phase starts.',
      testing: 'Messages are processed as live, but their effects go to the test sandbox: nothing is posted live.',
      live: 'Messages are posted live; test messages (MSH-11 T or D) still go to the sandbox.',
      disabled: 'The interface takes no traffic.',
    }[l.state] || ''),
    h('div', { class: 'actions' }, buttons, reset, disable,
      NEXT_STATES[l.state] && NEXT_STATES[l.state].some(([to]) => to === 'live')
        ? h('label', {}, force, ' Go live even if the readiness check FAILs (recorded as forced)') : null),
    result,
    l.history.length ? h('details', {}, h('summary', {}, 'Changes (' + l.history.length + ')'),
      h('table', { id: 'lifecycle-history' }, h('thead', {}, h('tr', {}, ['When', 'Who', 'From', 'To', 'Forced', 'Note'].map(t => h('th', {}, t)))),
        h('tbody', {}, l.history.map(c => h('tr', {}, h('td', {}, new Date(c.changedAt).toLocaleString()), h('td', {}, c.changedBy),
          h('td', {}, text(c.from)), h('td', {}, c.to), h('td', {}, c.forced ? 'forced' : ''), h('td', {}, text(c.note))))))) : null);
}

function readinessTable(r) {
  return h('div', {},
    h('p', {}, 'Verdict: ', h('strong', { id: 'readiness-verdict', class: 'verdict-' + r.verdict }, r.verdict)),
    h('table', { id: 'readiness' }, h('thead', {}, h('tr', {}, ['Check', 'Result', 'Why'].map(t => h('th', {}, t)))),
      h('tbody', {}, r.items.map(i => h('tr', { 'data-check': i.check, class: 'verdict-' + i.verdict },
        h('td', {}, i.check), h('td', {}, h('strong', {}, i.verdict)),
        h('td', {}, i.reason, i.unresolved && i.unresolved.length
          ? h('ul', {}, i.unresolved.map(u => h('li', { 'data-key': u.key },
            text(u.title), ' (', u.messages, ' message(s)): ', text(u.fix), ' ',
            h('a', { href: '#/worklist' }, 'Fix it in the worklist'))))
          : null))))));
}

function readinessSection() {
  const out = h('div', { id: 'readiness-result', role: 'status' });
  return h('section', { id: 'golive-readiness' }, h('h3', {}, '2. Readiness check'),
    h('p', { class: 'muted' }, 'Go live is refused while an item FAILs.'),
    h('button', { type: 'button', id: 'readiness-run', onclick: async () => {
      const r = await api('GET', scoped('/api/readiness'));
      out.replaceChildren(r.ok ? readinessTable(r.data) : h('p', { class: 'error' }, problem(r)));
    } }, 'Run the readiness check'), out);
}

function previewTables(p) {
  const table = (id, title, heads, rows) => rows.length ? h('div', {}, h('h4', {}, title + ' (' + rows.length + ')'),
    h('table', { id }, h('thead', {}, h('tr', {}, heads.map(t => h('th', {}, t)))), h('tbody', {}, rows))) : null;
  return h('div', {},
    h('p', { id: 'import-counts' }, p.counts.add + ' to add, ' + p.counts.change + ' to change, ' + p.counts.unchanged
      + ' unchanged, ' + p.counts.refused + ' refused.'),
    p.ignoredColumns && p.ignoredColumns.length ? h('p', { class: 'muted' }, 'Columns not read: ' + p.ignoredColumns.join(', ')) : null,
    table('import-add', 'To add', ['Row', 'Sequence Number', 'Name'],
      p.add.map(a => h('tr', {}, h('td', {}, a.row), h('td', {}, a.sequenceNumber === null ? '(next free)' : a.sequenceNumber), h('td', {}, a.name)))),
    table('import-change', 'To change', ['Row', 'Record', 'Name', 'Changes'],
      p.change.map(c => h('tr', {}, h('td', {}, c.row), h('td', {}, c.key), h('td', {}, c.name),
        h('td', {}, c.fields.map(f => f.field + ': ' + text(f.from) + ' → ' + text(f.to)).join('; '))))),
    table('import-unchanged', 'Unchanged', ['Row', 'Record', 'Name'],
      p.unchanged.map(u => h('tr', {}, h('td', {}, u.row), h('td', {}, u.key), h('td', {}, u.name)))),
    table('import-refused', 'Refused', ['Row', 'Reason', 'What to fix'],
      p.refused.map(r => h('tr', {}, h('td', {}, r.row), h('td', {}, r.reason), h('td', {}, r.sentence)))));
}

function importSection(kinds) {
  const kind = h('select', { id: 'import-kind' }, kinds.map(k => h('option', { value: k.path }, k.noun)));
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv' });
  const out = h('div', { id: 'import-result', role: 'status' });
  const send = async (dryRun) => {
    if (!file.files[0]) { out.replaceChildren(h('p', { class: 'error' }, 'Choose the export file first.')); return null; }
    const query = '?file=' + encodeURIComponent(file.files[0].name) + (dryRun ? '&dry-run=true' : '');
    return apiBody('POST', scoped('/api/imports/' + kind.value) + query, 'text/csv', await file.files[0].text());
  };
  const preview = h('button', { type: 'button', id: 'import-preview', onclick: async () => {
    const a = await send(true);
    if (!a) return;
    if (!a.ok) { out.replaceChildren(h('p', { class: 'error' }, problem(a))); return; }
    const p = a.data.preview;
    const apply = h('button', { type: 'button', id: 'import-apply', disabled: p.counts.add + p.counts.change === 0, onclick: async () => {
      const b = await send(false);
      if (!b) return;
      out.replaceChildren(b.ok ? h('div', { class: 'ok' }, h('p', { id: 'import-applied' }, 'Applied: ' + b.data.preview.counts.add
        + ' added, ' + b.data.preview.counts.change + ' changed.'), outcomes(b.data.reprocessed)) : h('p', { class: 'error' }, problem(b)));
    } }, 'Apply this import');
    out.replaceChildren(h('h4', {}, 'Preview – nothing is stored yet'), previewTables(p), apply);
  } }, 'Preview');
  return h('section', { id: 'golive-import' }, h('h3', {}, '3. Import the billing system\'s exports'),
    h('p', { class: 'muted' }, 'A CSV export of payers, facilities, providers, referring providers or procedure codes; its headers are matched by their meaning ("Sequence #", "Payer Name", "NPI").'),
    h('label', {}, 'Kind ', kind), ' ', h('label', {}, 'Export file ', file), ' ', preview, out);
}

function patientLoadSection() {
  const file = h('input', { type: 'file', id: 'load-file', accept: '.hl7,.txt,.csv' });
  const out = h('div', { id: 'load-result', role: 'status' });
  const render = (p) => h('div', {},
    h('progress', { id: 'load-progress', max: Math.max(1, p.total), value: p.done }), ' ',
    h('span', { id: 'load-state' }, p.state), ' – ', p.done + ' of ' + p.total,
    h('p', { id: 'load-summary' }, p.created + ' created, ' + p.updated + ' updated, ' + p.unchanged + ' unchanged, '
      + p.rejected + ' rejected.'),
    p.problem ? h('p', { class: 'error' }, p.problem) : null,
    p.rejects && p.rejects.length ? h('ul', { id: 'load-rejects' }, p.rejects.map(r => h('li', {}, r))) : null);
  const start = h('button', { type: 'button', id: 'load-start', onclick: async () => {
    if (!file.files[0]) { out.replaceChildren(h('p', { class: 'error' }, 'Choose the export file first.')); return; }
    const a = await api('POST', scoped('/api/patient-loads'), { name: file.files[0].name, content: await file.files[0].text() });
    if (!a.ok) { out.replaceChildren(h('p', { class: 'error' }, problem(a))); return; }
    out.replaceChildren(render(a.data));
    const follow = async () => {
      const r = await api('GET', scoped('/api/patient-loads/' + encodeURIComponent(a.data.id)));
      if (!r.ok) { out.replaceChildren(h('p', { class: 'error' }, problem(r))); return; }
      out.replaceChildren(render(r.data));
      if (r.data.state === 'RUNNING' && location.hash.startsWith('#/golive')) setTimeout(follow, 1000);
    };
    follow();
  } }, 'Load the patients');
  return h('section', { id: 'golive-load' }, h('h3', {}, '4. Initial patient load'),
    h('p', { class: 'muted' }, 'WebPT\'s initial demographic export (HL7 messages, with or without batch segments, or a CSV). Every patient goes through the Patient Info rules; a second run changes nothing.'),
    h('label', {}, 'Export file ', file), ' ', start, out);
}

// The Alternate ID sheet as a console page: on paper only the sheet (console.css, @media print).
async function sheet() {
  const r = await api('GET', scoped('/api/sheet') + '?format=json');
  if (!r.ok) { show(h('section', {}, h('p', { class: 'error' }, problem(r)))); return; }
  const s = r.data;
  show(h('section', { id: 'sheet' },
    h('h2', {}, 'Alternate IDs for WebPT – interface ' + s.interfaceId),
    h('p', { class: 'muted' }, 'Made ' + new Date(s.generatedAt).toLocaleString() + '. ',
      h('button', { type: 'button', id: 'sheet-print', class: 'no-print', onclick: () => window.print() }, 'Print')),
    s.sections.map(sec => h('section', { class: 'sheet-section' + (sec.byPhone ? ' phone' : ''), 'data-kind': sec.kind },
      h('h3', {}, sec.title), h('p', {}, sec.instruction),
      sec.lines.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Name', 'Alternate ID (Sequence Number)', 'NPI'].map(t => h('th', {}, t)))),
        h('tbody', {}, sec.lines.map(l => h('tr', {}, h('td', {}, l.name), h('td', { class: 'alternate-id' }, l.sequenceNumber), h('td', {}, text(l.npi))))))
        : h('p', { class: 'muted' }, 'None.')))));
}

pages.golive = goLive;
pages.sheet = sheet;
