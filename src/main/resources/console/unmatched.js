// Unmatched messages: those no interface on a shared port took (an MSH-4/MSH-6 no interface's match
// names, e.g. a new clinic), answered AR and kept without an interface (docs/interfaces.md,
// "Unmatched messages"). Admin only: header fields, never patient data; each can be assigned to an
// interface, which processes it once. Uses console.js's helpers; adds its page to its table and the
// count to the overview.
'use strict';

async function unmatched(query) {
  const params = new URLSearchParams(query || '');
  const limit = 50;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const [r, list] = await Promise.all([api('GET', '/api/unmatched?' + q.toString()), api('GET', '/api/interfaces')]);
  if (!r.ok) {
    show(h('section', { id: 'unmatched' }, h('h2', {}, 'Unmatched messages'),
      h('p', { class: 'error', id: 'unmatched-refused' }, r.status === 403 ? 'Unmatched messages are shown to admins only. ' + problem(r) : problem(r))));
    return;
  }
  const ids = list.ok ? list.data.map(i => i.id) : [];
  const result = h('div', { id: 'unmatched-result', role: 'status' });
  const page = (o) => { const p = new URLSearchParams(params); p.set('offset', Math.max(0, o)); return '#/unmatched/' + encodeURIComponent(p.toString()); };
  const row = (m) => {
    const choice = h('select', { 'aria-label': 'Interface for message ' + m.id, class: 'assign-to' },
      ids.map(id => h('option', { value: id }, id)));
    const assign = h('button', { type: 'button', class: 'assign', onclick: async () => {
      const a = await api('POST', '/api/unmatched/' + encodeURIComponent(m.id) + '/assign', { interface: choice.value });
      if (!a.ok) { result.replaceChildren(h('p', { class: 'error' }, problem(a))); return; }
      const o = a.data.reprocessed;
      result.replaceChildren(h('p', { id: 'assign-outcome' }, 'Message ' + m.id + ' assigned to ' + a.data.assigned + ': ' + o.status +
        ' (' + text(o.ackCode) + ')' + (o.skipped ? ', ' + o.skipped : '') + '. ',
      h('a', { href: '#/message/' + m.id, onclick: () => { state.iface = a.data.assigned; sessionStorage.setItem('bridge.iface', a.data.assigned); document.getElementById('iface').value = a.data.assigned; } }, 'Open it there')));
      tr.remove();
    } }, 'Assign');
    const tr = h('tr', { 'data-control-id': m.controlId, 'data-id': m.id },
      h('td', {}, m.id), h('td', {}, new Date(m.receivedAt).toLocaleString()),
      h('td', {}, text(m.sendingApplication)), h('td', {}, text(m.sendingFacility)),
      h('td', {}, text(m.receivingApplication)), h('td', {}, text(m.receivingFacility)),
      h('td', {}, text(m.messageType) + (m.triggerEvent ? '^' + m.triggerEvent : '')), h('td', {}, text(m.controlId)),
      h('td', {}, text(m.remoteAddress)), h('td', {}, choice, ' ', assign));
    return tr;
  };
  show(h('section', { id: 'unmatched' }, h('h2', {}, 'Unmatched messages'),
    h('p', {}, h('strong', { id: 'unmatched-total' }, r.data.total), ' message(s) no interface took: their MSH-4/MSH-6 matched no interface on their port (answered AR). ',
      'Assign one to the interface that should have taken it: it is processed there once. Add that interface\'s match too, so the next ones are taken on arrival.'),
    result,
    h('table', { id: 'unmatched-list' },
      h('thead', {}, h('tr', {}, ['Journal id', 'Received', 'Sending app', 'Sending facility', 'Receiving app', 'Receiving facility', 'Type', 'Control ID', 'From', 'Assign to'].map(t => h('th', {}, t)))),
      h('tbody', {}, r.data.messages.map(row))),
    h('p', {}, offset > 0 ? h('a', { href: page(offset - limit), id: 'unmatched-prev' }, '← Newer') : null, ' ',
      r.data.messages.length === limit ? h('a', { href: page(offset + limit), id: 'unmatched-next' }, 'Older →') : null)));
}

// The overview's line: how many unmatched messages wait (admins only; nothing for other roles).
async function unmatchedCount() {
  const r = await api('GET', '/api/unmatched?limit=1');
  if (!r.ok) return null;
  return h('p', { id: 'overview-unmatched', class: r.data.total > 0 ? 'error' : 'muted' },
    'Unmatched messages (no interface took them): ', h('a', { href: '#/unmatched', id: 'overview-unmatched-count' }, String(r.data.total)));
}

pages.unmatched = unmatched;
