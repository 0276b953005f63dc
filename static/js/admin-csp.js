/* Wagtail admin: starts the widgets whose inline <script>s our Content Security Policy would block
   (website/staff/admin_csp.py). Each carries what its script would have run as data:
   - date, time and date-time pickers: data-waymark-picker="date|time|datetime" + data-waymark-picker-config;
   - choosers: <script type="application/json" data-waymark-chooser>{"construct": "PageChooser", "args": […]};
   - inline panels: data-waymark-panel="InlinePanel|MultipleChooserPanel" + data-waymark-panel-options.
   Widgets Wagtail adds later (the schedule dialog, a new inline form, a modal) are started as they appear. */
(function () {
  "use strict";
  var PICKERS = { date: "initDateChooser", time: "initTimeChooser", datetime: "initDateTimeChooser" };
  var PANELS = { InlinePanel: true, MultipleChooserPanel: true };
  // Only Wagtail's chooser constructors and the task chooser's function: data cannot name anything else.
  var CONSTRUCTOR = /^[A-Z][A-Za-z]*Chooser$/;
  var FUNCTIONS = { createTaskChooser: true };
  var STARTED = "data-waymark-started";

  function parse(text) {
    try { return JSON.parse(text || "null"); } catch (error) { return null; }
  }

  function once(element) {
    if (element.hasAttribute(STARTED)) { return false; }
    element.setAttribute(STARTED, "");
    return true;
  }

  function startPicker(input) {
    var start = window[PICKERS[input.getAttribute("data-waymark-picker")]];
    if (typeof start === "function" && input.id && once(input)) {
      start(input.id, parse(input.getAttribute("data-waymark-picker-config")) || {});
    }
  }

  function startChooser(script) {
    var call = parse(script.textContent);
    if (!call || !Array.isArray(call.args) || !once(script)) { return; }
    if (call.construct && CONSTRUCTOR.test(call.construct) && typeof window[call.construct] === "function") {
      var Chooser = window[call.construct];
      // eslint-disable-next-line no-new
      new Chooser(call.args[0], call.args[1]);
    } else if (FUNCTIONS[call.call] && typeof window[call.call] === "function") {
      window[call.call].apply(window, call.args);
    }
  }

  function startPanel(marker) {
    var Panel = window[marker.getAttribute("data-waymark-panel")];
    if (PANELS[marker.getAttribute("data-waymark-panel")] && typeof Panel === "function" && once(marker)) {
      // eslint-disable-next-line no-new
      new Panel(parse(marker.getAttribute("data-waymark-panel-options")));
    }
  }

  function each(root, selector, start) {
    if (root.matches && root.matches(selector)) { start(root); }
    if (root.querySelectorAll) { Array.prototype.forEach.call(root.querySelectorAll(selector), start); }
  }

  function startAll(root) {
    each(root, "[data-waymark-picker]", startPicker);
    each(root, "script[type='application/json'][data-waymark-chooser]", startChooser);
    each(root, "[data-waymark-panel]", startPanel);
  }

  function ready() {
    startAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        Array.prototype.forEach.call(mutation.addedNodes, function (node) {
          if (node.nodeType === Node.ELEMENT_NODE) { startAll(node); }
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
}());
