// Every table of the console can be sorted (a header is a button: click it, click again to reverse)
// and a long one pages, 50 rows at a time. Done here once for all pages: a table is taken in when it
// appears in <main>. A total row stays last; the charts' number tables and a message's segments
// (whose order is the message's) are left as they are.
'use strict';

const PAGE_ROWS = 50;

function plainTable(table) {
  return table.classList.contains('chart-data') || table.id === 'segments' || !table.tHead || !table.tBodies.length;
}

function cellValue(row, column) {
  const cell = row.cells[column];
  if (!cell) return '';
  return cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
}

function asNumber(v) {
  const t = v.replace(/[$,%\s]/g, '');
  return t !== '' && !isNaN(Number(t)) ? Number(t) : null;
}

function sortTable(table, column, th) {
  const body = table.tBodies[0];
  const descending = th.getAttribute('aria-sort') === 'ascending';
  for (const other of table.tHead.querySelectorAll('th')) other.removeAttribute('aria-sort');
  th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
  const rows = [...body.rows];
  const totals = rows.filter(r => r.classList.contains('total'));
  const sorted = rows.filter(r => !r.classList.contains('total'));
  const values = sorted.map(r => cellValue(r, column));
  const numeric = values.every(v => v === '' || v === '-' || asNumber(v) !== null);
  const order = sorted.map((r, i) => i).sort((a, b) => {
    const x = values[a];
    const y = values[b];
    const c = numeric ? (asNumber(x) ?? -Infinity) - (asNumber(y) ?? -Infinity)
      : x.localeCompare(y, undefined, { numeric: true, sensitivity: 'base' });
    return (descending ? -c : c) || a - b;
  });
  body.append(...order.map(i => sorted[i]), ...totals);
  pageTable(table, 0);
}

function pageTable(table, page) {
  const rows = [...table.tBodies[0].rows];
  let pager = table.nextElementSibling && table.nextElementSibling.classList.contains('pager') ? table.nextElementSibling : null;
  if (rows.length <= PAGE_ROWS) {
    rows.forEach(r => { r.hidden = false; });
    if (pager) pager.remove();
    return;
  }
  const pages = Math.ceil(rows.length / PAGE_ROWS);
  const p = Math.max(0, Math.min(page, pages - 1));
  rows.forEach((r, i) => { r.hidden = i < p * PAGE_ROWS || i >= (p + 1) * PAGE_ROWS; });
  const prev = h('button', { type: 'button', class: 'page-prev', disabled: p === 0, onclick: () => pageTable(table, p - 1) }, '← Previous');
  const next = h('button', { type: 'button', class: 'page-next', disabled: p === pages - 1, onclick: () => pageTable(table, p + 1) }, 'Next →');
  const shown = h('span', { class: 'page-shown' }, 'Rows ' + (p * PAGE_ROWS + 1) + '–' + Math.min(rows.length, (p + 1) * PAGE_ROWS) + ' of ' + rows.length);
  const fresh = h('p', { class: 'pager no-print' }, prev, ' ', shown, ' ', next);
  if (pager) pager.replaceWith(fresh); else table.after(fresh);
}

function enhanceTable(table) {
  if (table.dataset.enhanced || plainTable(table)) return;
  table.dataset.enhanced = '1';
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((th, column) => {
    if (th.textContent.trim() === '' || th.colSpan > 1) return;
    const button = h('button', { type: 'button', class: 'sort', title: 'Sort by ' + th.textContent.trim() }, ...th.childNodes);
    th.replaceChildren(button);
    button.addEventListener('click', () => sortTable(table, column, th));
  });
  pageTable(table, 0);
}

document.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('main');
  const enhanceAll = () => root.querySelectorAll('table').forEach(enhanceTable);
  new MutationObserver(enhanceAll).observe(root, { childList: true, subtree: true });
  enhanceAll();
});
