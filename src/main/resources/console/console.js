// WebPT Bridge operator console: plain JavaScript over the engine's JSON API, no library, nothing
// loaded from elsewhere. The login (POST /api/session) is a session cookie the server sets HttpOnly
// and SameSite=Strict: no script here can read it and no credential is kept in the browser's storage
// (only the chosen interface is). Every request sends the X-Bridge-Console header, which a page on
// another site cannot add, and changes are sent as JSON, which the API requires. Text from the API
// is always set as text, never as HTML.
'use strict';

const state = {
  user: null,
  iface: sessionStorage.getItem('bridge.iface'),
  kinds: null,
  timer: null,
  route: 0, // counts the pages shown: an answer to a page left since is not shown
};

// ---- small helpers -------------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function main() { return document.getElementById('main'); }

function show(...sections) {
  const m = main();
  m.replaceChildren(...sections);
}

function text(v) { return v === null || v === undefined || v === '' ? '' : String(v); }

function age(seconds) {
  if (seconds === null || seconds === undefined) return '-';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  return Math.floor(s / 86400) + ' d ' + Math.floor((s % 86400) / 3600) + ' h';
}

function since(instant) {
  return instant ? age((Date.now() - Date.parse(instant)) / 1000) : '-';
}

async function api(method, path, body) {
  return body === undefined ? apiBody(method, path) : apiBody(method, path, 'application/json', JSON.stringify(body));
}

// A request with a body of its own type (an import's CSV), or none.
async function apiBody(method, path, contentType, payload) {
  const headers = { 'X-Bridge-Console': '1' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (payload !== undefined) {
    headers['Content-Type'] = contentType;
    init.body = payload;
  }
  const route = state.route;
  const r = await fetch(path, init);
  const raw = await r.text();
  let data = raw;
  try { data = JSON.parse(raw); } catch (e) { /* text, e.g. /metrics */ }
  if (r.status === 401) {
    ended(data && data.session === 'ended' ? data.error : 'Your login is no longer accepted: log in again.');
    throw new Error('login');
  }
  if (route !== state.route) throw new Error('left');
  return { status: r.status, ok: r.ok, data };
}

// A resource of the selected interface: /api/worklist -> /api/interfaces/{id}/worklist
function scoped(path) {
  return '/api/interfaces/' + encodeURIComponent(state.iface) + path.substring(4);
}

function problem(answer) {
  return answer.data && answer.data.error ? answer.data.error : 'HTTP ' + answer.status;
}

// ---- login ---------------------------------------------------------------------------------------

function loginPage(message) {
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' }, message || '');
  const form = h('form', { id: 'login-form' },
    h('label', {}, 'Account ', h('input', { id: 'login-user', name: 'user', autocomplete: 'username', required: true })),
    h('label', {}, 'Password ', h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit', id: 'login-submit' }, 'Log in'),
    error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const user = form.querySelector('#login-user').value.trim();
    const password = form.querySelector('#login-password').value;
    const r = await fetch('/api/session', {
      method: 'POST', credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Bridge-Console': '1' },
      body: JSON.stringify({ user, password }),
    });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      error.textContent = r.status !== 401 ? (body.error || 'HTTP ' + r.status)
        : /^Too many/.test(body.error || '') ? body.error : 'Account or password not accepted.';
      return;
    }
    await loggedIn(body);
  });
  document.getElementById('nav').hidden = true;
  show(h('section', { id: 'login-page' }, h('h2', {}, 'Log in'),
    h('p', {}, 'Use your Bridge account (as for bridge --user).'), form));
}

// The session is over (a 401, or a logout): back to the login form, saying why.
function ended(message) {
  state.user = null;
  clearInterval(state.timer);
  loginPage(message);
}

async function logout() {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin', cache: 'no-store', headers: { 'Content-Type': 'application/json', 'X-Bridge-Console': '1' } })
    .catch(() => { /* the server forgets it when idle anyway */ });
  ended('Logged out.');
}

// Logged in (GET or POST /api/session answered): the account, then its interfaces.
async function loggedIn(session) {
  state.user = session.user;
  const r = await api('GET', '/api/interfaces');
  if (r.ok) await start(r.data);
  else show(h('section', {}, h('p', { class: 'error' }, problem(r))));
}

