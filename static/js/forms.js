/* Move focus to the error summary when a form comes back with errors, so it is read out first. */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
}());
