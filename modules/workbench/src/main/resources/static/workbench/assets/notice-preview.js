// Live preview of a notice while it is composed: progressive — without this script the form saves and the page
// shows the preview after the save. Sends the form (with its CSRF token) to the preview endpoint, which renders it
// and runs the consistency checks without storing anything; redraws the preview and puts each message at its
// field and at the paragraph of its sentence. Text only (textContent): nothing typed becomes markup.
(function () {
  'use strict';
  var form = document.getElementById('narrative-form');
  var preview = document.getElementById('preview');
  var list = document.getElementById('issues');
  if (!form || !preview || !list) return;
  var url = form.getAttribute('data-preview');
  var state = document.getElementById('preview-state');
  var count = document.getElementById('issue-count');
  var none = document.getElementById('no-issues');
  var timer = null;
  var sent = 0;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function draw(p) {
    preview.textContent = '';
    p.sections.forEach(function (s) {
      var section = el('section', null, 'level-' + s.level);
      section.setAttribute('data-key', s.key);
      if (s.heading != null) section.appendChild(el('h3', s.heading));
      s.paragraphs.forEach(function (para) {
        var e = el('p', para.text, para.issues.length ? 'has-issue' : null);
        if (para.issues.length) e.title = para.issues.join('；');
        section.appendChild(e);
      });
      preview.appendChild(section);
    });
    list.textContent = '';
    form.querySelectorAll('[data-field]').forEach(function (f) { f.classList.remove('has-issue'); });
    form.querySelectorAll('.issue-note').forEach(function (n) { n.remove(); });
    p.issues.forEach(function (i) {
      var li = el('li');
      li.setAttribute('data-field', i.field);
      li.setAttribute('data-code', i.code);
      li.appendChild(el('b', i.fieldLabel));
      li.appendChild(document.createTextNode('：' + i.message));
      if (i.sentence) li.appendChild(el('q', i.sentence));
      list.appendChild(li);
      var field = form.querySelector('[data-field="' + i.field.replace(/"/g, '') + '"]');
      if (field) {
        field.classList.add('has-issue');
        field.insertAdjacentElement('afterend', el('div', i.message, 'issue-note'));
      }
    });
    if (count) count.textContent = String(p.issues.length);
    if (none) none.classList.toggle('hidden', p.issues.length > 0);
  }

  function refresh() {
    var mine = ++sent;
    if (state) state.textContent = '正在更新预览…';
    fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
      body: new URLSearchParams(new FormData(form)).toString()
    }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (p) {
      if (mine !== sent) return;
      draw(p);
      if (state) state.textContent = '预览已更新（尚未保存）';
    }).catch(function () {
      if (state) state.textContent = '预览暂不可用，保存后可见';
    });
  }

  form.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  });
})();