async function start(interfaces) {
  const select = document.getElementById('iface');
  select.replaceChildren(...interfaces.map(i => h('option', { value: i.id }, i.id + ' – ' + (i.name || '') + (i.state && i.state !== 'live' ? ' (' + i.state + ')' : ''))));
  if (!interfaces.some(i => i.id === state.iface)) state.iface = interfaces.length ? interfaces[0].id : null;
  select.value = state.iface;
  sessionStorage.setItem('bridge.iface', state.iface);
  document.getElementById('who').textContent = 'Logged in as ' + state.user;
  document.getElementById('nav').hidden = false;
  if (!location.hash || location.hash === '#') location.hash = '#/dashboard';
  else route();
}

// ---- pages ---------------------------------------------------------------------------------------

function route() {
  clearInterval(state.timer);
  if (!state.user) { loginPage(); return; }
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  for (const a of document.querySelectorAll('nav a')) {
    a.classList.toggle('current', a.getAttribute('href').split('/')[1] === parts[0]);
  }
  const page = pages[parts[0]] || dashboard;
  state.route++;
  page(...parts.slice(1).map(decodeURIComponent)).catch(e => {
    if (e.message !== 'login' && e.message !== 'left') show(h('section', {}, h('p', { class: 'error' }, 'The page could not be loaded: ' + e.message)));
  });
}

// Dashboard: counts per type and facility for the last hour and day, NAK rate, waiting, connections.
async function dashboard() {
  const render = async () => {
    const [summary, metrics, charts] = await Promise.all([api('GET', scoped('/api/summary')), api('GET', '/metrics'),
      chartsSection('dash-charts', 24, [0])]);
    if (!summary.ok) { show(h('section', {}, h('p', { class: 'error' }, problem(summary)))); return; }
    const s = summary.data;
    let connections = '-';
    if (metrics.ok && typeof metrics.data === 'string') {
      const m = metrics.data.match(/^bridge_mllp_connections(?:\{[^}]*\})? ([0-9.eE+-]+)$/m);
      if (m) connections = String(Math.round(Number(m[1])));
    }
    const card = (id, label, value) => h('div', { class: 'card' }, h('div', { class: 'muted' }, label), h('div', { class: 'value', id }, value));
    const period = (id, title, p) => h('section', { id },
      h('h3', {}, title, ' – NAK rate ', h('span', { id: id + '-nak' }, (p.nakRate * 100).toFixed(1) + ' %')),
      h('table', {},
        h('thead', {}, h('tr', {}, ['Type', 'Sending facility', 'Received', 'Processed', 'Waiting', 'Rejected', 'Duplicate', 'In progress'].map(t => h('th', {}, t)))),
        h('tbody', {}, [...p.lines, p.total].map(l => h('tr', { class: l.type === 'all' ? 'total' : null, 'data-type': l.type },
          h('td', {}, l.type === 'all' ? 'All' : l.type), h('td', {}, l.facility === 'all' ? '' : l.facility),
          h('td', { class: 'num', id: l.type === 'all' ? id + '-received' : null }, l.received),
          h('td', { class: 'num', id: l.type === 'all' ? id + '-processed' : null }, l.processed),
          h('td', { class: 'num', id: l.type === 'all' ? id + '-waiting' : null }, l.waiting),
          h('td', { class: 'num' }, l.rejected), h('td', { class: 'num' }, l.duplicate), h('td', { class: 'num' }, l.inProgress))))));
    show(
      h('section', { id: 'dashboard' }, h('h2', {}, 'Dashboard – interface ' + state.iface),
        h('div', { class: 'cards' },
          card('dash-waiting', 'Waiting messages', s.waitingMessages),
          card('dash-oldest', 'Oldest waiting', s.oldestWaiting ? since(s.oldestWaiting) : '-'),
          card('dash-connections', 'MLLP connections', connections),
          card('dash-nak-hour', 'NAK rate, last hour', (s.lastHour.nakRate * 100).toFixed(1) + ' %'),
          card('dash-version', 'Version', s.version),
          card('dash-uptime', 'Up for', age(s.uptimeSeconds))),
        h('p', { class: 'muted' }, 'Refreshes every 10 seconds; last at ', new Date().toLocaleTimeString())),
      charts,
      period('dash-hour', 'Last hour', s.lastHour),
      period('dash-day', 'Last 24 hours', s.lastDay));
    drawCharts(charts);
  };
  await render();
  state.timer = setInterval(() => render().catch(() => {}), 10000);
}

