// Progress of long actions on the admin pages, progressive: without this script the page shows the state as of its
// rendering (reload to see more). A projection being replayed ([data-projection][data-replaying=true]) is polled at
// GET /api/admin/projections/{name}; a case being loaded ([data-case][data-state=LOADING]) at
// GET /api/admin/seeds/status?caseId=…, once a second, until it is done. Text only (textContent).
(function () {
  'use strict';
  function bar(row, fraction, text) {
    var inner = row.querySelector('.progress > div');
    var outer = row.querySelector('.progress');
    var pct = Math.max(0, Math.min(100, fraction * 100));
    if (inner) inner.style.width = pct.toFixed(1) + '%';
    if (outer) outer.setAttribute('aria-valuenow', pct.toFixed(0));
    var label = row.querySelector('.progress-text');
    if (label) label.textContent = text != null ? text : pct.toFixed(1) + '%';
  }
  function set(row, selector, text) {
    var e = row.querySelector(selector);
    if (e) e.textContent = text;
  }
  function poll(url, row, apply) {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (body) { if (apply(row, body)) setTimeout(function () { poll(url, row, apply); }, 1000); })
      .catch(function () { setTimeout(function () { poll(url, row, apply); }, 3000); });
  }
  document.querySelectorAll('[data-projection][data-replaying=true]').forEach(function (row) {
    var name = row.getAttribute('data-projection');
    poll('/api/admin/projections/' + encodeURIComponent(name), row, function (r, p) {
      bar(r, p.progress == null ? 1 : p.progress);
      set(r, '.projection-position', (p.position == null ? '—' : p.position) + ' / ' + p.head);
      set(r, '.projection-rate', p.eventsPerSecond == null ? '—' : Math.round(p.eventsPerSecond) + ' 事件/秒');
      set(r, '.projection-state', p.replaying ? '重建中' : (p.error ? '出错' : '运行中'));
      r.setAttribute('data-replaying', String(p.replaying));
      var button = r.querySelector('button');
      if (button) button.disabled = p.replaying;
      return p.replaying;
    });
  });
  document.querySelectorAll('[data-case][data-state=LOADING]').forEach(function (row) {
    var id = row.getAttribute('data-case');
    poll('/api/admin/seeds/status?caseId=' + encodeURIComponent(id), row, function (r, body) {
      var c = (body.cases || [])[0];
      if (!c) return true;
      bar(r, c.steps ? c.done / c.steps : 0, c.done + ' / ' + c.steps);
      set(r, '.case-state', c.state);
      set(r, '.case-message', c.message || '');
      r.setAttribute('data-state', c.state);
      return c.state === 'LOADING';
    });
  });
})();
