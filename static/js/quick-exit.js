/* Quick exit: one click, or Shift pressed three times, hides the page and leaves for a neutral site.
 * location.replace() swaps the current history entry, so Back does not return here (and history.js keeps a
 * whole visit to that one entry). The first hop is /exit/, which clears the server session and redirects to
 * the destination.
 * Loaded without defer in <head>, and listening on the document, so the exit works from the moment the page
 * shows, before the rest of it has loaded. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  // The words of the page's language come from the catalog (website/i18n/javascript_catalog.py), which loads after this script
  // and may never load: looked up at the moment of speaking, English when it is not there. The exit itself
  // never waits for it.
  function ngettext(singular, plural, count) {
    var catalog = window.django;
    if (catalog && catalog.ngettext) {
      try { return catalog.ngettext(singular, plural, count); } catch (e) { /* fall back to English */ }
    }
    return count === 1 ? singular : plural;
  }

  function exitLink() { return document.querySelector("[data-quick-exit-link]"); }

  function leave(link) {
    document.documentElement.classList.add("quick-exit-leaving");
    // history.js cancels any form step still on its way, so its answer cannot replace the page and stop us.
    try { document.dispatchEvent(new CustomEvent("waymark:leaving")); } catch (e) { /* very old browser */ }
    document.title = "\u200b";
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    window.location.replace(link ? link.getAttribute("href") : "/exit/");
  }

  function announce(text) {
    var status = document.querySelector("[data-quick-exit-status]");
    if (status) { status.textContent = text; }
  }

  // Capture phase: the exit wins over any other click handler (history.js sees it already handled).
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("[data-quick-exit-link]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
    event.preventDefault();
    leave(link);
  }, true);

  // A press counts when Shift goes down and comes up with no other key in between,
  // so Shift held for capitals never counts; any other key starts the count again.
  var count = 0;
  var last = 0;
  var shiftDown = false;
  var usedAsModifier = false;

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
      leave(exitLink());
      return;
    }
    var left = PRESSES - count;
    announce(ngettext(
      "Press Shift %(count)s more time to exit this page.",
      "Press Shift %(count)s more times to exit this page.",
      left
    ).replace("%(count)s", String(left)));
  }, true);

  window.addEventListener("blur", function () { shiftDown = false; });

  // Coming Back to a page kept in the bfcache after leaving: stay hidden and leave again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("quick-exit-leaving")) {
      leave(exitLink());
    }
  });

  function initNote() {
    var note = document.querySelector("[data-quick-exit-note]");
    if (!note) { return; }
    var seen = false;
    try { seen = window.sessionStorage.getItem("waymark-exit-note") === "seen"; } catch (e) { seen = false; }
    if (seen) {
      note.hidden = true;
      return;
    }
    var dismiss = note.querySelector("[data-quick-exit-note-dismiss]");
    dismiss.hidden = false;
    dismiss.addEventListener("click", function () {
      try { window.sessionStorage.setItem("waymark-exit-note", "seen"); } catch (e) { /* ignore */ }
      note.hidden = true;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initNote);
  } else {
    initNote();
  }
}());