// All practices at once: one line per interface the account may see.
async function overview() {
  const render = async () => {
    const list = await api('GET', '/api/interfaces');
    const rows = [];
    for (const i of list.ok ? list.data : []) {
      const r = await api('GET', '/api/interfaces/' + encodeURIComponent(i.id) + '/summary');
      if (!r.ok) continue;
      const s = r.data;
      rows.push(h('tr', { 'data-interface': i.id },
        h('td', {}, h('a', { href: '#/dashboard', onclick: () => { state.iface = i.id; sessionStorage.setItem('bridge.iface', i.id); document.getElementById('iface').value = i.id; } }, i.id)),
        h('td', {}, i.name), h('td', { class: 'state-' + i.state }, text(i.state)), h('td', { class: 'num' }, i.port),
        h('td', { class: 'num' }, s.lastHour.total.received), h('td', { class: 'num' }, (s.lastHour.nakRate * 100).toFixed(1) + ' %'),
        h('td', { class: 'num' }, s.lastDay.total.received), h('td', { class: 'num' }, (s.lastDay.nakRate * 100).toFixed(1) + ' %'),
        h('td', { class: 'num' }, s.waitingMessages), h('td', {}, s.oldestWaiting ? since(s.oldestWaiting) : '-')));
    }
    const unmatchedLine = typeof unmatchedCount === 'function' ? await unmatchedCount() : null; // console/unmatched.js
    show(h('section', { id: 'overview' }, h('h2', {}, 'All interfaces'), unmatchedLine,
      h('table', {}, h('thead', {}, h('tr', {}, ['Interface', 'Name', 'State', 'MLLP port', 'Received (hour)', 'NAK rate (hour)', 'Received (day)', 'NAK rate (day)', 'Waiting', 'Oldest waiting'].map(t => h('th', {}, t)))),
        h('tbody', {}, rows)),
      h('p', { class: 'muted' }, 'Refreshes every 30 seconds; last at ', new Date().toLocaleTimeString())));
  };
  await render();
  state.timer = setInterval(() => render().catch(() => {}), 30000);
}

async function referenceKinds() {
  if (!state.kinds) {
    const r = await api('GET', scoped('/api/reference-kinds'));
    state.kinds = r.ok ? r.data : [];
  }
  return state.kinds;
}

function outcomes(list) {
  if (!list || list.length === 0) return h('p', {}, 'No waiting message was released.');
  return h('div', {},
    h('p', {}, list.length + ' message(s) released:'),
    h('ul', {}, list.map(o => h('li', { 'data-control-id': o.controlId },
      'Control ID ', o.controlId, ' (journal ', o.id, '): ', h('strong', {}, o.status), o.ackCode ? ' (' + o.ackCode + ')' : '',
      o.skipped ? ' – ' + o.skipped : '',
      o.waitingFor && o.waitingFor.length ? ' – still waiting for ' + o.waitingFor.join(', ') : ''))));
}

// A form's label for a reference field: the API's label ("Payer ID"), required ones marked.
function fieldLabel(f) {
  return [f.label || f.name, f.required ? h('span', { class: 'required', title: 'required' }, ' (required)') : null, ' '];
}

function columnLabel(kind, c) {
  if (c === 'sequenceNumber') return 'Sequence Number';
  if (c === 'active') return 'Active';
  const f = kind.fields.find(x => x.name === c);
  return f ? f.label || f.name : c;
}

// A NAK sentence's statement of fact, without its advice ("...: add the payer ..."), which the
// worklist line's action already gives: each group says what to do once.
function fact(sentence) {
  const i = sentence.indexOf(': ');
  return i > 0 ? sentence.substring(0, i) + '.' : sentence;
}

