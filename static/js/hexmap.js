/* The constituency hexmap: hovering or focusing a hex shows its figures under the map. The map is one stop
   in the tab order (a roving tabindex); arrow keys move between neighbouring hexes, Home and End to the
   first and last. Without this script the map still shows each hex's figures as its title. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var KEYS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  // The page's language from the catalog (website/i18n/javascript_catalog.py) once it has loaded; English otherwise.
  function gettext(text) {
    var catalog = window.django;
    return catalog && catalog.gettext ? catalog.gettext(text) : text;
  }

  // "Aberdeen South: 1,204" reads "Aberdeen South: 1,204 signatures"; "Aberdeen South: 0", "… no signatures".
  function describe(figure, hex) {
    var title = hex.querySelector("title");
    var text = title ? title.textContent : "";
    var colon = text.lastIndexOf(": ");
    var shown = text.slice(colon + 2);
    var number = parseInt(shown.replace(/[^0-9]/g, ""), 10);
    var one = figure.getAttribute("data-noun"), many = figure.getAttribute("data-nouns");
    if (colon < 0 || isNaN(number) || !many) { return text; }
    if (number === 0) {
      // Translators: a place on the map with none of the things counted, e.g. "Aberdeen South: no signatures".
      return gettext("%(place)s: no %(things)s")
        .replace("%(place)s", function () { return text.slice(0, colon); })
        .replace("%(things)s", function () { return many; });
    }
    return text + " " + (number === 1 ? one : many);
  }

  function centre(hex) {
    return [parseFloat(hex.getAttribute("x")), parseFloat(hex.getAttribute("y"))];
  }

  // The nearest hex in a direction: along the arrow first, with a sideways step costing twice as much.
  function neighbour(hexes, from, step) {
    var here = centre(from), best = null, bestScore = Infinity;
    hexes.forEach(function (hex) {
      var there = centre(hex);
      var dx = there[0] - here[0], dy = there[1] - here[1];
      var along = step[0] ? dx * step[0] : dy * step[1];
      var across = Math.abs(step[0] ? dy : dx);
      if (along <= 0) { return; }
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = hex; }
    });
    return best;
  }

  function setUp(figure) {
    if (figure.hasAttribute("data-hexmap-ready")) { return; }
    figure.setAttribute("data-hexmap-ready", "");
    var svg = figure.querySelector(".hexmap__map");
    var readout = figure.querySelector("[data-hexmap-readout]");
    var hexes = Array.prototype.slice.call(svg.querySelectorAll("use[x]"));
    if (!hexes.length) { return; }
    var current = hexes[0];
    var ring = document.createElementNS(SVG, "use");
    ring.setAttribute("href", hexes[0].getAttribute("href"));
    ring.setAttribute("class", "hexmap__ring");
    ring.setAttribute("aria-hidden", "true");
    ring.setAttribute("visibility", "hidden");
    svg.appendChild(ring);
    readout.hidden = false;

    hexes.forEach(function (hex) {
      hex.setAttribute("tabindex", hex === current ? "0" : "-1");
      hex.setAttribute("role", "img");
    });

    function show(hex, focused) {
      var at = centre(hex);
      ring.setAttribute("x", at[0]);
      ring.setAttribute("y", at[1]);
      ring.setAttribute("class", "hexmap__ring" + (focused ? " hexmap__ring--focus" : ""));
      ring.setAttribute("visibility", "visible");
      readout.textContent = describe(figure, hex);
    }

    function hide() {
      var focused = svg.contains(document.activeElement) && hexes.indexOf(document.activeElement) >= 0;
      if (focused) { show(document.activeElement, true); return; }
      ring.setAttribute("visibility", "hidden");
      readout.textContent = "";
    }

    function moveTo(hex) {
      current.setAttribute("tabindex", "-1");
      hex.setAttribute("tabindex", "0");
      current = hex;
      hex.focus();
    }

    // Listeners sit on the figure: Blink makes an <svg> with focus or key listeners a tab stop of its own.
    figure.addEventListener("focusin", function (event) {
      if (hexes.indexOf(event.target) < 0) { return; }
      if (event.target !== current) {
        current.setAttribute("tabindex", "-1");
        event.target.setAttribute("tabindex", "0");
        current = event.target;
      }
      show(event.target, true);
    });
    figure.addEventListener("focusout", function () { window.setTimeout(hide, 0); });
    figure.addEventListener("mouseover", function (event) {
      if (hexes.indexOf(event.target) >= 0) { show(event.target, false); }
    });
    svg.addEventListener("mouseleave", hide);
    figure.addEventListener("keydown", function (event) {
      var next = null;
      if (hexes.indexOf(event.target) < 0) { return; }
      if (KEYS[event.key]) {
        next = neighbour(hexes, current, KEYS[event.key]);
      } else if (event.key === "Home") {
        next = hexes[0];
      } else if (event.key === "End") {
        next = hexes[hexes.length - 1];
      } else {
        return;
      }
      event.preventDefault();
      if (next) { moveTo(next); }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hexmap]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
