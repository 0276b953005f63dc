/* Write to your MP: tell the server the letter was finished — emailed, copied or printed — so it counts once
   (campaign.finished_letters). A same-origin POST with the page's CSRF token and the letter's token, which
   names only the constituency. Downloading the PDF is counted by the server itself, and so needs no beacon. */
(function () {
  "use strict";
  var actions = document.querySelector("[data-letter-finished]");
  if (!actions) { return; }
  var url = actions.getAttribute("data-letter-finished");
  var token = actions.getAttribute("data-letter-token");
  var csrf = document.querySelector(".letter-actions input[name='csrfmiddlewaretoken']");
  var sent = false;

  function finished(how) {
    if (sent || !token || !csrf) { return; }
    sent = true;  // the server counts a letter once anyway; this saves the requests
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf.value);
    data.append("letter", token);
    data.append("how", how);
    // sendBeacon survives the page being left for the email app; fetch with keepalive where it is missing.
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, data))) {
      fetch(url, { method: "POST", body: data, credentials: "same-origin", keepalive: true });
    }
  }

  function on(selector, how) {
    var element = document.querySelector(selector);
    if (element) { element.addEventListener("click", function () { finished(how); }); }
  }

  on("[data-letter-mailto]", "email");
  on("[data-copy-letter]", "copy");
  on("[data-print-letter]", "print");
  // Copying or printing with the keyboard or the browser's menu counts too.
  var letter = document.querySelector(".letter");
  if (letter) { letter.addEventListener("copy", function () { finished("copy"); }); }
  window.addEventListener("beforeprint", function () { finished("print"); });
}());