// Worklist: waiting messages grouped by what they wait for, with the action right there.
async function worklist() {
  const [r, kinds] = await Promise.all([api('GET', scoped('/api/worklist')), referenceKinds()]);
  if (!r.ok) { show(h('section', {}, h('p', { class: 'error' }, problem(r)))); return; }
  const result = h('div', { id: 'worklist-result', role: 'status' });
  const groups = r.data.map((line, n) => {
    const kind = kinds.find(k => k.releases.includes(line.kind));
    let action = null;
    if (kind && line.key) {
      const inactive = /inactive/.test(line.action);
      if (inactive) {
        action = h('button', { type: 'button', class: 'reactivate', onclick: async () => {
          const a = await api('PUT', scoped('/api/' + kind.path + '/' + encodeURIComponent(line.key)), { active: true });
          result.replaceChildren(a.ok ? h('div', { class: 'ok' }, h('p', {}, 'Reactivated ' + kind.noun + ' ' + line.key + '.'), outcomes(a.data.reprocessed))
            : h('p', { class: 'error' }, problem(a)));
        } }, 'Reactivate ' + kind.noun + ' ' + line.key);
      } else if (line.kind !== 'npi-mismatch') {
        const inputs = [];
        if (kind.key === 'sequenceNumber') inputs.push(h('label', {}, 'Sequence Number ', h('input', { name: 'sequenceNumber', value: line.key, readonly: true })));
        for (const f of kind.fields) {
          inputs.push(h('label', { title: f.description }, fieldLabel(f),
            h('input', { name: f.name, value: f.name === kind.key ? line.key : null, required: f.required, maxlength: f.max })));
        }
        const form = h('form', { class: 'add-form', 'data-kind': kind.path }, h('h4', {}, 'Add ' + kind.noun + ' ' + line.key), ...inputs,
          h('button', { type: 'submit' }, 'Add ' + kind.noun));
        form.addEventListener('submit', async (ev) => {
          ev.preventDefault();
          const body = {};
          for (const input of form.querySelectorAll('input')) if (input.value.trim() !== '') body[input.name] = input.value.trim();
          const a = await api('POST', scoped('/api/' + kind.path), body);
          result.replaceChildren(a.ok
            ? h('div', { class: 'ok' }, h('p', {}, 'Added ' + kind.noun + '. ', text(a.data.instructions)), outcomes(a.data.reprocessed))
            : h('p', { class: 'error' }, problem(a)));
          result.scrollIntoView();
        });
        action = form;
      }
    }
    return h('section', { class: 'group', id: 'group-' + n, 'data-kind': line.kind || '', 'data-key': line.key || '' },
      h('h3', {}, line.waitingFor),
      h('p', {}, line.messages + ' message(s), ' + line.patients + ' patient(s), oldest received ' + since(line.oldest) + ' ago'),
      h('p', {}, line.action),
      line.detail ? h('p', { class: 'muted detail' }, line.kind ? fact(line.detail) : line.detail) : null,
      h('p', {}, 'Control IDs: ', line.controlIds.map((c, i) => [i ? ', ' : '', h('a', { href: '#/message/' + line.journalIds[i] }, c)])),
      h('p', {}, 'Patients: ', line.patientIds.join(', ') || '-'),
      action);
  });
  show(h('section', { id: 'worklist' }, h('h2', {}, 'Worklist – interface ' + state.iface),
    r.data.length ? null : h('p', { id: 'worklist-empty' }, 'No messages are waiting.'), result), ...groups);
}

