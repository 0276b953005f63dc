// wagtail-localize's admin screens under the admin's Content Security Policy, which runs no inline script
// (website/staff/admin_csp.py). Localize's templates carry two; our overrides in templates/wagtail_localize/admin/
// load this file instead:
// - the translation editor reads window.chooserUrls, passed here as JSON data;
// - "Translate this page" has a "select all" box for the languages.
(function () {
  "use strict";
  var data = document.getElementById("localize-chooser-urls-data");
  if (data && typeof window.chooserUrls === "undefined") {
    window.chooserUrls = JSON.parse(data.textContent);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var selectAll = document.querySelector('[name="select_all"]');
    if (!selectAll) {
      return;
    }
    selectAll.addEventListener("change", function () {
      document.querySelectorAll('[name="locales"]').forEach(function (box) {
        box.checked = selectAll.checked;
      });
    });
  });
})();
