// RBAC graph view: draws subject → binding → role → permission from /api/v1/rbac/graph in columns, colours nodes by
// risk, expands aggregates and neighbourhoods on request, shows a clicked node's details and highlights a path to
// cluster-admin. Filters live in the URL (g* parameters) so a view can be shared. No inline script: CSP is 'self'.
(function () {
  'use strict';
  var root = document.getElementById('rbac-graph');
  if (!root || typeof cytoscape !== 'function') return;

  var api = root.dataset.api;
  var cluster = root.dataset.cluster;
  var details = document.getElementById('rbac-details');
  var stats = document.getElementById('graph-stats');
  var filters = document.getElementById('graph-filters');
  var pathForm = document.getElementById('path-form');
  var pathSelect = document.getElementById('path-start');
  root.style.height = '640px';
  details.style.height = '640px';

  var RISK = { critical: '#b42318', high: '#e8590c', medium: '#f0b400', low: '#8aa0bd', none: '#d5dbe4' };
  var SHAPE = {
    User: 'ellipse', Group: 'ellipse', ServiceAccount: 'ellipse', RoleBinding: 'round-rectangle',
    ClusterRoleBinding: 'round-rectangle', Role: 'diamond', ClusterRole: 'diamond', Permission: 'rectangle',
    Aggregate: 'octagon', Workload: 'barrel', ClusterAdmin: 'star', Namespace: 'round-triangle', PodIdentities: 'round-triangle'
  };
  var FILTER_KEYS = { namespace: 'gns', subjectKind: 'gkind', risk: 'grisk', q: 'gq', budget: 'gbudget', hideDefaults: 'ghide' };
  var aggregateOffsets = {};

  var cy = cytoscape({
    container: root,
    minZoom: 0.05,
    maxZoom: 3,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    style: [
      { selector: 'node', style: {
        'background-color': function (n) { return RISK[n.data('risk')] || RISK.none; },
        'shape': function (n) { return SHAPE[n.data('kind')] || 'ellipse'; },
        'label': 'data(short)', 'font-size': 12, 'color': '#1b2533', 'text-valign': 'center', 'text-halign': 'right',
        'text-margin-x': 5, 'width': 18, 'height': 18, 'border-width': 1, 'border-color': '#495057',
        'min-zoomed-font-size': 5 } },
      { selector: 'node[kind = "Group"]', style: { 'border-width': 3, 'border-style': 'double' } },
      { selector: 'node[kind = "ServiceAccount"]', style: { 'border-style': 'dashed', 'border-width': 2 } },
      { selector: 'node[kind = "ClusterRoleBinding"], node[kind = "ClusterRole"]', style: { 'border-width': 3 } },
      { selector: 'node[?builtIn]', style: { 'opacity': 0.75 } },
      { selector: 'node[?aggregate]', style: { 'width': 26, 'height': 26, 'font-weight': 'bold', 'border-width': 2,
        'border-color': '#0d6efd' } },
      { selector: 'node[kind = "Permission"]', style: { 'width': 12, 'height': 12, 'font-size': 11, 'text-halign': 'right' } },
      { selector: 'node[kind = "ClusterAdmin"]', style: { 'width': 34, 'height': 34, 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'node[column < 0]', style: { 'text-halign': 'left', 'text-margin-x': -4 } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#adb5bd', 'curve-style': 'straight', 'target-arrow-shape': 'triangle',
        'target-arrow-color': '#adb5bd', 'arrow-scale': 0.6, 'opacity': 0.7 } },
      { selector: 'edge[?dangling]', style: { 'line-style': 'dashed', 'line-color': '#dc3545', 'target-arrow-color': '#dc3545' } },
      { selector: 'edge[kind = "GRANTS"]', style: { 'line-color': '#dee2e6', 'target-arrow-color': '#dee2e6' } },
      { selector: 'edge[label]', style: { 'label': 'data(label)', 'font-size': 9, 'text-background-color': '#fff',
        'text-background-opacity': 1, 'color': '#842029' } },
      { selector: '.faded', style: { 'opacity': 0.12, 'text-opacity': 0.2 } },
      { selector: 'node.path', style: { 'border-color': '#842029', 'border-width': 4, 'opacity': 1, 'text-opacity': 1,
        'font-weight': 'bold', 'z-index': 10, 'width': 26, 'height': 26, 'font-size': 14, 'text-valign': 'bottom',
        'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': 6, 'text-wrap': 'wrap', 'text-max-width': 150,
        'label': 'data(label)' } },
      { selector: 'edge.path', style: { 'line-color': '#dc3545', 'target-arrow-color': '#dc3545', 'width': 4, 'opacity': 1,
        'z-index': 10 } },
      { selector: 'node.match', style: { 'border-color': '#0d6efd', 'border-width': 4 } },
      { selector: 'node:selected', style: { 'overlay-color': '#0d6efd', 'overlay-opacity': 0.25, 'overlay-padding': 6 } }
    ]
  });

  // ---- state in the URL -------------------------------------------------------------------------------------------
  function readUrl() {
    var url = new URLSearchParams(window.location.search);
    Object.keys(FILTER_KEYS).forEach(function (name) {
      var value = url.get(FILTER_KEYS[name]);
      var field = filters.elements[name];
      if (value === null || !field) return;
      if (field.type === 'checkbox') field.checked = value === 'true';
      else field.value = value;
    });
    if (url.get('path')) pathSelect.value = url.get('path');
  }

  function writeUrl() {
    var url = new URLSearchParams(window.location.search);
    var q = graphParams();
    Object.keys(FILTER_KEYS).forEach(function (name) {
      if (q.has(name) && q.get(name) !== '') url.set(FILTER_KEYS[name], q.get(name));
      else url.delete(FILTER_KEYS[name]);
    });
    if (pathSelect.value) url.set('path', pathSelect.value); else url.delete('path');
    history.replaceState(null, '', window.location.pathname + '?' + url.toString());
  }

  function graphParams() {
    var q = new URLSearchParams();
    q.set('cluster', cluster);
    ['namespace', 'subjectKind', 'risk', 'q', 'budget'].forEach(function (name) {
      var v = filters.elements[name].value;
      if (v) q.set(name, v.trim());
    });
    q.set('hideDefaults', filters.elements.hideDefaults.checked ? 'true' : 'false');
    return q;
  }

  function getJson(path, params) {
    return fetch(api + path + '?' + params.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.detail || body.title || ('HTTP ' + r.status));
          return body;
        });
      });
  }

  // ---- elements ---------------------------------------------------------------------------------------------------
  function shorten(s) {
    return s.length > 42 ? s.substring(0, 40) + '…' : s;
  }

  function add(view) {
    var added = [];
    cy.batch(function () {
      view.nodes.forEach(function (n) {
        var data = {
          id: n.id, label: n.label, short: shorten(n.label), kind: n.kind, risk: n.risk, column: n.column,
          aggregate: n.aggregate, count: n.count, expandable: n.expandable, builtIn: n.builtIn, hops: n.hopsToAdmin,
          risks: n.risks, namespace: n.namespace
        };
        var existing = cy.getElementById(n.id);
        if (existing.nonempty()) existing.data(data);
        else added.push(cy.add({ group: 'nodes', data: data }));
      });
      view.edges.forEach(function (e) {
        if (cy.getElementById(e.id).nonempty()) return;
        if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
        var data = { id: e.id, source: e.source, target: e.target, kind: e.kind, dangling: e.dangling };
        if (e.label) data.label = e.label;
        cy.add({ group: 'edges', data: data });
      });
    });
    return added;
  }

  // Columns left to right; within a column, nodes follow the mean position of their neighbours in the column
  // before (roles by risk), which keeps most edges short and untangled. Tall columns wrap into sub-columns.
  function layout() {
    var columns = {};
    cy.nodes().forEach(function (n) {
      var c = n.data('column');
      (columns[c] = columns[c] || []).push(n);
    });
    var order = {};
    var rank = { critical: 0, high: 1, medium: 2, low: 3, none: 4 };
    function byRisk(a, b) {
      return (rank[a.data('risk')] - rank[b.data('risk')]) || a.data('label').localeCompare(b.data('label'));
    }
    function bary(n) {
      var sum = 0, count = 0;
      n.neighborhood('node').forEach(function (m) {
        if (order[m.id()] !== undefined) { sum += order[m.id()]; count++; }
      });
      return count ? sum / count : Number.MAX_SAFE_INTEGER;
    }
    function place(col, sorter) {
      var list = columns[col];
      if (!list) return;
      list.sort(sorter);
      list.forEach(function (n, i) { order[n.id()] = i / Math.max(1, list.length - 1); });
    }
    function byBary(a, b) { return (bary(a) - bary(b)) || byRisk(a, b); }
    place(2, byRisk);
    place(1, byBary);
    place(0, byBary);
    place(3, byBary);
    place(-1, byBary);
    place(4, byRisk);
    var positions = {};
    var keys = Object.keys(columns).map(Number).sort(function (a, b) { return a - b; });
    var x = 0;
    // wrap every column at the height of the tallest structural column (subjects, bindings, roles), so a long
    // permission list spreads sideways instead of shrinking the whole drawing
    var tallest = Math.max.apply(null, [0, 1, 2].map(function (c) { return (columns[c] || []).length; }));
    var perColumn = Math.min(45, Math.max(12, tallest)), rowGap = 30, subGap = 230, columnGap = 300;
    keys.forEach(function (c) {
      var list = columns[c];
      var subColumns = Math.ceil(list.length / perColumn);
      var rows = Math.ceil(list.length / subColumns);
      list.forEach(function (n, i) {
        var sub = Math.floor(i / rows), row = i % rows;
        positions[n.id()] = { x: x + sub * subGap, y: (row - rows / 2) * rowGap };
      });
      x += (subColumns - 1) * subGap + columnGap;
    });
    cy.layout({ name: 'preset', positions: function (n) { return positions[n.id()]; }, fit: true, padding: 30, animate: false }).run();
  }

  function edgeStyleForSize() {
    var many = cy.edges().length > 1500;
    cy.edges().style('curve-style', many ? 'haystack' : 'straight');
  }

  function showStats(view) {
    var text = 'Showing ' + view.shownBindings + ' of ' + view.matchedBindings + ' bindings';
    if (view.collapsedBindings > 0) text += '; ' + view.collapsedBindings + ' collapsed into groups (click ⬣ to expand)';
    text += ' · ' + cy.nodes().length + ' nodes';
    stats.textContent = text;
    root.dataset.nodes = String(cy.nodes().length);
  }

  function load() {
    writeUrl();
    stats.textContent = 'Loading…';
    aggregateOffsets = {};
    return getJson('/graph', graphParams()).then(function (view) {
      cy.elements().remove();
      add(view);
      edgeStyleForSize();
      layout();
      showStats(view);
      markMatches();
      focusSubject();
      root.dataset.loaded = String(Date.now());
      if (pathSelect.value) return showPath();
    }).catch(function (e) { stats.textContent = 'Could not load the graph: ' + e.message; });
  }

  // ?subject=… (a link from a resource's service account): select that subject once, centre it, open its details.
  function focusSubject() {
    var id = root.dataset.focus;
    if (!id || root.dataset.focused) return;
    var node = cy.getElementById(id);
    if (node.empty()) {
      root.dataset.focused = 'missing';
      stats.textContent += ' ' + id.substring(id.indexOf(':') + 1) + ' has no binding in this cluster.';
      return;
    }
    root.dataset.focused = id;
    cy.elements(':selected').unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1), duration: 200 });
    showDetails(node);
  }

  function markMatches() {
    cy.nodes().removeClass('match');
    var q = (filters.elements.q.value || '').trim().toLowerCase();
    if (!q) return;
    cy.nodes().filter(function (n) { return n.data('label').toLowerCase().indexOf(q) >= 0; }).addClass('match');
  }

  function expand(node) {
    var params = graphParams();
    params.set('node', node.id());
    if (node.data('aggregate')) params.set('offset', String(aggregateOffsets[node.id()] || 0));
    return getJson('/graph/expand', params).then(function (view) {
      if (node.data('aggregate') && node.data('kind') === 'Aggregate') {
        aggregateOffsets[node.id()] = (aggregateOffsets[node.id()] || 0) + view.shownBindings;
        var stillThere = view.nodes.some(function (n) { return n.id === node.id(); });
        if (!stillThere) node.remove();
      } else if (node.id().indexOf('perm-more:') === 0) {
        node.remove();
      }
      add(view);
      edgeStyleForSize();
      layout();
      stats.textContent = 'Expanded ' + node.data('label') + ' · ' + cy.nodes().length + ' nodes';
    }).catch(function (e) { stats.textContent = 'Could not expand: ' + e.message; });
  }

  // ---- details panel (DOM built with textContent: names come from the cluster, never trusted as HTML) ---------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function badge(level) {
    var cls = { critical: 'kw-sev-critical', high: 'kw-sev-high', medium: 'kw-sev-medium', low: 'kw-sev-low' }[level]
      || 'text-secondary';
    return el('span', 'kw-sev ' + cls, level);
  }

  function subjectText(s) {
    return s.kind + ' ' + (s.namespace ? s.namespace + '/' : '') + s.name;
  }

  function grantList(grants, title) {
    var wrap = el('div');
    wrap.appendChild(el('h4', 'h6 mt-2', title + ' (' + grants.length + ')'));
    var ul = el('ul', 'list-unstyled mb-0');
    grants.forEach(function (g) {
      var li = el('li', 'mb-1 border-bottom pb-1');
      li.appendChild(badge(g.risk));
      li.appendChild(el('code', 'ms-1 text-break', g.rule.text));
      li.appendChild(el('div', 'text-secondary', 'via ' + g.binding.kind + ' ' + g.binding.name + ' → ' + g.role.kind + ' '
        + g.role.name + ' rules[' + g.rule.index + '] · ' + g.scope + (g.subject ? ' · as ' + subjectText(g.subject) : '')));
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    return wrap;
  }

  function renderDetails(d, node) {
    details.replaceChildren();
    var head = el('div', 'd-flex justify-content-between align-items-start gap-2');
    var title = el('div');
    title.appendChild(el('div', 'text-secondary', d.node.kind));
    title.appendChild(el('h3', 'h6 mb-1 text-break', d.node.label));
    head.appendChild(title);
    head.appendChild(badge(d.risk));
    details.appendChild(head);
    if (d.hopsToAdmin !== null && d.hopsToAdmin !== undefined) {
      var warn = el('div', 'alert alert-danger py-1 px-2 my-1', 'Can become cluster-admin in ' + d.hopsToAdmin + ' hop(s). ');
      var a = el('a', 'alert-link', 'Show path');
      a.href = '#';
      a.addEventListener('click', function (ev) { ev.preventDefault(); selectPath(d.node.id); });
      warn.appendChild(a);
      details.appendChild(warn);
    }
    if (d.risks.length) {
      var risks = el('div', 'my-1');
      d.risks.forEach(function (r) {
        var b = badge(r.level);
        b.textContent = r.id + ' ' + r.label;
        b.classList.add('me-1');
        risks.appendChild(b);
      });
      details.appendChild(risks);
    }
    var dl = el('dl', 'row mb-1');
    Object.keys(d.facts).forEach(function (k) {
      dl.appendChild(el('dt', 'col-5 fw-normal text-secondary', k));
      dl.appendChild(el('dd', 'col-7 mb-0 text-break', d.facts[k]));
    });
    details.appendChild(dl);
    var actions = el('div', 'd-flex gap-2 mb-1');
    var expandButton = el('button', 'btn btn-sm btn-outline-primary py-0', 'Expand neighbourhood');
    expandButton.type = 'button';
    expandButton.addEventListener('click', function () { if (node) expand(node); });
    actions.appendChild(expandButton);
    details.appendChild(actions);
    if (d.findings.length) {
      details.appendChild(el('h4', 'h6 mt-2', 'Open findings (' + d.findings.length + ')'));
      var fl = el('ul', 'list-unstyled mb-0');
      d.findings.forEach(function (f) {
        var li = el('li', 'mb-1');
        li.appendChild(badge(f.severity));
        li.appendChild(el('span', 'ms-1', f.controlId + ': ' + f.message));
        fl.appendChild(li);
      });
      details.appendChild(fl);
    }
    if (d.rules.length) {
      details.appendChild(el('h4', 'h6 mt-2', 'Rules (' + d.rules.length + ')'));
      var rl = el('ul', 'list-unstyled mb-0');
      d.rules.forEach(function (r) {
        var li = el('li', 'mb-1');
        li.appendChild(badge(r.risk));
        li.appendChild(el('code', 'ms-1 text-break', r.text));
        r.risks.forEach(function (b) { li.appendChild(el('span', 'badge text-bg-light border ms-1', b.id)); });
        rl.appendChild(li);
      });
      details.appendChild(rl);
    }
    if (d.grants.length) details.appendChild(grantList(d.grants, 'Effective grants'));
    if (d.related.length) {
      details.appendChild(el('h4', 'h6 mt-2', 'Related'));
      var ul = el('ul', 'list-unstyled mb-0');
      d.related.forEach(function (o) {
        ul.appendChild(el('li', null, o.kind + ' ' + (o.namespace ? o.namespace + '/' : '') + o.name + (o.builtIn ? ' (default)' : '')));
      });
      details.appendChild(ul);
    }
  }

  function showDetails(node) {
    var params = new URLSearchParams();
    params.set('cluster', cluster);
    params.set('node', node.id());
    details.replaceChildren(el('p', 'text-secondary', 'Loading ' + node.data('label') + '…'));
    getJson('/graph/node', params).then(function (d) { renderDetails(d, node); }).catch(function (e) {
      details.replaceChildren(el('p', 'text-secondary', node.data('kind') + ' ' + node.data('label') + ': ' + e.message));
    });
  }

  // ---- path to cluster-admin --------------------------------------------------------------------------------------
  function startParams(id) {
    var p = new URLSearchParams();
    p.set('cluster', cluster);
    var prefix = id.substring(0, id.indexOf(':'));
    var rest = id.substring(id.indexOf(':') + 1);
    if (prefix === 'wl') { // wl:ns/Kind/name
      var parts = rest.split('/');
      p.set('namespace', parts[0]); p.set('kind', parts[1]); p.set('name', parts.slice(2).join('/'));
    } else if (prefix === 'sa') {
      p.set('kind', 'ServiceAccount'); p.set('namespace', rest.split('/')[0]); p.set('name', rest.substring(rest.indexOf('/') + 1));
    } else {
      p.set('kind', prefix === 'group' ? 'Group' : 'User'); p.set('name', rest);
    }
    return p;
  }

  function clearPath() {
    cy.elements().removeClass('path faded');
  }

  function selectPath(id) {
    if (!Array.prototype.some.call(pathSelect.options, function (o) { return o.value === id; })) {
      var o = document.createElement('option');
      o.value = id; o.textContent = id;
      pathSelect.appendChild(o);
    }
    pathSelect.value = id;
    writeUrl();
    showPath();
  }

  function showPath() {
    var id = pathSelect.value;
    if (!id) return Promise.resolve();
    return getJson('/graph/path', startParams(id)).then(function (answer) {
      add(answer.graph);
      edgeStyleForSize();
      layout();
      clearPath();
      if (!answer.path.reachesAdmin) {
        stats.textContent = answer.path.start.label + ' has no path to cluster-admin.';
        root.dataset.path = 'none';
        return;
      }
      cy.elements().addClass('faded');
      answer.highlight.forEach(function (h) {
        var e = cy.getElementById(h);
        if (e.nonempty()) e.removeClass('faded').addClass('path');
      });
      pathLane(answer);
      var hl = cy.elements('.path');
      cy.animate({ fit: { eles: hl, padding: 50 }, duration: 300 });
      renderPath(answer.path);
      root.dataset.path = String(answer.path.steps.length);
      stats.textContent = 'Path to cluster-admin from ' + answer.path.start.label + ': ' + answer.path.steps.length + ' hop(s).';
    }).catch(function (e) { stats.textContent = 'Could not compute the path: ' + e.message; });
  }

  // The path as one readable chain above the graph: start, then per hop the binding and role behind it, then the target.
  function pathLane(answer) {
    var seq = [];
    function push(id) { if (seq.indexOf(id) < 0 && cy.getElementById(id).nonempty()) seq.push(id); }
    answer.path.steps.forEach(function (s) {
      push(s.from.id);
      if (s.evidence.length) { push(s.evidence[0].binding.id); push(s.evidence[0].role.id); }
      push(s.to.id);
    });
    var top = cy.nodes().not('.path').boundingBox().y1;
    if (!isFinite(top)) top = 0;
    seq.forEach(function (id, i) {
      cy.getElementById(id).position({ x: i * 190, y: top - 160 });
    });
  }

  function renderPath(path) {
    details.replaceChildren();
    details.appendChild(el('h3', 'h6', 'Path to cluster-admin'));
    var ol = el('ol', 'ps-3 mb-0');
    path.steps.forEach(function (s) {
      var li = el('li', 'mb-2');
      li.appendChild(el('div', 'fw-semibold text-break', s.from.kind + ' ' + s.from.label));
      li.appendChild(el('div', 'text-secondary', (s.rule ? s.rule + (s.ruleLabel ? ' ' + s.ruleLabel : '') + ' · ' : '')
        + s.edge.toLowerCase().replace(/_/g, ' ') + ' → ' + s.to.label));
      s.evidence.forEach(function (g) {
        li.appendChild(el('div', 'small', 'via ' + g.binding.kind + ' ' + g.binding.name + ' → ' + g.role.kind + ' ' + g.role.name
          + ': ' + g.rule.text + ' (' + g.scope + ')'));
      });
      ol.appendChild(li);
    });
    details.appendChild(ol);
  }

  // ---- wiring -----------------------------------------------------------------------------------------------------
  cy.on('tap', 'node', function (evt) {
    var node = evt.target;
    if (node.data('aggregate')) { expand(node); return; }
    showDetails(node);
  });
  cy.on('dbltap', 'node', function (evt) { if (evt.target.data('expandable')) expand(evt.target); });

  filters.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
  ['namespace', 'subjectKind', 'risk', 'hideDefaults'].forEach(function (name) {
    filters.elements[name].addEventListener('change', function () { load(); });
  });
  pathForm.addEventListener('submit', function (ev) { ev.preventDefault(); writeUrl(); showPath(); });
  document.getElementById('path-clear').addEventListener('click', function () {
    pathSelect.value = '';
    writeUrl();
    clearPath();
    layout();
    root.dataset.path = '';
  });
  document.querySelectorAll('[data-path-node]').forEach(function (b) {
    b.addEventListener('click', function () {
      selectPath(b.getAttribute('data-path-node'));
      root.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  });

  // for tests and the browser console: the graph, and the same detail view a click opens
  window.kubewardRbac = { cy: cy, showDetails: showDetails, expand: expand };
  readUrl();
  load();
})();
