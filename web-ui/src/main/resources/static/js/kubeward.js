// Behaviour shared by the dashboard pages. No inline scripts (CSP script-src 'self'): pages mark elements
// with classes and data attributes, this file wires them.
(function () {
  'use strict';

  // Filters are GET forms, so state lives in the URL; a changed select applies at once.
  document.querySelectorAll('select.kw-autosubmit, input.kw-autosubmit').forEach(function (el) {
    el.addEventListener('change', function () {
      if (el.form) {
        // empty fields would put "x=" into the URL: drop them so links stay short and shareable
        Array.prototype.forEach.call(el.form.elements, function (f) {
          if (f.name && !f.value && f.tagName !== 'BUTTON') f.disabled = true;
        });
        el.form.submit();
      }
    });
  });
  document.querySelectorAll('form.kw-clean').forEach(function (form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (f) {
        if (f.name && !f.value && f.tagName !== 'BUTTON') f.disabled = true;
      });
    });
  });

  // Copy buttons: data-kw-copy="#element-id"
  document.querySelectorAll('[data-kw-copy]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var src = document.querySelector(btn.getAttribute('data-kw-copy'));
      if (!src || !navigator.clipboard) return;
      navigator.clipboard.writeText(src.textContent).then(function () {
        var old = btn.innerHTML;
        btn.textContent = 'Copied';
        setTimeout(function () { btn.innerHTML = old; }, 1500);
      });
    });
  });

  // Bootstrap tooltips for elements that ask for them
  if (window.bootstrap && bootstrap.Tooltip) {
    document.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (el) { new bootstrap.Tooltip(el); });
  }
})();

// A link to #fix (or any tab pane id) opens that tab.
(function () {
  'use strict';
  if (!location.hash || !window.bootstrap || !bootstrap.Tab) return;
  var trigger = document.querySelector('[data-bs-toggle="tab"][data-bs-target="' + location.hash.replace(/"/g, '') + '"]');
  if (trigger && !trigger.disabled) bootstrap.Tab.getOrCreateInstance(trigger).show();
})();

// Changing the cluster of the drift form compares that cluster's last two scans: drop the scan ids.
(function () {
  'use strict';
  document.querySelectorAll('select[data-kw-reset]').forEach(function (sel) {
    sel.addEventListener('change', function () {
      sel.getAttribute('data-kw-reset').split(',').forEach(function (name) {
        var f = sel.form.elements[name];
        if (f) f.disabled = true;
      });
      sel.form.submit();
    });
  });
})();

// Long work (a report being generated, a cluster's first snapshot): [data-kw-poll] asks its URL every 1.5 s for
// {stage, label, done, next}, shows the label, marks the steps reached ([data-kw-step] in the order of
// data-kw-steps) and, once done, follows next. Without JavaScript the page refreshes itself (meta refresh).
(function () {
  'use strict';
  document.querySelectorAll('[data-kw-poll]').forEach(function (box) {
    var url = box.getAttribute('data-kw-poll');
    var order = (box.getAttribute('data-kw-steps') || '').split(',');
    var label = box.querySelector('[data-kw-poll-label]');
    function show(s) {
      if (label && s.label) label.textContent = s.label;
      box.setAttribute('data-stage', s.stage);
      var at = order.indexOf(s.stage);
      box.querySelectorAll('[data-kw-step]').forEach(function (step) {
        var i = order.indexOf(step.getAttribute('data-kw-step'));
        step.classList.toggle('done', at >= 0 && (i < at || (i === at && s.done)));
        step.classList.toggle('current', i === at && !s.done);
      });
    }
    function tick() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (s) {
          show(s);
          if (s.done) {
            box.classList.remove('kw-working');
            if (s.next) setTimeout(function () { location.assign(s.next); }, 600);
            return;
          }
          setTimeout(tick, 1500);
        })
        .catch(function () { setTimeout(tick, 5000); });
    }
    tick();
  });
})();
