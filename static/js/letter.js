/* Write to your MP: the "copy the letter" and "print" buttons (hidden until this script shows them). */
(function () {
  "use strict";
  var copy = document.querySelector("[data-copy-letter]");
  var print = document.querySelector("[data-print-letter]");
  var status = document.querySelector("[data-copy-status]");

  function say(text) { if (status) { status.textContent = text; } }

  if (copy) {
    var target = document.querySelector(copy.getAttribute("data-copy-letter"));
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var subject = document.getElementById("letter-subject");
      var text = (subject ? subject.innerText + "\n\n" : "") + (target ? target.innerText : "");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          say("Letter copied. Paste it into your email or a document.");
        }, function () { say("Copying didn't work: select the letter and copy it yourself."); });
      } else if (target) {
        var range = document.createRange();
        range.selectNodeContents(target);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        say(document.execCommand && document.execCommand("copy") ?
          "Letter copied. Paste it into your email or a document." :
          "The letter is selected: copy it with your keyboard or menu.");
      }
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
}());
