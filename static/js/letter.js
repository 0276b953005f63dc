/* Write to your MP: the "copy the letter" and "print" buttons (hidden until this script shows them). */
(function () {
  "use strict";
  var copy = document.querySelector("[data-copy-letter]");
  var print = document.querySelector("[data-print-letter]");
  var status = document.querySelector("[data-copy-status]");

  // The page's language from the catalog (website/i18n/javascript_catalog.py) once it has loaded; English otherwise.
  function gettext(text) {
    var catalog = window.django;
    return catalog && catalog.gettext ? catalog.gettext(text) : text;
  }

  function say(text) { if (status) { status.textContent = text; } }

  if (copy) {
    var target = document.querySelector(copy.getAttribute("data-copy-letter"));
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var subject = document.getElementById("letter-subject");
      var text = (subject ? subject.innerText + "\n\n" : "") + (target ? target.innerText : "");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          say(gettext("Letter copied. Paste it into your email or a document."));
        }, function () { say(gettext("Copying didn't work: select the letter and copy it yourself.")); });
      } else if (target) {
        var range = document.createRange();
        range.selectNodeContents(target);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        say(document.execCommand && document.execCommand("copy") ?
          gettext("Letter copied. Paste it into your email or a document.") :
          gettext("The letter is selected: copy it with your keyboard or menu."));
      }
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
}());