// Message browser: search, paged.
async function messages(query) {
  const params = new URLSearchParams(query || '');
  const fields = [['controlId', 'Control ID'], ['patientId', 'Patient ID'], ['status', 'Status'], ['type', 'Type (ADT, DFT)'],
    ['facility', 'Sending facility'], ['errorCode', 'Error code'], ['from', 'From'], ['to', 'To']];
  const form = h('form', { id: 'search-form' }, fields.map(([name, label]) => h('label', {}, label + ' ',
    name === 'status'
      ? h('select', { name }, ['', 'RECEIVED', 'PROCESSED', 'ERROR', 'REJECTED', 'DUPLICATE'].map(s => h('option', { value: s, selected: params.get(name) === s }, s || 'any')))
      : h('input', { name, value: params.get(name), type: name === 'from' || name === 'to' ? 'datetime-local' : 'text' }))),
  h('button', { type: 'submit', id: 'search-submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const el of form.elements) if (el.name && el.value) q.set(el.name, el.value);
    location.hash = '#/messages/' + encodeURIComponent(q.toString());
  });
  const limit = 50;
  const offset = Number(params.get('offset') || 0);
  const q = new URLSearchParams(params);
  q.set('limit', limit);
  const r = await api('GET', scoped('/api/messages') + '?' + q.toString());
  const page = (o) => { const p = new URLSearchParams(params); p.set('offset', Math.max(0, o)); return '#/messages/' + encodeURIComponent(p.toString()); };
  const results = r.ok ? h('table', { id: 'results' },
    h('thead', {}, h('tr', {}, ['Journal id', 'Received', 'Control ID', 'Type', 'Facility', 'Patient', 'Status', 'ACK', 'Errors'].map(t => h('th', {}, t)))),
    h('tbody', {}, r.data.map(m => h('tr', { 'data-control-id': m.controlId },
      h('td', {}, h('a', { href: '#/message/' + m.id }, m.id)), h('td', {}, new Date(m.receivedAt).toLocaleString()),
      h('td', {}, m.controlId), h('td', {}, text(m.messageType) + (m.triggerEvent ? '^' + m.triggerEvent : '')),
      h('td', {}, m.sendingFacility), h('td', {}, m.patientId), h('td', {}, m.status), h('td', {}, m.ackCode),
      h('td', {}, m.errors.map(e => e.code + (e.location ? ' @ ' + e.location : '')).join('; '))))))
    : h('p', { class: 'error' }, problem(r));
  show(h('section', { id: 'messages' }, h('h2', {}, 'Messages – interface ' + state.iface), form),
    h('section', {}, results,
      h('p', {}, offset > 0 ? h('a', { href: page(offset - limit), id: 'page-prev' }, '← Newer') : null, ' ',
        r.ok && r.data.length === limit ? h('a', { href: page(offset + limit), id: 'page-next' }, 'Older →') : null)));
}

// One message: segments as a table with HAPI's field names, the ACK with each ERR's location
// highlighted in the message, the attempt history, Reprocess.
async function message(id) {
  const r = await api('GET', scoped('/api/messages/' + encodeURIComponent(id)));
  if (!r.ok) { show(h('section', {}, h('p', { class: 'error' }, problem(r)))); return; }
  const m = r.data;
  const locations = m.errors.map(e => e.location).filter(Boolean);
  const raw = await api('GET', scoped('/api/messages/' + encodeURIComponent(id)) + '?raw=true');
  let content;
  if (raw.ok && raw.data.rawMessage) {
    content = await segmentsTable(raw.data.rawMessage, locations);
  } else if (raw.status === 403) {
    content = h('p', { id: 'raw-hidden', class: 'muted' }, 'The message content is not shown: your role may not see raw messages (an analyst can).');
  } else {
    content = h('p', { id: 'raw-hidden', class: 'muted' }, raw.ok ? 'The message text is no longer kept (retention).' : problem(raw));
  }
  const result = h('div', { id: 'reprocess-result', role: 'status' });
  const reprocess = h('button', { type: 'button', id: 'reprocess', onclick: async () => {
    const a = await api('POST', scoped('/api/messages/' + encodeURIComponent(id) + '/reprocess'), {});
    result.replaceChildren(a.ok ? outcomes([a.data]) : h('p', { class: 'error' }, problem(a)));
  } }, 'Reprocess');
  show(
    h('section', { id: 'message' }, h('h2', {}, 'Message ', m.controlId || '', ' (journal ' + m.id + ')'),
      h('p', {}, 'Status ', h('strong', { id: 'message-status' }, m.status), ', ACK ', m.ackCode || '-', ', received ',
        new Date(m.receivedAt).toLocaleString(), ' from ', text(m.sendingFacility), ', type ', text(m.messageType) + '^' + text(m.triggerEvent),
        m.patientId ? ', patient ' + m.patientId : ''),
      m.notes.length ? h('ul', {}, m.notes.map(n => h('li', {}, n))) : null,
      reprocess, result),
    h('div', { class: 'columns' },
      h('div', {}, h('section', {}, h('h3', {}, 'Segments'), content)),
      h('div', {}, h('section', { id: 'ack' }, h('h3', {}, 'ACK'),
        h('ul', { id: 'ack-errors' }, m.errors.map(e => h('li', { 'data-location': e.location },
          h('strong', {}, e.code + ' ' + e.reason), e.location ? ' at ' + e.location : '', ': ', e.text))),
        h('pre', {}, text(m.ack).replace(/\r/g, '\n'))))),
    h('section', { id: 'attempts' }, h('h3', {}, 'Attempts'),
      h('table', {}, h('thead', {}, h('tr', {}, ['#', 'Completed', 'Status', 'ACK code', 'ACK'].map(t => h('th', {}, t)))),
        h('tbody', {}, (m.attemptHistory || []).map(a => h('tr', {}, h('td', {}, a.attempt), h('td', {}, a.completedAt ? new Date(a.completedAt).toLocaleString() : ''),
          h('td', {}, a.status), h('td', {}, a.ackCode), h('td', {}, h('pre', {}, text(a.ack).replace(/\r/g, '\n')))))))));
}

async function segmentsTable(rawMessage, locations) {
  const lines = rawMessage.split(/\r\n|\r|\n/).filter(l => l.length >= 3);
  const names = [...new Set(lines.map(l => l.substring(0, 3)))];
  const fieldNames = await api('GET', scoped('/api/field-names') + '?segments=' + encodeURIComponent(names.join(',')));
  const known = fieldNames.ok ? fieldNames.data : {};
  const sep = lines.length && lines[0].startsWith('MSH') ? lines[0].charAt(3) : '|';
  // ERR locations: PID-5, IN1[2]-3.1 -> segment, occurrence, field
  const marks = locations.map(l => l.match(/^([A-Z0-9]{3})(?:\[(\d+)\])?(?:-(\d+))?/)).filter(Boolean)
    .map(x => ({ seg: x[1], seq: Number(x[2] || 1), field: x[3] ? Number(x[3]) : 0 }));
  const seen = {};
  const rows = [];
  for (const line of lines) {
    const seg = line.substring(0, 3);
    seen[seg] = (seen[seg] || 0) + 1;
    const occurrence = seen[seg];
    let fields = line.split(sep);
    if (seg === 'MSH') fields = ['MSH', sep, ...fields.slice(1)];
    const segMarked = marks.some(k => k.seg === seg && k.seq === occurrence && k.field === 0);
    rows.push(h('tr', { class: 'segment' + (segMarked ? ' err-loc' : '') }, h('th', { colspan: 4 }, seg + (occurrence > 1 ? ' [' + occurrence + ']' : ''))));
    for (let i = 1; i < fields.length; i++) {
      if (fields[i] === '') continue;
      const marked = marks.some(k => k.seg === seg && k.seq === occurrence && k.field === i);
      const loc = seg + (occurrence > 1 ? '[' + occurrence + ']' : '') + '-' + i;
      rows.push(h('tr', { class: marked ? 'err-loc' : null, 'data-location': loc },
        h('td', {}, seg), h('td', {}, i), h('td', {}, (known[seg] || [])[i - 1] || ''), h('td', {}, fields[i])));
    }
  }
  return h('table', { id: 'segments' }, h('thead', {}, h('tr', {}, ['Segment', 'Field', 'Name', 'Value'].map(t => h('th', {}, t)))), h('tbody', {}, rows));
}

// Reference data: list, search, add, edit, deactivate, reactivate, audit trail.
async function reference(path, q) {
  const kinds = await referenceKinds();
  const kind = kinds.find(k => k.path === path) || kinds[0];
  const r = await api('GET', scoped('/api/' + kind.path) + (q ? '?q=' + encodeURIComponent(q) : ''));
  const result = h('div', { id: 'reference-result', role: 'status' });
  const select = h('select', { id: 'kind', onchange: () => { location.hash = '#/reference/' + select.value; } },
    kinds.map(k => h('option', { value: k.path, selected: k.path === kind.path }, k.noun)));
  const search = h('form', { id: 'reference-search' }, h('label', {}, 'Kind ', select),
    h('label', {}, 'Search ', h('input', { name: 'q', value: q })), h('button', { type: 'submit' }, 'Search'));
  search.addEventListener('submit', (ev) => { ev.preventDefault(); location.hash = '#/reference/' + kind.path + '/' + encodeURIComponent(search.q.value); });
  const columns = ['sequenceNumber', ...kind.fields.map(f => f.name), 'active'];
  const form = h('form', { id: 'reference-form' }, h('h3', { id: 'reference-form-title' }, 'Add ' + kind.noun),
    h('input', { type: 'hidden', name: '_key' }),
    kind.key === 'sequenceNumber' ? h('label', {}, 'Sequence Number (optional) ', h('input', { name: 'sequenceNumber' })) : null,
    kind.fields.map(f => h('label', { title: f.description }, fieldLabel(f), h('input', { name: f.name, maxlength: f.max }))),
    h('button', { type: 'submit' }, 'Save'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = {};
    for (const input of form.querySelectorAll('input')) if (input.name !== '_key' && input.value.trim() !== '') body[input.name] = input.value.trim();
    const key = form._key.value;
    const a = key ? await api('PUT', scoped('/api/' + kind.path + '/' + encodeURIComponent(key)), body)
      : await api('POST', scoped('/api/' + kind.path), body);
    showChange(result, a, key ? 'Saved.' : 'Added.');
  });
  const rows = r.ok ? r.data.map(rec => {
    const key = String(rec[kind.key]);
    return h('tr', {}, columns.map(c => h('td', {}, text(rec[c]))),
      h('td', {},
        h('button', { type: 'button', onclick: () => {
          form._key.value = key;
          document.getElementById('reference-form-title').textContent = 'Edit ' + kind.noun + ' ' + key;
          for (const input of form.querySelectorAll('input')) if (input.name !== '_key') input.value = text(rec[input.name]);
          form.scrollIntoView();
        } }, 'Edit'), ' ',
        rec.active
          ? h('button', { type: 'button', onclick: async () => showChange(result, await api('DELETE', scoped('/api/' + kind.path + '/' + encodeURIComponent(key))), 'Deactivated.') }, 'Deactivate')
          : h('button', { type: 'button', onclick: async () => showChange(result, await api('PUT', scoped('/api/' + kind.path + '/' + encodeURIComponent(key)), { active: true }), 'Reactivated.') }, 'Reactivate'), ' ',
        h('button', { type: 'button', onclick: async () => {
          const a = await api('GET', scoped('/api/' + kind.path + '/' + encodeURIComponent(key) + '/audit'));
          result.replaceChildren(a.ok ? h('div', {}, h('h3', {}, 'Audit trail of ' + kind.noun + ' ' + key),
            h('pre', {}, JSON.stringify(a.data, null, 2))) : h('p', { class: 'error' }, problem(a)));
        } }, 'Audit trail')));
  }) : [];
  show(h('section', { id: 'reference' }, h('h2', {}, 'Reference data – interface ' + state.iface), search,
    h('p', { class: 'muted' }, 'The Sequence Number is what WebPT needs (e.g. as the payer\'s Alternate ID).')),
  h('section', {}, r.ok ? h('table', { id: 'reference-table' }, h('thead', {}, h('tr', {}, [...columns, ''].map(c => h('th', {}, columnLabel(kind, c))))), h('tbody', {}, rows))
    : h('p', { class: 'error' }, problem(r))),
  h('section', {}, result, form));
}

function showChange(result, a, done) {
  result.replaceChildren(a.ok
    ? h('div', { class: 'ok' }, h('p', {}, done, ' ', text(a.data.instructions)), a.data.reprocessed ? outcomes(a.data.reprocessed) : null,
      h('p', {}, h('a', { href: location.hash, onclick: () => route() }, 'Refresh the list')))
    : h('p', { class: 'error' }, problem(a)));
}

// Try a message: what it would do, nothing stored.
async function tryMessage() {
  const textarea = h('textarea', { id: 'try-message', name: 'message', placeholder: 'MSH|^~\\&|WEBPT|...', required: true });
  const profile = h('textarea', { id: 'try-profile', name: 'profile', placeholder: 'Optional: an edited mapping profile (YAML)' });
  const file = h('input', { type: 'file', id: 'try-file', accept: '.hl7,.txt' });
  file.addEventListener('change', async () => { if (file.files[0]) textarea.value = await file.files[0].text(); });
  const journalId = h('input', { id: 'try-journal', size: 8 });
  const load = h('button', { type: 'button', onclick: async () => {
    const a = await api('GET', scoped('/api/messages/' + encodeURIComponent(journalId.value.trim())) + '?raw=true');
    if (a.ok && a.data.rawMessage) textarea.value = a.data.rawMessage.replace(/\r/g, '\n');
    else result.replaceChildren(h('p', { class: 'error' }, a.ok ? 'That message\'s text is no longer kept.' : problem(a)));
  } }, 'Load');
  const result = h('div', { id: 'try-result', role: 'status' });
  const form = h('form', { id: 'try-form' }, h('p', {}, 'Paste a message, upload a file ', file, ' or load one from the journal: ', journalId, ' ', load),
    textarea, h('details', {}, h('summary', {}, 'Mapping profile'), profile),
    h('button', { type: 'submit', id: 'try-submit' }, 'Try it'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { message: textarea.value.replace(/\r?\n/g, '\r') };
    if (profile.value.trim()) body.profile = profile.value;
    const a = await api('POST', scoped('/api/dry-run'), body);
    if (!a.ok) { result.replaceChildren(h('p', { class: 'error' }, problem(a))); return; }
    const d = a.data;
    result.replaceChildren(
      h('h3', {}, 'It would be ', h('span', { id: 'try-status' }, d.status), ' (', d.ackCode, ')', d.patientId ? ', patient ' + d.patientId + (d.patientIsNew ? ' (new)' : '') : ''),
      h('p', { class: 'muted' }, 'Nothing was stored.'),
      d.errors.length ? h('ul', { id: 'try-errors' }, d.errors.map(e => h('li', {}, h('strong', {}, e.code + ' ' + e.reason), e.location ? ' at ' + e.location : '', ': ', e.text))) : null,
      d.patientChanges.length ? h('table', { id: 'try-changes' }, h('thead', {}, h('tr', {}, ['Patient Info field', 'Stored now', 'After this message'].map(t => h('th', {}, t)))),
        h('tbody', {}, d.patientChanges.map(c => h('tr', {}, h('td', {}, c.field), h('td', {}, text(c.before)), h('td', {}, text(c.after))))))
        : h('p', {}, 'No Patient Info field would change.'),
      d.notes.length ? h('div', {}, h('h4', {}, 'Insurance, encounter and other changes'), h('ul', { id: 'try-notes' }, d.notes.map(n => h('li', {}, n)))) : null,
      h('h4', {}, 'ACK'), h('pre', { id: 'try-ack' }, text(d.ack).replace(/\r/g, '\n')));
  });
  show(h('section', { id: 'try' }, h('h2', {}, 'Try a message – interface ' + state.iface), form), h('section', {}, result));
}

// ---- start ---------------------------------------------------------------------------------------

// The pages by the first part of the location hash. A page of its own file (console/golive.js, ...,
// loaded after this one by index.html) adds itself here: pages.golive = goLive;
const pages = { dashboard, overview, worklist, messages, message, reference, try: tryMessage };

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('logout').addEventListener('click', logout);
  document.getElementById('iface').addEventListener('change', (ev) => {
    state.iface = ev.target.value;
    sessionStorage.setItem('bridge.iface', state.iface);
    route();
  });
  window.addEventListener('hashchange', route);
  // The form at once (its submit is ours: the page's own form would send the password in the URL),
  // then the session this browser may still have (a reload, a new tab) replaces it.
  loginPage();
  try {
    const r = await fetch('/api/session', { headers: { 'X-Bridge-Console': '1' }, credentials: 'same-origin', cache: 'no-store' });
    const body = await r.json().catch(() => ({}));
    if (r.ok) await loggedIn(body);
    else if (body.session === 'ended') document.getElementById('login-error').textContent = body.error;
  } catch (e) { /* the login form is shown */ }
});
