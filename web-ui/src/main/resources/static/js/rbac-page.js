// RBAC page: selects marked data-autosubmit submit their form on change (the cluster picker).
(function () {
  'use strict';
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
})();
