// The custom-controls editor: "Test" evaluates the CEL expression on the sample object without saving.
// No inline scripts (CSP script-src 'self'); the page carries the test URL and the CSRF token as attributes.
(function () {
  'use strict';
  var button = document.getElementById('test-expression');
  if (!button) return;
  var result = document.getElementById('test-result');
  var problems = document.getElementById('test-problems');

  function show(outcome, text) {
    var styles = { pass: 'text-bg-success', fail: 'text-bg-warning', error: 'text-bg-danger' };
    result.textContent = '';
    var badge = document.createElement('span');
    badge.className = 'badge ' + (styles[outcome] || 'text-bg-secondary');
    badge.textContent = outcome;
    result.appendChild(badge);
    if (text) result.appendChild(document.createTextNode(' ' + text));
  }

  button.addEventListener('click', function () {
    var body = {
      expression: document.getElementById('expression').value,
      messageExpression: document.getElementById('messageExpression').value || null,
      object: document.getElementById('sample').value,
      namespaceObject: document.getElementById('sampleNamespace').value || null
    };
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    var csrfHeader = button.getAttribute('data-kw-csrf-header');
    if (csrfHeader) headers[csrfHeader] = button.getAttribute('data-kw-csrf-token');
    button.disabled = true;
    problems.hidden = true;
    fetch(button.getAttribute('data-kw-test-url'), { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(body) })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (t) {
        show(t.outcome, t.outcome === 'pass' ? '' : t.message);
        if (t.problems && t.problems.length) {
          problems.textContent = t.problems.map(function (p) {
            return p.line > 0 ? p.field + ' ' + p.line + ':' + p.column + ' ' + p.message : p.field + ': ' + p.message;
          }).join('\n');
          problems.hidden = false;
        }
      })
      .catch(function (e) { show('error', 'could not test: ' + e.message); })
      .then(function () { button.disabled = false; });
  });
})();
