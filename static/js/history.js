/* One history entry for the part of a visit a survivor would not want found. From the first support page
 * or form page a tab opens (the page's <meta name="waymark-history" content="one-entry">, emitted by base.html
 * from the page model's one_entry_history), moving around the site replaces the current entry instead of
 * adding one, so after the quick exit (location.replace, see quick-exit.js) Back never shows that part of the
 * visit, however many pages and form steps it held. Pages read before it (a campaign reader going from the
 * campaign page to the stories) keep their entries, and Back works as on any site.
 *  - The tab remembers that it is in one-entry mode (sessionStorage, gone with the tab, cleared by the quick
 *    exit), so an unmarked page opened after a marked one collapses too.
 *  - Links to this site: location.replace().
 *  - Forms: a GET form becomes location.replace() of its URL; a POST is always sent with fetch() (which
 *    follows any redirect), puts the tab in one-entry mode, and the page it answers with is written over this
 *    document (document.open() keeps the same history entry), with the address bar set to where the answer
 *    came from. A download is saved instead.
 *  - Requests this script makes carry the tab's id (Waymark-Tab header, kept in sessionStorage), so a form
 *    whose answers belong to the tab (support.form_state) finds them, and a new tab starts afresh.
 * Without JavaScript the site works as usual: each page adds an entry, and the pages say so
 * ([data-if-script] / [data-if-no-script] text, switched here).
 * Loaded without defer in <head>, after the marker: its listeners are on the document before any link can be
 * clicked. */
