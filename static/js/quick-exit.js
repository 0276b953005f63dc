/* Quick exit: one click, or Shift pressed three times, hides the page and leaves for a neutral site.
 * location.replace() swaps the current history entry, so Back does not return here. The first hop
 * is /exit/, which clears the server session and redirects to the destination. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  function leave(link) {
    document.documentElement.classList.add("quick-exit-leaving");
    document.title = "\u200b";
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    window.location.replace(link ? link.getAttribute("href") : "/exit/");
  }

  function init() {
    var root = document.querySelector("[data-quick-exit]");
    if (!root) { return; }
    var link = root.querySelector("[data-quick-exit-link]");
    var status = root.querySelector("[data-quick-exit-status]");

    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      leave(link);
    });

    // A press counts when Shift goes down and comes up with no other key in between,
    // so Shift held for capitals never counts; any other key starts the count again.
    var count = 0;
    var last = 0;
    var shiftDown = false;
    var usedAsModifier = false;

    function announce(text) { if (status) { status.textContent = text; } }

    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) { shiftDown = true; usedAsModifier = false; }
        return;
      }
      if (shiftDown) { usedAsModifier = true; }
      if (count) { count = 0; announce(""); }
    }, true);

    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") { return; }
      var counts = shiftDown && !usedAsModifier;
      shiftDown = false;
      if (!counts) { return; }
      var now = Date.now();
      count = (count && now - last <= WINDOW_MS) ? count + 1 : 1;
      last = now;
      if (count >= PRESSES) {
        count = 0;
        leave(link);
        return;
      }
      var left = PRESSES - count;
      announce("Press Shift " + left + " more time" + (left === 1 ? "" : "s") + " to exit this page.");
    }, true);

    window.addEventListener("blur", function () { shiftDown = false; });

    var note = document.querySelector("[data-quick-exit-note]");
    if (note) {
      var seen = false;
      try { seen = window.sessionStorage.getItem("waymark-exit-note") === "seen"; } catch (e) { seen = false; }
      if (seen) {
        note.hidden = true;
      } else {
        var dismiss = note.querySelector("[data-quick-exit-note-dismiss]");
        dismiss.hidden = false;
        dismiss.addEventListener("click", function () {
          try { window.sessionStorage.setItem("waymark-exit-note", "seen"); } catch (e) { /* ignore */ }
          note.hidden = true;
        });
      }
    }
  }

  // Coming Back to a page kept in the bfcache after leaving: stay hidden and leave again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("quick-exit-leaving")) {
      leave(document.querySelector("[data-quick-exit-link]"));
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
