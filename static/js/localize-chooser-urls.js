// wagtail-localize's translation editor reads window.chooserUrls; its template sets them with an inline
// script, which the admin's CSP blocks, so templates/wagtail_localize/admin/edit_translation.html passes them
// as JSON data and this sets them, before the editor's own script loads.
(function () {
  "use strict";
  var data = document.getElementById("localize-chooser-urls-data");
  if (data && typeof window.chooserUrls === "undefined") {
    window.chooserUrls = JSON.parse(data.textContent);
  }
})();