(function () {
  "use strict";
  var TAB_KEY = "waymark-tab";
  var TAB_HEADER = "Waymark-Tab";
  var MODE_KEY = "waymark-one-entry";

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  /* The tab's id: made on first use (the first form that needs it), gone when the tab closes. */
  function tabId(create) {
    var store = storage();
    var id = store ? store.getItem(TAB_KEY) : null;
    if (!id && create && store && window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
      try { store.setItem(TAB_KEY, id); } catch (e) { return null; }
    }
    return id;
  }

  /* Whether moving on from this page replaces its history entry: the page is marked, or the tab already
   * met a marked page. Asked at each click, not once: a page restored from the bfcache reads the tab's
   * state as it is now. Without sessionStorage, only marked pages collapse. */
  function pageIsMarked() {
    var marker = document.querySelector('meta[name="waymark-history"]');
    return !!marker && marker.getAttribute("content") === "one-entry";
  }

  function enterOneEntryMode() {
    var store = storage();
    try { if (store) { store.setItem(MODE_KEY, "1"); } } catch (e) { /* storage may be full or refused */ }
  }

  function oneEntry() {
    if (pageIsMarked()) { return true; }
    var store = storage();
    try { return !!store && store.getItem(MODE_KEY) === "1"; } catch (e) { return false; }
  }

  function headers(create) {
    var result = {};
    var id = tabId(create);
    if (id) { result[TAB_HEADER] = id; }
    return result;
  }

  function ours(url) {
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === window.location.origin;
  }

  function resolve(href) {
    try { return new URL(href, document.baseURI); } catch (e) { return null; }
  }

  /* The quick exit has started (quick-exit.js says so with this event): an answer still on its way must not
   * be written over the page, since document.open() would cancel the exit's navigation. */
  var leaving = false;
  var inFlight = [];
  document.addEventListener("waymark:leaving", function () {
    leaving = true;
    inFlight.forEach(function (controller) { controller.abort(); });
  });

  function request(url, options) {
    var controller = window.AbortController ? new window.AbortController() : null;
    if (controller) {
      options.signal = controller.signal;
      inFlight.push(controller);
    }
    function done() { inFlight = inFlight.filter(function (other) { return other !== controller; }); }
    return window.fetch(url, options).then(function (response) { done(); return response; }, function (error) {
      done();
      throw error;
    });
  }

  /* Put the page a request answered with in place of this one, in the same history entry. */
  function show(html, url) {
    if (leaving || document.documentElement.classList.contains("quick-exit-leaving")) { return; }
    if (url && url !== window.location.href) { window.history.replaceState(null, "", url); }
    document.open();
    document.write(html);
    document.close();
    // The new page's scripts in <head> load before its body is parsed, so its body may not be there yet.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", arrive);
    } else {
      arrive();
    }
  }

  /* Start a written page as a fresh one: at the top, read from its start (forms.js moves focus to an
   * error summary instead). */
  function arrive() {
    window.scrollTo(0, 0);
    var main = document.getElementById("main");
    if (main && !document.querySelector("[data-error-summary]")) {
      try { main.focus({ preventScroll: true }); } catch (e) { main.focus(); }
    }
  }

  function save(blob, disposition) {
    var match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition || "");
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = match ? decodeURIComponent(match[1]) : "";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function receive(response) {
    if (leaving) { return Promise.resolve(false); }
    var type = response.headers.get("Content-Type") || "";
    var disposition = response.headers.get("Content-Disposition") || "";
    if (/^attachment/i.test(disposition) || type.indexOf("text/html") !== 0) {
      return response.blob().then(function (blob) { save(blob, disposition); return false; });
    }
    return response.text().then(function (html) { show(html, response.url); return true; });
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
        event.altKey) { return; }
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.hasAttribute("download")) { return; }
    var target = link.getAttribute("target");
    if (target && target !== "_self") { return; }
    var url = resolve(link.getAttribute("href"));
    if (!url || !ours(url) || !oneEntry()) { return; }
    event.preventDefault();
    window.location.replace(url.href);
  }

  function formData(form, submitter) {
    try { return new FormData(form, submitter); } catch (e) { /* older browsers: no submitter argument */ }
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    return data;
  }

  var sending = false;

  function onSubmit(event) {
    if (event.defaultPrevented) { return; }
    var form = event.target;
    var submitter = event.submitter || null;
    function attr(name, fallback) {
      if (submitter && submitter.hasAttribute("form" + name)) { return submitter.getAttribute("form" + name); }
      return form.hasAttribute(name) ? form.getAttribute(name) : fallback;
    }
    var target = attr("target", "");
    var method = (attr("method", "get") || "get").toLowerCase();
    if ((target && target !== "_self") || method === "dialog") { return; }
    var url = resolve(attr("action", "") || window.location.href);
    if (!url || !ours(url)) { return; }
    // Before the one-entry part of the visit a search is an ordinary step that Back can undo.
    if (method === "get" && !oneEntry()) { return; }
    event.preventDefault();
    if (sending) { return; }
    var data = formData(form, submitter);

    if (method === "get") {
      url.search = new URLSearchParams(data).toString();
      window.location.replace(url.href);
      return;
    }
    var multipart = (attr("enctype", "") || "").toLowerCase() === "multipart/form-data";
    // A page that posts a form is a form page, marked or not: its answers, and every page after them, stay
    // in this one entry.
    enterOneEntryMode();
    sending = true;
    form.setAttribute("aria-busy", "true");
    request(url.href, {
      method: "POST",
      body: multipart ? data : new URLSearchParams(data),
      headers: headers(form.hasAttribute("data-tab-bound")),
      credentials: "same-origin",
    }).then(receive).then(function () {
      sending = false;
      form.removeAttribute("aria-busy");
    }, function () {
      sending = false;
      form.removeAttribute("aria-busy");
      if (leaving) { return; }
      // No answer (offline, say): let the browser send it, and show its own error page if it must.
      if (submitter && submitter.name) {
        var pressed = document.createElement("input");
        pressed.type = "hidden";
        pressed.name = submitter.name;
        pressed.value = submitter.value;
        form.appendChild(pressed);
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  }

  /* A page whose content depends on the tab, loaded without the tab's id (a reload, or a link back to it):
   * ask for it again with the id. Only a tab that has used such a form has an id. */
  function resume() {
    if (!document.querySelector("[data-tab-resume]") || !tabId(false)) { return; }
    request(window.location.href, { headers: headers(false), credentials: "same-origin" })
      .then(receive)
      .catch(function () { /* keep the page as it is */ });
  }

  function canKeepTabId() {
    var store = storage();
    try {
      store.setItem(TAB_KEY + "-test", "1");
      store.removeItem(TAB_KEY + "-test");
      return true;
    } catch (e) { return false; }
  }

  /* Show the sentences that are true here. A sentence marked ="tab" is about answers kept per tab, which
   * needs sessionStorage (some private modes refuse it): without it the no-script sentence stays true. */
  function sayWhichHistory() {
    var tabs = canKeepTabId();
    Array.prototype.forEach.call(document.querySelectorAll("[data-if-script]"), function (element) {
      if (tabs || element.getAttribute("data-if-script") !== "tab") { element.hidden = false; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-if-no-script]"), function (element) {
      if (tabs || element.getAttribute("data-if-no-script") !== "tab") { element.hidden = true; }
    });
  }

  if (!window.fetch || !window.URL || !window.history || !window.history.replaceState) { return; }
  document.addEventListener("click", onClick);
  document.addEventListener("submit", onSubmit);
  // The first marked page: this entry is the one the rest of the visit replaces.
  if (pageIsMarked()) { enterOneEntryMode(); }
  function ready() { sayWhichHistory(); resume(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
}());
