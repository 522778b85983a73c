/*
 * 整改进度看板: reads /api/dashboard/... and draws it with Apache ECharts.
 *
 * Login: the page and the API share HTTP Basic on one origin. The browser asked for the credentials when it opened
 * /dashboard and sends them again with these same-origin requests (credentials: 'same-origin'). URLs are built from
 * location.origin, which never carries user:password, so the page also works when it was opened as
 * http://user:password@host/dashboard (fetch refuses URLs with credentials in them).
 *
 * When everything is drawn, <body data-state="ready">; on failure data-state="error" and a banner says why.
 */
(function () {
  'use strict';

  var COLORS = {
    done: '#2e9d5b', progress: '#2f6fd6', notStarted: '#a0a8b3', red: '#d9363e', yellow: '#e8a317', green: '#2e9d5b'
  };
  var STATUS_COLORS = {
    NOT_STARTED: '#a0a8b3', IN_PROGRESS: '#2f6fd6', BASICALLY_COMPLETED: '#5b9bd5', COMPLETED: '#2e9d5b',
    NOT_COMPLETED: '#d9363e', LONG_TERM_MECHANISM_ESTABLISHED: '#13a8a8'
  };
  var charts = {};
  // The words of the inspections shown (巡视/巡察 …): from the API (InspectionKind), never written here.
  var either = {word: '', group: '', rectification: '', inspectedUnit: ''};

  /** Fills every element marked data-term (the overview, either kind) or data-kind-term (the selected inspection). */
  function applyTerms(attribute, terms) {
    Array.prototype.forEach.call(document.querySelectorAll('[' + attribute + ']'), function (node) {
      node.textContent = terms[node.getAttribute(attribute)] || '';
    });
  }

  function api(path) {
    return fetch(location.origin + path, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (r.status === 401) { throw new Error('需要登录：请提供有效的用户名和密码'); }
        if (r.status === 403) { throw new Error('当前用户的角色无权查看整改进度'); }
        if (r.status === 404) { throw new Error('没有找到该' + either.word + '的整改进度'); }
        if (!r.ok) { throw new Error('读取数据失败（HTTP ' + r.status + '）'); }
        return r.json();
      });
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'className') { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function td(text, className) { return el('td', {text: text == null ? '' : String(text), className: className || ''}); }

  function fillTable(id, rows, columns, emptyText) {
    var body = $(id).querySelector('tbody');
    body.textContent = '';
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', {text: emptyText || '暂无', className: 'empty', colspan: String(columns)})]));
      return;
    }
    rows.forEach(function (cells) { body.appendChild(el('tr', {}, cells)); });
  }

  // rates come exact (up to 10 decimals); the dashboard shows at most two
  function rate2(value) { return String(Math.round(Number(value) * 100) / 100); }

  function rate(value) { return value == null ? '—' : rate2(value) + '%'; }

  function short(text, n) { return text.length > n ? text.slice(0, n) + '…' : text; }

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init($(id), null, {renderer: 'canvas'});
    }
    return charts[id];
  }

  // ------------------------------------------------------------------ overview

  function renderOverview(overview, selectedId) {
    var t = overview.totals;
    var kpis = $('overview-kpis');
    kpis.textContent = '';
    either = overview.terms || either;
    applyTerms('data-term', either);
    [[either.word, overview.inspections], ['启动整改', overview.rectifications], ['整改事项', t.items], ['已完成', t.completed],
      ['逾期', t.overdue], ['临期预警', t.dueSoon], ['完成率', rate(t.completionRate)]].forEach(function (kv) {
      kpis.appendChild(el('span', {}, [kv[0] + '：', el('b', {text: String(kv[1])})]));
    });
    var select = $('inspection-select');
    select.textContent = '';
    var rows = overview.items.map(function (s) {
      select.appendChild(el('option', {value: s.inspectionId, text: s.inspectedUnit + ' · ' + s.inspectingBody}));
      var row = el('tr', {'data-inspection': s.inspectionId}, [
        td(s.inspectedUnit), td(s.inspectingBody), td(s.statusLabel), td(s.planStatusLabel), td(s.findings, 'num'),
        td(s.totals.items, 'num'), td(s.totals.completed, 'num'), td(s.totals.overdue, 'num'), td(s.totals.dueSoon, 'num'),
        td(rate(s.totals.completionRate), 'num')]);
      if (s.inspectionId === selectedId) { row.className = 'selected'; }
      row.addEventListener('click', function () { select.value = s.inspectionId; show(s.inspectionId); });
      return row;
    });
    var body = $('overview-table').querySelector('tbody');
    body.textContent = '';
    if (!rows.length) {
      body.appendChild(el('tr', {}, [el('td', {text: '尚无' + either.word, className: 'empty', colspan: '10'})]));
    }
    rows.forEach(function (r) { body.appendChild(r); });
    if (selectedId) { select.value = selectedId; }
  }

  // ------------------------------------------------------------------ one inspection

  function renderKpis(p) {
    var t = p.totals;
    var f = p.findingTotals;
    var cards = [
      ['整改事项', t.items, '项', ''],
      ['已完成', t.completed, '项', 'green'],
      ['基本完成', t.basicallyCompleted, '项', ''],
      ['正在推进', t.inProgress, '项', ''],
      ['未完成', t.notCompleted, '项', 'red'],
      ['未启动', t.notStarted, '项', ''],
      ['逾期', t.overdue, '项', 'red'],
      ['临期预警', t.dueSoon, '项', 'yellow'],
      ['完成率', t.completionRate == null ? '—' : rate2(t.completionRate), t.completionRate == null ? '' : '%', ''],
      ['反馈问题已完成', f.completed + '/' + f.findings, '个', ''],
      ['健全完善制度', p.regulations.count, '项', ''],
      ['追缴挽回资金', String(p.money.totalWanYuan), '万元', ''],
      ['问责', p.accountability.total, '人次', ''],
      ['召开会议', p.meetings.count, '次', '']
    ];
    var box = $('kpis');
    box.textContent = '';
    cards.forEach(function (c) {
      box.appendChild(el('div', {className: 'kpi ' + c[3]}, [
        el('div', {className: 'label', text: c[0]}),
        el('div', {className: 'value'}, [String(c[1]), el('small', {text: c[2]})])]));
    });
  }

  function renderCharts(p) {
    var statuses = p.byStatus.filter(function (s) { return s.count > 0; });
    chart('chart-status').setOption({
      animation: false,
      tooltip: {trigger: 'item', formatter: '{b}：{c}项（{d}%）'},
      legend: {bottom: 0, type: 'scroll'},
      series: [{
        name: '整改状态', type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
        label: {formatter: '{b}\n{c}项'},
        data: statuses.map(function (s) { return {name: s.label, value: s.count, itemStyle: {color: STATUS_COLORS[s.status]}}; })
      }]
    }, true);

    var levelColors = {GREEN: COLORS.green, YELLOW: COLORS.yellow, RED: COLORS.red};
    chart('chart-warning').setOption({
      animation: false,
      tooltip: {trigger: 'item', formatter: '{b}：{c}项'},
      legend: {bottom: 0},
      series: [{
        name: '预警等级', type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
        label: {formatter: '{b}\n{c}项'},
        data: p.warnings.map(function (w) { return {name: w.label, value: w.count, itemStyle: {color: levelColors[w.level]}}; })
      }]
    }, true);

    chart('chart-burndown').setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: ['未完成', '已完成', '纳入方案事项']},
      grid: {left: 40, right: 48, top: 32, bottom: 40},
      xAxis: {type: 'category', boundaryGap: false, data: p.series.map(function (s) { return s.date; })},
      yAxis: {type: 'value', minInterval: 1, name: '项'},
      series: [
        {name: '未完成', type: 'line', step: 'end', showSymbol: false, areaStyle: {opacity: 0.15},
          itemStyle: {color: COLORS.red}, data: p.series.map(function (s) { return s.open; })},
        {name: '已完成', type: 'line', step: 'end', showSymbol: false,
          itemStyle: {color: COLORS.done}, data: p.series.map(function (s) { return s.completed; })},
        {name: '纳入方案事项', type: 'line', step: 'end', showSymbol: false, lineStyle: {type: 'dashed'},
          itemStyle: {color: COLORS.notStarted}, data: p.series.map(function (s) { return s.items; })}
      ]
    }, true);

    stackedBar('chart-department', p.byDepartment, 14);
    stackedBar('chart-category', p.byCategory, 22);
  }

  function stackedBar(id, groups, labelLength) {
    var names = groups.map(function (g) { return g.label; });
    function values(field) { return groups.map(function (g) { return g.totals[field]; }); }
    chart(id).setOption({
      animation: false,
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0, data: ['已完成', '基本完成', '正在推进', '未完成', '未启动', '逾期']},
      grid: {left: 16, right: 24, top: 32, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: names, axisLabel: {interval: 0, formatter: function (v) { return short(v, labelLength); }}},
      yAxis: {type: 'value', minInterval: 1, name: '项'},
      series: [
        {name: '已完成', type: 'bar', stack: 'items', barMaxWidth: 42, itemStyle: {color: COLORS.done}, data: values('completed')},
        {name: '基本完成', type: 'bar', stack: 'items', barMaxWidth: 42, itemStyle: {color: STATUS_COLORS.BASICALLY_COMPLETED}, data: values('basicallyCompleted')},
        {name: '正在推进', type: 'bar', stack: 'items', barMaxWidth: 42, itemStyle: {color: COLORS.progress}, data: values('inProgress')},
        {name: '未完成', type: 'bar', stack: 'items', barMaxWidth: 42, itemStyle: {color: STATUS_COLORS.NOT_COMPLETED}, data: values('notCompleted')},
        {name: '未启动', type: 'bar', stack: 'items', barMaxWidth: 42, itemStyle: {color: COLORS.notStarted}, data: values('notStarted')},
        {name: '逾期', type: 'bar', stack: 'overdue', barMaxWidth: 18, itemStyle: {color: COLORS.red}, data: values('overdue')}
      ]
    }, true);
  }

  function renderTables(p) {
    $('overdue-count').textContent = String(p.overdue.length);
    fillTable('overdue-table', p.overdue.map(function (i) {
      return [td(i.ordinal, 'num'), td(i.title), td(i.responsibleDepartment), td(i.responsibleLeaderName), td(i.statusLabel),
        td(i.currentDueDate + (i.extensions ? '（已延期' + i.extensions + '次）' : '')), td(-i.daysRemaining, 'num')];
    }), 7, '没有逾期事项');
    fillTable('next-due-table', p.nextDue.map(function (i) {
      return [td(i.ordinal, 'num'), td(i.title), td(i.responsibleDepartment), td(i.responsibleLeaderName), td(i.statusLabel),
        td(i.currentDueDate), td(i.daysRemaining, 'num'),
        el('td', {}, [el('span', {className: 'tag ' + i.warningLevel, text: i.warningLabel})])];
    }), 8, '没有即将到期的事项');
    fillTable('leader-table', p.byLeader.map(function (g) {
      return [td(g.label), td(g.totals.items, 'num'), td(g.totals.completed, 'num'), td(g.totals.overdue, 'num'),
        td(rate(g.totals.completionRate), 'num')];
    }), 5);
    fillTable('accountability-table', p.accountability.byKind.map(function (k) {
      // a kind stated only without a number (对相关责任人员作出处理) has no count to show
      return [td(k.label), td(k.uncounted ? '未计人数' : k.count, 'num')];
    }).concat([[td('合计'), td(p.accountability.total, 'num')]]), 2);
    $('regulations-label').textContent = p.regulations.label;
    fillTable('regulations-table', p.regulations.items.map(function (r) {
      return [td('《' + r.title + '》'), td(r.areaLabel), td(r.kindLabel)];
    }), 3, '尚无关联制度');
    fillTable('money-table', p.money.byKind.map(function (k) {
      return [td(k.label), td(k.count, 'num'), td(String(k.amountWanYuan), 'num')];
    }).concat([[td('合计'), td(''), td(String(p.money.totalWanYuan), 'num')]]), 3);
    $('meeting-count').textContent = String(p.meetings.count);
    fillTable('meeting-table', p.meetings.items.map(function (m) {
      return [td(m.date), td(m.kindLabel), td(m.title), td(m.claims, 'num')];
    }), 4, '尚无会议记录');
  }

  function renderInspection(p) {
    applyTerms('data-kind-term', p.terms || either);
    $('inspection-title').textContent = p.inspectedUnit + ' · ' + p.inspectingBody + ' 整改进度';
    var meta = [p.statusLabel];
    if (p.feedbackDate) { meta.push('反馈意见 ' + p.feedbackDate); }
    meta.push(p.planStatusLabel + (p.planTitle ? '《' + p.planTitle + '》' : '') + (p.planAdoptedDate ? ' ' + p.planAdoptedDate : ''));
    if (p.officeName) { meta.push(p.officeName); }
    $('inspection-meta').textContent = meta.join(' ｜ ');
    $('asof').textContent = '统计日期 ' + p.today + ' · 临期预警 ' + p.warningDays + ' 天';
    Array.prototype.forEach.call(document.querySelectorAll('#overview-table tbody tr'), function (row) {
      row.className = row.getAttribute('data-inspection') === p.inspectionId ? 'selected' : '';
    });
    renderKpis(p);
    renderCharts(p);
    renderTables(p);
    renderProcessMetrics(p);
  }

  // ------------------------------------------------------------------ rounds (a round of many units, totalled)

  function metricsText(list) {
    return (list || []).map(function (m) { return m.label + m.count; }).join('，');
  }

  function renderProcessMetrics(p) {
    fillTable('process-metric-table', (p.processMetrics || []).map(function (m) {
      return [td(m.label), td(m.count, 'num'), td(m.records, 'num')];
    }), 3, '未记录');
  }

  function renderRound(r) {
    var f = r.findingTotals;
    var t = r.totals;
    $('round-meta').textContent = [r.name || r.roundId, r.organizer,
      r.periodStart ? r.periodStart + ' 至 ' + (r.periodEnd || '') : ''].filter(function (x) { return x; }).join(' · ');
    var kpis = $('round-kpis');
    kpis.textContent = '';
    [['单位', r.inspections], ['反馈问题', f.findings], ['已完成', f.completed], ['基本完成', f.basicallyCompleted],
      ['正在整改', f.inProgress], ['未完成', f.notCompleted], ['问题完成率', rate(f.completionRate)],
      ['整改事项', t.items], ['事项完成率', rate(t.completionRate)],
      ['健全完善制度', r.regulations.count + '（制定' + r.regulations.enacted + '、修订' + r.regulations.revised + '）'],
      ['召开会议', r.meetingCount], ['问责', r.accountability.total], ['资金', r.money.totalWanYuanText]].forEach(function (kv) {
      kpis.appendChild(el('span', {}, [kv[0] + '：', el('b', {text: String(kv[1])})]));
    });
    if (r.processMetrics && r.processMetrics.length) {
      kpis.appendChild(el('span', {}, ['过程性指标：', el('b', {text: metricsText(r.processMetrics)})]));
    }
    fillTable('round-table', r.units.map(function (u) {
      var uf = u.findingTotals;
      return [td(u.inspectedUnit), td(uf.findings, 'num'), td(uf.completed, 'num'), td(uf.basicallyCompleted, 'num'),
        td(uf.inProgress, 'num'), td(uf.notCompleted, 'num'), td(u.totals.items, 'num'), td(rate(u.totals.completionRate), 'num'),
        td(u.regulations.count, 'num'), td(u.moneyTotalWanYuanText.replace('万元', ''), 'num'), td(metricsText(u.processMetrics))];
    }), 11, '本轮次尚无单位');
  }

  function showRound(roundId) {
    var p = params();
    var q = p.query ? '&' + p.query : '';
    return Promise.all([
      api('/api/dashboard/rounds/' + encodeURIComponent(roundId) + (p.query ? '?' + p.query : '')),
      api('/api/dashboard/inspections?roundId=' + encodeURIComponent(roundId) + q)
    ]).then(function (answers) {
      renderRound(answers[0]);
      renderOverview(answers[1], $('inspection-select').value);
      $('round-xlsx').href = '/api/dashboard/rounds/' + encodeURIComponent(roundId) + '.xlsx' + (p.query ? '?' + p.query : '');
      $('overview-xlsx').href = '/api/dashboard/inspections.xlsx?roundId=' + encodeURIComponent(roundId) + q;
      var url = new URL(location.href);
      url.searchParams.set('round', roundId);
      history.replaceState(null, '', url.pathname + url.search);
    });
  }

  /** The round view: shown when the read model knows a round; ?round= chooses it (default: the newest). */
  function startRounds() {
    return api('/api/dashboard/rounds').then(function (answer) {
      if (!answer.rounds.length) { return null; }
      var select = $('round-select');
      select.textContent = '';
      select.appendChild(el('option', {value: '', text: '选择轮次'}));
      answer.rounds.forEach(function (r) {
        select.appendChild(el('option', {value: r.roundId, text: (r.name || r.roundId) + '（' + r.inspections + '）'}));
      });
      var wanted = new URLSearchParams(location.search).get('round');
      var chosen = answer.rounds.some(function (r) { return r.roundId === wanted; }) ? wanted : null;
      $('round-view').hidden = false;
      select.addEventListener('change', function (e) { if (e.target.value) { showRound(e.target.value).catch(fail); } });
      if (!chosen) { return null; }
      select.value = chosen;
      return showRound(chosen);
    });
  }

  // ------------------------------------------------------------------ flow

  function params() {
    var q = new URLSearchParams(location.search);
    var extra = new URLSearchParams();
    ['today', 'warningDays'].forEach(function (k) { if (q.get(k)) { extra.set(k, q.get(k)); } });
    return {inspection: q.get('inspection'), query: extra.toString()};
  }

  function show(inspectionId) {
    document.body.setAttribute('data-state', 'loading');
    var p = params();
    var q = p.query ? '?' + p.query : '';
    return api('/api/dashboard/inspections/' + encodeURIComponent(inspectionId) + q).then(function (progress) {
      renderInspection(progress);
      var url = new URL(location.href);
      url.searchParams.set('inspection', inspectionId);
      history.replaceState(null, '', url.pathname + url.search);
      document.body.setAttribute('data-state', 'ready');
    }).catch(fail);
  }

  function fail(error) {
    var banner = $('banner');
    banner.textContent = error && error.message ? error.message : '加载失败';
    banner.hidden = false;
    document.body.setAttribute('data-state', 'error');
  }

  function start() {
    if (typeof echarts === 'undefined') {
      fail(new Error('图表组件（ECharts）未能加载'));
      return;
    }
    var p = params();
    $('overview-xlsx').href = '/api/dashboard/inspections.xlsx' + (p.query ? '?' + p.query : '');
    var loaded = api('/api/dashboard/inspections' + (p.query ? '?' + p.query : '')).then(function (overview) {
      var chosen = p.inspection;
      if (!chosen) {
        var withRectification = overview.items.filter(function (s) { return s.planStatus !== 'NONE'; });
        chosen = (withRectification[0] || overview.items[0] || {}).inspectionId;
      }
      renderOverview(overview, chosen);
      if (!chosen) {
        $('inspection-title').textContent = '尚无' + either.rectification + '数据';
        document.body.setAttribute('data-state', 'ready');
        return null;
      }
      return show(chosen);
    }).catch(fail);
    $('inspection-select').addEventListener('change', function (e) { show(e.target.value); });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
    return loaded;
  }

  // the round view after the overview, so that a chosen round's filtered overview is the one that stays
  var started = start();
  if (started) {
    started.then(startRounds).catch(fail);
  }
}());
