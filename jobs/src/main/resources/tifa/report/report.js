/*
 * tifa report: builds the page from the JSON embedded in it (#tifa-data) with Apache ECharts,
 * which is inlined above this script. Nothing is fetched: the maps are embedded GeoJSON, the CSV
 * downloads are built in the page. Every chart container carries data-chart="<id>" and, once drawn,
 * data-rendered="true" (or "empty" when it has nothing to show), for people and for tests.
 * Text from the data (terms, region names, ids, paths) only ever lands as text: textContent, text
 * nodes in tooltips, SVG text drawn by ECharts; no string of it is parsed as HTML.
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('tifa-data').textContent);
  var NO_DATA = '无数据 / no data';
  var COLORS = ['#c23531', '#2f4554', '#61a0a8', '#d48265', '#91c7ae', '#749f83', '#ca8622', '#bda29a', '#6e7074', '#546570',
    '#c4ccd3', '#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  var main = document.getElementById('report');

  // ---- helpers ---------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        node.textContent = attrs[k];
      } else if (k === 'className') {
        node.className = attrs[k];
      } else {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function pct(x, digits) {
    return x === null || x === undefined ? '—' : (100 * x).toFixed(digits === undefined ? 1 : digits) + '%';
  }

  function num(x) {
    return x === null || x === undefined ? '—' : String(x);
  }

  function round(x, digits) {
    return x === null || x === undefined ? null : Number(x.toFixed(digits));
  }

  /**
   * A CSV cell. Text that a spreadsheet would take for a formula (starting with = + - @, a tab or a
   * carriage return, OWASP's list) is written after a ' so that it stays text; numbers are written
   * as they are, negative ones too.
   */
  function csvCell(v) {
    var s = v === null || v === undefined ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) {
      s = "'" + s;
    }
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /** A CSV file (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese right). */
  function csvText(table) {
    var lines = [table.columns.map(function (c) { return csvCell(c.key); }).join(',')];
    table.rows.forEach(function (r) { lines.push(r.map(csvCell).join(',')); });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }

  function download(name, table) {
    var blob = new Blob([csvText(table)], {type: 'text/csv;charset=utf-8'});
    var url = URL.createObjectURL(blob);
    var a = el('a', {href: url, download: name.replace(/[^A-Za-z0-9._-]/g, '_') + '.csv'});
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    // The browser reads the blob after the click returns, later still on a busy machine: the URL is
    // released only once the download has long had its bytes.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /** Fills a <table> from {columns: [{key, zh, en, format}], rows: [[...]]}. */
  function fillTable(node, table) {
    node.textContent = '';
    var head = el('tr', {}, table.columns.map(function (c) {
      return el('th', {}, [el('span', {text: c.zh}), el('br'), el('small', {text: c.en})]);
    }));
    node.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    if (table.rows.length === 0) {
      body.appendChild(el('tr', {}, [el('td', {colspan: String(table.columns.length), className: 'nodata', text: NO_DATA})]));
    }
    table.rows.forEach(function (r, row) {
      body.appendChild(el('tr', {}, r.map(function (v, i) {
        var f = table.columns[i].format;
        var key = table.columns[i].term && table.keys ? table.keys[row] : null;
        if (key) {
          return el('td', {}, [termButton(key, num(v))]);
        }
        return el('td', {className: typeof v === 'number' ? 'n' : '', text: f ? f(v) : num(v)});
      })));
    });
    node.appendChild(body);
  }

  /**
   * Tooltip content as DOM nodes: ECharts puts a formatter's string into the page as HTML but a
   * node as it is, so text from the data only ever lands as text. lines: one string per line, or
   * [colour, text] for a line led by a series' colour dot.
   */
  function tooltip(lines) {
    return el('div', {className: 'tip'}, lines.map(function (line) {
      if (typeof line === 'string') {
        return el('div', {text: line});
      }
      var dot = el('span', {className: 'tip-dot'});
      if (typeof line[0] === 'string') {
        dot.style.backgroundColor = line[0];
      }
      return el('div', {}, [dot, el('span', {text: line[1]})]);
    }));
  }

  /**
   * An item tooltip; lines(p) gives its lines. confine keeps it inside the chart, and so without the
   * pointer arrow ECharts otherwise adds as HTML with a style attribute, which the page's
   * Content-Security-Policy refuses.
   */
  function itemTooltip(lines) {
    return {trigger: 'item', confine: true, formatter: function (p) { return tooltip(lines(p)); }};
  }

  /** An axis tooltip: the category, then each series with its value as format(value, item) gives it. */
  function axisTooltip(pointer, format) {
    return {trigger: 'axis', axisPointer: {type: pointer}, formatter: function (params) {
      return tooltip([params[0].axisValueLabel].concat(params.map(function (p) {
        return [p.color, p.seriesName + ': ' + format(p.value, p)];
      })));
    }};
  }

  function percentValue(v) {
    return v === null || v === undefined ? '—' : v + '%';
  }

  /** Draws an ECharts option into a chart container, or the no-data notice when option is null. */
  function draw(box, option) {
    var plot = box.querySelector('.plot');
    var empty = box.querySelector('.empty');
    box.removeAttribute('data-rendered');
    var chart = echarts.getInstanceByDom(plot);
    if (!option) {
      if (chart) {
        chart.dispose();
      }
      plot.style.display = 'none';
      empty.style.display = '';
      box.setAttribute('data-rendered', 'empty');
      return null;
    }
    plot.style.display = '';
    empty.style.display = 'none';
    if (!chart) {
      chart = echarts.init(plot, null, {renderer: 'svg'});
      window.addEventListener('resize', function () { chart.resize(); });
    }
    chart.off('finished');
    chart.on('finished', function () { box.setAttribute('data-rendered', 'true'); });
    option.animation = false;
    option.color = option.color || COLORS;
    chart.setOption(option, true);
    return chart;
  }

  function section(id, zh, en, note) {
    var s = el('section', {id: id}, [el('h2', {text: zh}), el('p', {className: 'sub', text: en})]);
    if (note) {
      s.appendChild(el('p', {className: 'note', text: note}));
    }
    main.appendChild(s);
    return s;
  }

  function select(label, options, onChange) {
    var s = el('select', {'aria-label': label});
    options.forEach(function (o) { s.appendChild(el('option', {value: o.value, text: o.label})); });
    s.addEventListener('change', function () { onChange(s.value); });
    return el('label', {className: 'control'}, [el('span', {text: label}), s]);
  }

  /**
   * One chart with its table and CSV button. spec: {id, zh, en, controls: [nodes], build: () =>
   * {option, table}}; render() redraws after a control changed.
   */
  function block(parent, spec) {
    var box = el('div', {className: 'chart', 'data-chart': spec.id}, [
      el('div', {className: 'plot'}),
      el('div', {className: 'empty', text: NO_DATA})
    ]);
    var table = el('table');
    var current = null;
    var button = el('button', {type: 'button', 'data-csv': spec.id, text: '下载 CSV / Download CSV'});
    button.addEventListener('click', function () { download('tifa-' + data.meta.snapshot_id + '-' + spec.id, current); });
    var node = el('div', {className: 'block', id: 'block-' + spec.id}, [
      el('h3', {text: spec.zh}),
      el('p', {className: 'sub', text: spec.en}),
      el('div', {className: 'controls'}, spec.controls || []),
      el('div', {className: 'pair'}, [box, el('div', {className: 'side'}, [el('div', {className: 'scroll'}, [table]), button])])
    ]);
    parent.appendChild(node);
    function render() {
      var built = spec.build();
      current = built.table;
      fillTable(table, built.table);
      var chart = draw(box, built.table.rows.length === 0 ? null : built.option);
      if (chart) {
        chart.off('click');
        if (built.click) {
          chart.on('click', built.click);
        }
      }
    }
    render();
    return render;
  }

  // ---- passages --------------------------------------------------------------------------------

  function termKey(kind, id) {
    return kind + ':' + id;
  }

  /** A term in a table: a button that shows its passages. */
  function termButton(key, label) {
    var b = el('button', {type: 'button', className: 'term', 'data-term': key, text: label});
    b.addEventListener('click', function () { showPassages(key, label); });
    return b;
  }

  /** One passage: where and when, then the sentence with the term in a <mark>, all as text. */
  function passageItem(p) {
    var chars = Array.from(p.passage);
    var where = [p.published_date, p.region_name || '无地区 / no region', p.title || ''].join(' · ');
    return el('li', {}, [
      el('div', {className: 'where', text: where + (p.quoted ? ' · 引号内 / quoted' : '')}),
      el('p', {className: 'passage'}, [
        document.createTextNode(chars.slice(0, p.mark_start).join('')),
        el('mark', {text: chars.slice(p.mark_start, p.mark_end).join('')}),
        document.createTextNode(chars.slice(p.mark_end).join(''))
      ])
    ]);
  }

  /** Opens the passages panel on a term (key term_kind:term_id, label its display form). */
  function showPassages(key, label) {
    var list = data.passages[key] || [];
    var panel = document.getElementById('passages');
    panel.textContent = '';
    var close = el('button', {type: 'button', className: 'close', text: '关闭 / close'});
    close.addEventListener('click', function () { panel.hidden = true; });
    panel.appendChild(el('div', {className: 'head'}, [el('h3', {text: label}), close]));
    panel.appendChild(el('p', {className: 'sub', text: list.length
      ? '原文：最近 ' + list.length + ' 篇文档各一句 / passages: one sentence from each of the latest ' + list.length +
        ' documents (tifa passages --term prints every one)'
      : '该快照中没有此项的原文 / no passages of this term in the snapshot'}));
    panel.appendChild(el('ol', {}, list.map(passageItem)));
    panel.setAttribute('data-term', key);
    panel.hidden = false;
  }

  /** The first passage of a term as one line of text, for tables; '' when it has none. */
  function examplePassage(key) {
    var list = data.passages[key] || [];
    return list.length ? list[0].passage : '';
  }

  /** A chart click handler that opens the passages of the term terms(p) names, if any. */
  function clickTerm(terms) {
    return function (p) {
      var t = terms(p);
      if (t) {
        showPassages(t.key, t.label);
      }
    };
  }

  // ---- chart builders ----------------------------------------------------------------------------

  var shareColumns = [
    {key: 'rank', zh: '排名', en: 'rank'},
    {key: 'term', zh: '提法', en: 'term', term: true},
    {key: 'documents', zh: '文档数', en: 'documents'},
    {key: 'region_documents', zh: '地区文档数', en: 'all documents'},
    {key: 'share', zh: '文档占比', en: 'document share', format: function (v) { return pct(v); }}
  ];

  /** A ranking of terms as horizontal bars of document share, largest on top. */
  function rankingBlock(terms, axisName) {
    var rows = terms.map(function (t, i) { return [i + 1, t.term, t.documents, t.region_documents, round(t.share, 6)]; });
    var shown = terms.slice().reverse();
    var byLabel = {};
    shown.forEach(function (t) { byLabel[t.term] = t; });
    return {
      table: {columns: shareColumns, rows: rows, keys: terms.map(function (t) { return termKey(t.term_kind, t.term_id); })},
      click: clickTerm(function (p) {
        var t = p.componentType === 'yAxis' ? byLabel[p.value] : shown[p.dataIndex];
        return t ? {key: termKey(t.term_kind, t.term_id), label: t.term} : null;
      }),
      option: {
        grid: {left: 8, right: 56, top: 8, bottom: 28, containLabel: true},
        tooltip: axisTooltip('shadow', percentValue),
        xAxis: {type: 'value', name: axisName, nameLocation: 'middle', nameGap: 24, axisLabel: {formatter: '{value}%'}},
        yAxis: {type: 'category', data: shown.map(function (t) { return t.term; }), triggerEvent: true},
        series: [{
          type: 'bar', name: '文档占比 / share',
          data: shown.map(function (t) { return round(100 * t.share, 2); }),
          label: {show: true, position: 'right', formatter: function (p) { return shown[p.dataIndex].documents + ' 篇'; }}
        }]
      }
    };
  }

  var SHARE_AXIS = '文档占比 (%) / document share';

  function buildNational() {
    var s = section('national', '全国热门提法与话题', 'Top slogans and topics nationally (document share: documents mentioning the term / all documents)');
    block(s, {id: 'national-slogans', zh: '全国热门提法', en: 'Top slogans, whole country',
      build: function () { return rankingBlock(data.national.slogans, SHARE_AXIS); }});
    block(s, {id: 'national-topics', zh: '全国热门话题', en: 'Top topics, whole country',
      build: function () { return rankingBlock(data.national.topics, SHARE_AXIS); }});
  }

  function buildProvinces() {
    var s = section('provinces', '各省热门提法与话题', 'Top slogans and topics per province');
    var state = {province: data.provinces.length ? data.provinces[0].code : '', kind: 'slogan'};
    var render;
    var provinceSelect = select('省份 / province', data.provinces.map(function (p) {
      return {value: p.code, label: p.name + '（' + p.documents + ' 篇 / documents）'};
    }), function (v) { state.province = v; render(); });
    var kindSelect = select('类别 / kind', [{value: 'slogan', label: '提法 / slogans'}, {value: 'topic', label: '话题 / topics'}],
      function (v) { state.kind = v; render(); });
    render = block(s, {id: 'province-ranking', zh: '省级热门提法与话题', en: 'Top terms of the chosen province',
      controls: [provinceSelect, kindSelect],
      build: function () {
        var p = data.provinces.filter(function (x) { return x.code === state.province; })[0];
        var terms = !p ? [] : state.kind === 'slogan' ? p.slogans : p.topics;
        return rankingBlock(terms, SHARE_AXIS);
      }});
  }

  function mapBlock(parent, id, zh, en, map, state) {
    return block(parent, {id: id, zh: zh, en: en,
      build: function () {
        var term = map.terms.filter(function (t) { return t.key === state.key; })[0];
        var rows = map.areas.map(function (a) {
          var docs = a.term_documents[state.key] || 0;
          return [a.code, a.region_name, docs, a.documents, a.documents > 0 ? round(docs / a.documents, 6) : null];
        });
        rows.sort(function (a, b) { return (b[4] === null ? -1 : b[4]) - (a[4] === null ? -1 : a[4]) || (a[0] < b[0] ? -1 : 1); });
        var table = {columns: [
          {key: 'region_code', zh: '区划代码', en: 'code'},
          {key: 'region_name', zh: '地区', en: 'region'},
          {key: 'documents', zh: '提及文档', en: 'documents mentioning'},
          {key: 'region_documents', zh: '地区文档数', en: 'all documents'},
          {key: 'share', zh: '文档占比', en: 'document share', format: function (v) { return pct(v); }}
        ], rows: term && map.areas.some(function (a) { return a.documents > 0; }) ? rows : []};
        var max = 0;
        var values = map.areas.map(function (a) {
          var share = a.documents > 0 ? 100 * (a.term_documents[state.key] || 0) / a.documents : null;
          max = share !== null && share > max ? share : max;
          return {name: a.name, value: share === null ? null : round(share, 2), code: a.code, region: a.region_name,
            docs: a.term_documents[state.key] || 0, all: a.documents};
        });
        return {table: table, click: clickTerm(function () { return term ? {key: term.key, label: term.term} : null; }), option: {
          tooltip: itemTooltip(function (p) {
            var d = p.data;
            return d && d.all ? [d.region, d.docs + ' / ' + d.all + ' 篇 = ' + p.value + '%'] : [p.name, NO_DATA];
          }),
          visualMap: {type: 'continuous', min: 0, max: max > 0 ? round(max, 2) : 1, left: 8, bottom: 8, calculable: true,
            text: ['高 high', '低 low'], formatter: '{value}%', inRange: {color: ['#fff3e0', '#e65100', '#7f1d1d']}},
          series: [{type: 'map', map: map.map_name, name: term ? term.term : '', roam: false, data: values,
            emphasis: {label: {show: true}}, itemStyle: {areaColor: '#e5e7eb', borderColor: '#9ca3af'}}]
        }};
      }});
  }

  function buildMaps() {
    var pm = data.province_map;
    var sm = data.subdivision_map;
    var s = section('maps', '提法与话题的地区分布', 'Where the terms are used: document share by province and, for one province, by prefecture',
      '地图数据 / map data: Apache ECharts ' + data.meta.maps_version + ' (map/json, Apache-2.0). ' +
      (sm && sm.unmatched.length ? '无对应现行区划的图形 / shapes with no current division: ' + sm.unmatched.join('、') : ''));
    var state = {key: pm.terms.length ? pm.terms[0].key : ''};
    var renders = [];
    var picker = select('提法或话题 / slogan or topic', pm.terms.map(function (t) {
      return {value: t.key, label: (t.term_kind === 'slogan' ? '提法 ' : '话题 ') + t.term};
    }), function (v) { state.key = v; renders.forEach(function (r) { r(); }); });
    s.appendChild(el('div', {className: 'controls'}, [picker]));
    renders.push(mapBlock(s, 'province-map', '各省文档占比地图', 'Document share of the chosen term by province', pm, state));
    if (sm) {
      var levelZh = sm.level === 'county' ? '区县' : '地市';
      renders.push(mapBlock(s, 'subdivision-map', sm.province.name + levelZh + '文档占比地图',
        'Document share of the chosen term by ' + (sm.level === 'county' ? 'district' : 'prefecture') + ' in ' + sm.province.name +
        ' (' + sm.province.code + ')', sm, state));
    } else {
      renders.push(mapBlock(s, 'subdivision-map', '地市文档占比地图', 'Document share by prefecture (no province to show)',
        {map_name: 'province', terms: [], areas: [], unmatched: []}, state));
    }
  }

  var GRAINS = {
    month: {zh: '月份', en: 'month', label: '月 / month', data: data.trend, region: data.region_trend},
    year: {zh: '年份', en: 'year', label: '年 / year', data: data.year_trend, region: data.region_year_trend}
  };

  /**
   * Shares of some terms as lines over the periods, and the documents they are shares of as grey
   * bars on a second axis: a share drawn over few documents can be told from one over many.
   */
  function trendOption(grain, periods, lines, documents, documentsName) {
    return {
      grid: {left: 8, right: 8, top: 64, bottom: 40, containLabel: true},
      tooltip: axisTooltip('line', function (v, p) { return p.seriesType === 'bar' ? num(v) + ' 篇' : percentValue(v); }),
      legend: {type: 'scroll', top: 0},
      xAxis: {type: 'category', data: periods, name: GRAINS[grain].zh + ' / ' + GRAINS[grain].en, nameLocation: 'middle', nameGap: 28},
      yAxis: [
        {type: 'value', name: SHARE_AXIS, nameTextStyle: {align: 'left'}, axisLabel: {formatter: '{value}%'}},
        {type: 'value', name: '文档数 / documents', nameTextStyle: {align: 'right'}, minInterval: 1, splitLine: {show: false}}
      ],
      series: [{type: 'bar', name: documentsName, yAxisIndex: 1, data: documents, itemStyle: {color: '#d1d5db'}, barMaxWidth: 24}]
        .concat(lines)
    };
  }

  function sharePoints(x) {
    return x.shares.map(function (v) { return v === null ? null : round(100 * v, 2); });
  }

  function buildTrends() {
    var min = data.trend.min_documents;
    var s = section('trends', '趋势', 'Trends of the top topics, by month or by year (term_counts at grain month or year)',
      '少于 ' + min + ' 篇文档的时期不计占比（—）；只有年份的文档只计入年度趋势 / a period in which the region has fewer than ' + min +
      ' documents shows no share (—), its documents still shown as bars; documents dated only by year count in the yearly view alone');
    var state = {grain: 'month', topic: data.region_trend && data.region_trend.region_series.length ? data.region_trend.region_series[0].term_id : ''};
    var renders = [];
    var grainSelect = select('周期 / period', Object.keys(GRAINS).map(function (g) { return {value: g, label: GRAINS[g].label}; }),
      function (v) { state.grain = v; renders.forEach(function (r) { r(); }); });
    s.appendChild(el('div', {className: 'controls'}, [grainSelect]));

    renders.push(block(s, {id: 'topic-trend', zh: '热门话题文档占比（全国）', en: 'Document share of the top topics, whole country',
      build: function () {
        var t = GRAINS[state.grain].data;
        var columns = [{key: 'period', zh: GRAINS[state.grain].zh, en: GRAINS[state.grain].en}, {key: 'documents', zh: '文档数', en: 'all documents'}];
        t.series.forEach(function (x) {
          columns.push({key: x.term_id + '_documents', zh: x.term + ' 文档', en: 'documents'});
          columns.push({key: x.term_id + '_share', zh: x.term + ' 占比', en: 'share', format: function (v) { return pct(v); }});
        });
        var rows = t.periods.map(function (m, i) {
          var r = [m, t.region_documents[i]];
          t.series.forEach(function (x) { r.push(x.documents[i], round(x.shares[i], 6)); });
          return r;
        });
        return {table: {columns: columns, rows: t.series.length ? rows : []}, click: clickTerm(function (p) {
          var x = p.seriesType === 'line' ? t.series[p.seriesIndex - 1] : null;
          return x ? {key: termKey(x.term_kind, x.term_id), label: x.term} : null;
        }), option: trendOption(state.grain, t.periods, t.series.map(function (x) {
          return {type: 'line', name: x.term, connectNulls: false, data: sharePoints(x)};
        }), t.region_documents, '全国文档数 / documents')};
      }}));

    var controls = [];
    if (data.region_trend) {
      controls.push(select('话题 / topic', data.region_trend.region_series.map(function (x) { return {value: x.term_id, label: x.term}; }),
        function (v) { state.topic = v; renders[1](); }));
    }
    var name = data.region_trend ? data.region_trend.region.name : '';
    renders.push(block(s, {id: 'region-trend', zh: (name || '地区') + '与全国对比：话题文档占比',
      en: 'Document share of a topic' + (data.region_trend ? ' in ' + name + ' (' + data.region_trend.region.code + ')' : '') +
        ' against the whole country',
      controls: controls,
      build: function () {
        var rt = GRAINS[state.grain].region;
        var columns = [
          {key: 'period', zh: GRAINS[state.grain].zh, en: GRAINS[state.grain].en},
          {key: 'region_documents', zh: name + ' 文档数', en: 'region: all documents'},
          {key: 'region_term_documents', zh: name + ' 提及', en: 'region: mentioning'},
          {key: 'region_share', zh: name + ' 占比', en: 'region: share', format: function (v) { return pct(v); }},
          {key: 'country_documents', zh: '全国文档数', en: 'country: all documents'},
          {key: 'country_term_documents', zh: '全国提及', en: 'country: mentioning'},
          {key: 'country_share', zh: '全国占比', en: 'country: share', format: function (v) { return pct(v); }}
        ];
        if (!rt) {
          return {table: {columns: columns, rows: []}, option: null};
        }
        var r = rt.region_series.filter(function (x) { return x.term_id === state.topic; })[0];
        var c = rt.country_series.filter(function (x) { return x.term_id === state.topic; })[0];
        var rows = !r ? [] : rt.periods.map(function (m, i) {
          return [m, rt.region_documents[i], r.documents[i], round(r.shares[i], 6), rt.country_documents[i], c.documents[i], round(c.shares[i], 6)];
        });
        return {table: {columns: columns, rows: rows}, click: clickTerm(function () {
          return r ? {key: termKey(r.term_kind, r.term_id), label: r.term} : null;
        }), option: !r ? null : trendOption(state.grain, rt.periods, [
          {type: 'line', name: name + ' / region', data: sharePoints(r)},
          {type: 'line', name: '全国 / country', data: sharePoints(c), lineStyle: {type: 'dashed'}}
        ], rt.region_documents, name + ' 文档数 / documents')};
      }}));
  }

  function buildDiffusion() {
    var d = data.diffusion;
    var basis = {
      'new': ['与对比快照相比新出现的提法', 'slogans new since the compared snapshot'],
      discovered: ['语料中新发现（不在词表中）的提法', 'slogans found in quotes, not in the lexicon'],
      top: ['文档最多的提法', 'the slogans with the most documents']
    }[d.basis];
    var s = section('diffusion', '提法扩散时间线', 'Diffusion timeline: where (province) and when each slogan was first seen — ' + basis[1],
      '所选提法 / chosen: ' + basis[0]);
    block(s, {id: 'diffusion', zh: '新提法首次出现的省份与日期', en: 'First appearance of each slogan per province (dot size: documents there)',
      build: function () {
        var rows = [];
        var keys = [];
        var firstByProvince = {};
        d.slogans.forEach(function (x) {
          x.provinces.forEach(function (p) {
            rows.push([x.term, p.province_code, p.province_name, p.first_seen, p.documents]);
            keys.push(termKey('slogan', x.term_id));
            if (!firstByProvince[p.province_name] || p.first_seen < firstByProvince[p.province_name]) {
              firstByProvince[p.province_name] = p.first_seen;
            }
          });
        });
        var provinces = Object.keys(firstByProvince).sort(function (a, b) {
          return firstByProvince[a] < firstByProvince[b] ? 1 : firstByProvince[a] > firstByProvince[b] ? -1 : (a < b ? -1 : 1);
        });
        var table = {keys: keys, columns: [
          {key: 'term', zh: '提法', en: 'slogan', term: true},
          {key: 'province_code', zh: '省级代码', en: 'province code'},
          {key: 'province_name', zh: '省份', en: 'province'},
          {key: 'first_seen', zh: '首次出现', en: 'first seen'},
          {key: 'documents', zh: '文档数', en: 'documents'}
        ], rows: rows};
        return {table: table, click: clickTerm(function (p) {
          var x = d.slogans[p.seriesIndex];
          return x ? {key: termKey('slogan', x.term_id), label: x.term} : null;
        }), option: {
          grid: {left: 8, right: 24, top: 40, bottom: 40, containLabel: true},
          legend: {type: 'scroll', top: 0},
          tooltip: itemTooltip(function (p) { return [[p.color, p.seriesName], p.value[1] + ' ' + p.value[0], p.value[2] + ' 篇']; }),
          xAxis: {type: 'time', name: '首次出现 / first seen', nameLocation: 'middle', nameGap: 28},
          yAxis: {type: 'category', data: provinces},
          series: d.slogans.map(function (x) {
            return {type: 'scatter', name: x.term, symbolSize: function (v) { return 6 + 4 * Math.sqrt(v[2]); },
              data: x.provinces.map(function (p) { return [p.first_seen, p.province_name, p.documents]; })};
          })
        }};
      }});
  }

  function changeBlock(parent, id, zh, en, rows) {
    return block(parent, {id: id, zh: zh, en: en, build: function () {
      var table = {columns: [
        {key: 'term_kind', zh: '类别', en: 'kind'},
        {key: 'term', zh: '提法或话题', en: 'term', term: true},
        {key: 'base_documents', zh: '基准文档', en: 'base documents'},
        {key: 'target_documents', zh: '本期文档', en: 'target documents'},
        {key: 'base_share', zh: '基准占比', en: 'base share', format: function (v) { return pct(v); }},
        {key: 'target_share', zh: '本期占比', en: 'target share', format: function (v) { return pct(v); }},
        {key: 'share_change', zh: '占比变化', en: 'share change', format: function (v) { return v === null ? '—' : (100 * v).toFixed(1) + ' pp'; }},
        {key: 'z_score', zh: 'z 值', en: 'z', format: function (v) { return v === null ? '—' : v.toFixed(2); }},
        {key: 'p_value', zh: 'p 值', en: 'p', format: function (v) { return v === null ? '—' : v < 0.001 ? '<0.001' : v.toFixed(3); }},
        {key: 'example', zh: '例句', en: 'example passage'}
      ], rows: rows.map(function (c) {
        return [c.term_kind, c.term, c.base_documents, c.target_documents, c.base_share, c.target_share, c.share_change, c.z_score, c.p_value,
          examplePassage(termKey(c.term_kind, c.term_id))];
      }), keys: rows.map(function (c) { return termKey(c.term_kind, c.term_id); })};
      var shown = rows.slice().reverse();
      return {table: table, click: clickTerm(function (p) {
        var c = shown[p.dataIndex];
        return c ? {key: termKey(c.term_kind, c.term_id), label: c.term} : null;
      }), option: {
        grid: {left: 8, right: 56, top: 8, bottom: 28, containLabel: true},
        tooltip: axisTooltip('shadow', function (v) { return v === null || v === undefined ? '—' : v + ' pp'; }),
        xAxis: {type: 'value', name: '占比变化 (百分点) / share change (pp)', nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'category', data: shown.map(function (c) { return c.term; })},
        series: [{type: 'bar', name: '占比变化 / share change', data: shown.map(function (c) {
          return c.share_change === null ? (c.target_share === null ? null : round(100 * c.target_share, 2)) : round(100 * c.share_change, 2);
        })}]
      }};
    }});
  }

  function buildChanges() {
    var c = data.changes;
    if (!c) {
      return;
    }
    var s = section('changes', '与基准快照对比', 'Compared with snapshot ' + c.base_snapshot_id + ' (grain ' + c.grain + ', whole country): ' +
      'risers and fallers are ranked by significance (two-proportion z-test), new slogans by documents');
    changeBlock(s, 'risers', '上升最显著', 'Biggest risers', c.risers);
    changeBlock(s, 'fallers', '下降最显著', 'Biggest fallers', c.fallers);
    changeBlock(s, 'new-slogans', '新出现的提法', 'New slogans (no document in the base snapshot), most documents first', c.new_slogans);
  }

  function kv(rows) {
    var t = el('table', {className: 'kv'});
    rows.forEach(function (r) {
      t.appendChild(el('tr', {}, [el('th', {}, [el('span', {text: r[0]}), el('br'), el('small', {text: r[1]})]), el('td', {text: r[2]})]));
    });
    return t;
  }

  function buildManifest() {
    var m = data.manifest;
    var counts = m.counts || {};
    var inputs = m.inputs || {};
    var s = section('manifest', '数据来源与清单', 'What the numbers stand on: the snapshot manifest and the quarantine');
    s.appendChild(kv([
      ['快照', 'snapshot id', m.snapshot_id],
      ['生成时间', 'finished at', m.finished_at || '—'],
      ['版本', 'Tifa / Spark / schema version', (m.tifa_version || '?') + ' / ' + (m.spark_version || '?') + ' / ' + (m.schema_version || '?')],
      ['输入', 'inputs', (inputs.paths || []).join(', ')],
      ['输入文件', 'input files, bytes', num(inputs.file_count) + ' / ' + num(inputs.bytes)],
      ['读取记录', 'records read', num(counts.records_read)],
      ['接受', 'accepted documents', num(counts.accepted)],
      ['重复', 'duplicates', num(counts.duplicates)],
      ['隔离', 'quarantined', num(counts.quarantined) + (m.quarantine ? ' (' + pct(m.quarantine.ratio, 2) + ')' : '')],
      ['配置哈希', 'configuration SHA-256', m.config_sha256 || '—'],
      ['报告', 'report made by', 'Tifa ' + data.meta.tifa_version + ', Apache ECharts ' + data.meta.echarts_version]
    ]));
    block(s, {id: 'quarantine', zh: '隔离原因', en: 'Quarantined records by stage and reason (from the quarantine table)',
      build: function () {
        var rows = data.quarantine.map(function (q) { return [q.stage, q.reason, q.records]; });
        var shown = data.quarantine.slice().reverse();
        return {table: {columns: [
          {key: 'stage', zh: '阶段', en: 'stage'},
          {key: 'reason', zh: '原因', en: 'reason'},
          {key: 'records', zh: '记录数', en: 'records'}
        ], rows: rows}, option: {
          grid: {left: 8, right: 40, top: 8, bottom: 28, containLabel: true},
          tooltip: axisTooltip('shadow', num),
          xAxis: {type: 'value', name: '记录数 / records', nameLocation: 'middle', nameGap: 24, minInterval: 1},
          yAxis: {type: 'category', data: shown.map(function (q) { return q.reason; })},
          series: [{type: 'bar', name: '记录数 / records', data: shown.map(function (q) { return q.records; }), label: {show: true, position: 'right'}}]
        }};
      }});
    var tables = m.tables || {};
    var files = (inputs.files || []).map(function (f) { return [f.path, f.bytes]; });
    var details = el('details', {}, [el('summary', {text: '表行数、输入文件与配置 / table rows, input files and configuration'})]);
    details.appendChild(kv(Object.keys(tables).map(function (k) { return [k, 'rows', String(tables[k])]; })));
    details.appendChild(kv(files.map(function (f) { return ['输入文件', 'input file (bytes)', f[0] + ' (' + f[1] + ')']; })));
    details.appendChild(el('pre', {text: JSON.stringify(m.config || {}, null, 2)}));
    s.appendChild(details);
  }

  // ---- page ----------------------------------------------------------------------------------

  echarts.registerMap('china', JSON.parse(document.getElementById('tifa-map-china').textContent));
  var provinceGeo = document.getElementById('tifa-map-province').textContent.trim();
  if (provinceGeo) {
    echarts.registerMap('province', JSON.parse(provinceGeo));
  }
  var meta = data.meta;
  document.getElementById('summary').textContent =
    '快照 / snapshot ' + meta.snapshot_id + ' · ' + meta.documents + ' 篇文档 / documents · Tifa ' + meta.tifa_version +
    (meta.documents === 0 ? ' · 该快照没有文档 / this snapshot has no documents' : '');
  buildNational();
  buildProvinces();
  buildMaps();
  buildTrends();
  buildDiffusion();
  buildChanges();
  buildManifest();
  document.body.setAttribute('data-ready', 'true');
})();
