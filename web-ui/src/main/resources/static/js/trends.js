// Trends page: draws the series the server put into #kw-trend[data-trend] with Chart.js (webjar).
(function () {
  'use strict';
  var holder = document.getElementById('kw-trend');
  if (!holder || !window.Chart) return;
  var d = JSON.parse(holder.getAttribute('data-trend'));
  var css = getComputedStyle(document.documentElement);
  function v(name) { return css.getPropertyValue(name).trim(); }
  var palette = ['#2450d3', '#0e9384', '#c11574', '#6938ef', '#dc6803', '#3e4784', '#039855', '#475467'];
  var labels = d.labels.map(function (s) {
    var p = s.split('-'); return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  });
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = v('--kw-muted') || '#5d6b7e';
  Chart.defaults.animation = false;

  // Score chart: one line per cluster, the mean as a bold line; markers where findings appeared or were fixed.
  var markerLine = d.overall || (d.clusters[0] && d.clusters[0].scores) || [];
  var datasets = d.clusters.map(function (c, i) {
    return { label: c.name, data: c.scores, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
      borderWidth: d.overall ? 1.5 : 2.5, pointRadius: d.overall ? 0 : 2, spanGaps: true, tension: 0.25 };
  });
  if (d.overall) {
    datasets.unshift({ label: 'All clusters (mean)', data: d.overall, borderColor: '#111a2b', backgroundColor: '#111a2b',
      borderWidth: 3, pointRadius: 0, spanGaps: true, tension: 0.25 });
  }
  var appeared = markerLine.map(function (s, i) { return d.newFindings[i] > 0 && s != null ? s : null; });
  var fixed = markerLine.map(function (s, i) { return d.fixedFindings[i] > 0 && s != null ? s : null; });
  datasets.push({ label: 'Findings appeared', data: appeared, showLine: false, pointStyle: 'triangle', pointRadius: 7,
    pointBackgroundColor: v('--kw-critical'), borderColor: v('--kw-critical') });
  datasets.push({ label: 'Findings fixed', data: fixed, showLine: false, pointStyle: 'circle', pointRadius: 5,
    pointBackgroundColor: v('--kw-good'), borderColor: '#fff', borderWidth: 1.5 });

  new Chart(document.getElementById('chart-score'), {
    type: 'line',
    data: { labels: labels, datasets: datasets },
    options: {
      maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { y: { suggestedMin: 0, suggestedMax: 100, ticks: { callback: function (x) { return x + '%'; } } },
                x: { grid: { display: false } } },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: { callbacks: {
          label: function (ctx) {
            if (ctx.dataset.label === 'Findings appeared') return '+' + d.newFindings[ctx.dataIndex] + ' findings appeared';
            if (ctx.dataset.label === 'Findings fixed') return '−' + d.fixedFindings[ctx.dataIndex] + ' findings fixed';
            return ctx.dataset.label + ': ' + (ctx.parsed.y == null ? 'N/A' : ctx.parsed.y.toFixed(1) + '%');
          } } }
      }
    }
  });

  var sev = [['Critical', d.critical, '--kw-critical'], ['High', d.high, '--kw-high'], ['Medium', d.medium, '--kw-medium'], ['Low', d.low, '--kw-low']];
  new Chart(document.getElementById('chart-severity'), {
    type: 'line',
    data: { labels: labels, datasets: sev.map(function (s) {
      return { label: s[0], data: s[1], borderColor: v(s[2]), backgroundColor: v(s[2]) + '55', fill: true, pointRadius: 0, spanGaps: true, tension: 0.2 };
    }) },
    options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { y: { stacked: true, beginAtZero: true }, x: { grid: { display: false } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } } } }
  });

  new Chart(document.getElementById('chart-flow'), {
    type: 'bar',
    data: { labels: labels, datasets: [
      { label: 'Appeared', data: d.newFindings, backgroundColor: v('--kw-critical') },
      { label: 'Fixed', data: d.fixedFindings.map(function (x) { return -x; }), backgroundColor: v('--kw-good') }
    ] },
    options: { maintainAspectRatio: false,
      scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, ticks: { callback: function (x) { return Math.abs(x); } } } },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + Math.abs(ctx.parsed.y); } } } } }
  });
})();
