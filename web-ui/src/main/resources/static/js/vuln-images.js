// Vulnerability images page: narrows the table to rows containing the typed text (client side, the page holds
// at most 500 rows; filters that change the data go through the form and the URL).
(function () {
  'use strict';
  document.querySelectorAll('[data-kw-filter]').forEach(function (input) {
    var table = document.querySelector(input.getAttribute('data-kw-filter'));
    if (!table) return;
    input.addEventListener('input', function () {
      var needle = input.value.trim().toLowerCase();
      table.querySelectorAll('tbody tr[data-kw-row]').forEach(function (row) {
        row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  });
}());
