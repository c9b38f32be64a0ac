(() => {
  'use strict';
  const rowsOf = (table) => Array.from(table.tBodies[0].rows);

  function cellValue(row, col, numeric) {
    const cell = row.cells[col];
    const raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
    if (!numeric) {
      return raw.toLowerCase();
    }
    const n = parseFloat(raw);
    return Number.isNaN(n) ? -Infinity : n;
  }

  function sortTable(table, th) {
    const headers = Array.from(table.tHead.rows[0].cells);
    const col = headers.indexOf(th);
    const numeric = th.dataset.type === 'number';
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    headers.forEach((h) => h.removeAttribute('aria-sort'));
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const rows = rowsOf(table).map((row, i) => ({ row, i, v: cellValue(row, col, numeric) }));
    rows.sort((a, b) => {
      const c = numeric ? a.v - b.v : a.v.localeCompare(b.v);
      return (ascending ? c : -c) || a.i - b.i;
    });
    const body = table.tBodies[0];
    rows.forEach((r) => body.appendChild(r.row));
  }

  document.querySelectorAll('table.sortable').forEach((table) => {
    Array.from(table.tHead.rows[0].cells).forEach((th) => {
      th.tabIndex = 0;
      th.addEventListener('click', () => sortTable(table, th));
      th.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortTable(table, th);
        }
      });
    });
  });

  const fileTable = document.getElementById('file-table');
  const filter = document.getElementById('file-filter');
  const status = document.getElementById('status-filter');
  const count = document.getElementById('file-count');
  function applyFilter() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter((w) => w);
    const wanted = status ? status.value : '';
    let shown = 0;
    const rows = rowsOf(fileTable);
    rows.forEach((row) => {
      const text = row.dataset.search || '';
      const statuses = (row.dataset.status || '').split(' ');
      const visible = words.every((w) => text.includes(w)) && (!wanted || statuses.includes(wanted));
      row.hidden = !visible;
      if (visible) {
        shown++;
      }
    });
    count.textContent = shown + ' of ' + rows.length + ' files shown';
  }
  if (fileTable && filter && count) {
    filter.addEventListener('input', applyFilter);
    if (status) {
      status.addEventListener('change', applyFilter);
    }
    applyFilter();
  }

  const uncoveredOnly = document.getElementById('uncovered-only');
  const coverage = document.getElementById('coverage-table');
  if (uncoveredOnly && coverage) {
    uncoveredOnly.addEventListener('change', () => {
      rowsOf(coverage).forEach((row) => {
        row.hidden = uncoveredOnly.checked && !row.classList.contains('uncovered');
      });
    });
  }

  const sections = () => document.querySelectorAll('details.file');
  const expand = document.getElementById('expand-all');
  const collapse = document.getElementById('collapse-all');
  if (expand) {
    expand.addEventListener('click', () => sections().forEach((d) => { d.open = true; }));
  }
  if (collapse) {
    collapse.addEventListener('click', () => sections().forEach((d) => { d.open = false; }));
  }
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target && target.tagName === 'DETAILS') {
      target.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
