/* Draws the charts of a Speelveld page with the site's own copy of plotly.js, paints the
 * view of the rings the reader chooses, and makes the tables marked sortable sortable.
 * plotly.js is loaded only on pages with a chart, wat-als.js only on the what-if page. */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var assets = here.replace(/speelveld\.js(\?.*)?$/, "");
  var root = assets.replace(/assets\/speelveld\/$/, "");

  /* plotly.js under the name the chart gives it (after its content, so a browser may cache
   * it for good), from the site's assets; one script element per page, never blocking. */
  function loadPlotly(done) {
    if (window.Plotly) { done(); return; }
    var chart = document.querySelector(".speelveld-chart[data-plotly]");
    var name = chart && chart.getAttribute("data-plotly");
    if (!name || !/^[\w.-]+\.js$/.test(name)) { return; }
    var script = document.createElement("script");
    script.src = assets + name;
    script.onload = done;
    document.head.appendChild(script);
  }

  function loadScript(name, done) {
    var script = document.createElement("script");
    script.src = assets + name;
    script.onload = done || null;
    document.head.appendChild(script);
  }

  /* The address of a page by its path without suffix; "partners/index" is the folder's
   * index page. */
  function pageUrl(target) {
    var htmlStyle = /\.html$/.test(window.location.pathname);
    var index = /(^|\/)index$/.test(target);
    if (index) { return root + target.replace(/index$/, "") + (htmlStyle ? "index.html" : ""); }
    return root + target + (htmlStyle ? ".html" : "/");
  }

  /* Below this size a label of the infographic is hidden; its segment still names itself on
   * hover, and the list and tables under the figure hold the same names. */
  var MIN_LABEL_PX = 12;

  /* ---- the rings in a view: which segments the measures of a portfolio use ---------- */

  var NONE = 0, PROPOSED = 1;
  var UNUSED = "#d9d9d9";

  function countText(count) {
    return count ? count + (count === 1 ? " maatregel" : " maatregelen") : "geen maatregel";
  }

  /* The traces of the rings as `view` draws them: the base labels, hover texts and colours
   * of the figure, with what each segment stands for in that view (figures.views). */
  function painted(figure, view) {
    var refs = figure.rings.segments;
    var uncovered = {};
    (view.uncovered || []).forEach(function (id) { uncovered[id] = true; });
    return figure.data.map(function (trace, t) {
      var text = [], hover = [], colours = [], shapes = [];
      trace.text.forEach(function (label, i) {
        var ref = refs[t][i];
        var state = view.states[t][i];
        var domain = ref && ref[0] === "domain";
        var gap = domain && uncovered[ref[1]];
        var colour = trace.marker.colors[i];
        /* A mark goes before the first line, usually the shorter one: the label keeps its
         * size and stays legible. */
        text.push((gap ? "\u26a0 " : ref && state === NONE ? "\u2205 " : "") + label);
        hover.push(trace.hovertext[i] + (ref ? "<br>" + countText(view.counts[t][i]) +
          (state === PROPOSED ? ", alleen voorstellen" : "") : "") +
          (gap ? "<br><b>Te weinig maatregelen dienen dit domein</b>" : ""));
        colours.push(ref && !domain && state === NONE ? UNUSED : colour);
        shapes.push(gap || (ref && state === NONE) ? "/" : ref && state === PROPOSED ? "." : "");
      });
      var marker = merged(trace.marker, { colors: colours, pattern: merged(trace.marker.pattern, { shape: shapes }) });
      return merged(trace, { text: text, hovertext: hover, marker: marker });
    });
  }

  /* Drawn figures by the id of their element: the figure, its plot and the view shown. */
  var charts = {};

  function figureOf(id) {
    var source = document.getElementById(id + "-data");
    return source ? JSON.parse(source.textContent) : null;
  }

  function merged(base, patch) {
    var out = {};
    Object.keys(base).forEach(function (key) { out[key] = base[key]; });
    Object.keys(patch || {}).forEach(function (key) {
      var a = out[key], b = patch[key];
      var nested = a && b && typeof a === "object" && typeof b === "object" &&
        !Array.isArray(a) && !Array.isArray(b);
      out[key] = nested ? merged(a, b) : b;
    });
    return out;
  }

  /* The figure's layout for a chart this wide: its narrow layout on a small screen, and
   * no taller than wide when it has an aspect (the rings are round). */
  function layoutFor(figure, width) {
    var layout = figure.layout;
    if (figure.narrow && width < figure.narrow.below) {
      layout = merged(layout, figure.narrow.layout);
    }
    if (figure.aspect && width) {
      layout = merged(layout, { height: Math.min(layout.height, Math.round(width * figure.aspect)) });
    }
    return layout;
  }

  function hideSmallLabels(plot) {
    Array.prototype.forEach.call(plot.querySelectorAll("g.slice text"), function (label) {
      label.style.display = "";
      var matrix = label.getScreenCTM();
      var size = parseFloat(window.getComputedStyle(label).fontSize);
      if (matrix && size * Math.sqrt(matrix.a * matrix.a + matrix.b * matrix.b) < MIN_LABEL_PX) {
        label.style.display = "none";
      }
    });
  }

  /* The traces for a chart this wide: with the changes of the narrow version, if any. */
  function dataFor(figure, width) {
    var narrow = figure.narrow && figure.narrow.data && width < figure.narrow.below;
    return !narrow ? figure.data : figure.data.map(function (trace, index) {
      return merged(trace, figure.narrow.data[index]);
    });
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source || element.getAttribute("data-drawn")) { return; }
    var figure = JSON.parse(source.textContent);
    var plot = document.createElement("div");
    element.setAttribute("data-drawn", "true");
    element.appendChild(plot);
    var config = { displayModeBar: false, responsive: true, locale: "nl" };
    var chart = charts[element.id] || { view: null };
    charts[element.id] = chart;
    chart.figure = figure;
    chart.plot = plot;
    chart.redraw = function () {
      var now = element.clientWidth;
      window.Plotly.react(plot, dataFor(shown(chart), now), layoutFor(figure, now), config);
    };
    var width = element.clientWidth;
    var shape = JSON.stringify([layoutFor(figure, width), figure.narrow && width < figure.narrow.below]);
    window.Plotly.newPlot(plot, dataFor(shown(chart), width), layoutFor(figure, width), config).then(function () {
      hideSmallLabels(plot);
      plot.on("plotly_afterplot", function () { hideSmallLabels(plot); });
      plot.on("plotly_click", function (event) {
        var target = event.points && event.points[0] && event.points[0].customdata;
        if (Array.isArray(target)) { target = target[0]; }
        if (target) { window.location.href = pageUrl(target); }
      });
      window.addEventListener("resize", function () {
        var now = element.clientWidth;
        var next = JSON.stringify([layoutFor(figure, now), figure.narrow && now < figure.narrow.below]);
        if (next !== shape) {
          shape = next;
          chart.redraw();
        }
      });
    });
  }

  /* The figure as the chart shows it now: the rings in the chosen view. */
  function shown(chart) {
    var figure = chart.figure;
    if (!figure.rings) { return figure; }
    var view = chart.view || figure.rings.views[figure.rings.view];
    return merged(figure, { data: painted(figure, view) });
  }

  /* Show the rings of chart `id` in `view` (a portfolio's id or a view computed elsewhere). */
  function paint(id, view) {
    var chart = charts[id] || { view: null };
    charts[id] = chart;
    chart.view = typeof view === "string" ? chart.figure.rings.views[view] : view;
    if (chart.plot) { chart.redraw(); }
  }

  /* The radio buttons above the rings: the policy in force, the plan or a scenario. */
  function viewSwitch(fieldset) {
    var id = fieldset.getAttribute("data-figure");
    var figure = figureOf(id);
    if (!figure || !figure.rings) { return; }
    fieldset.hidden = false;
    Array.prototype.forEach.call(fieldset.querySelectorAll("input[type=radio]"), function (radio) {
      radio.addEventListener("change", function () {
        if (!radio.checked) { return; }
        charts[id] = charts[id] || { view: null };
        charts[id].figure = charts[id].figure || figure;
        paint(id, radio.value);
        var caption = document.getElementById(id + "-weergave");
        if (caption) { caption.textContent = figure.rings.views[radio.value].title; }
      });
    });
  }

  function sortable(marker) {
    var next = marker.nextElementSibling;
    var table = marker.querySelector("table") ||
      (next && (next.tagName === "TABLE" ? next : next.querySelector("table")));
    if (!table || !table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "speelveld-sort";
      button.textContent = cell.textContent;
      cell.textContent = "";
      cell.appendChild(button);
      cell.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = cell.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          other.setAttribute("aria-sort", "none");
        });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          var nx = parseFloat(x.replace("\u2212", "-")), ny = parseFloat(y.replace("\u2212", "-"));
          var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "nl");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  /* The theme's search dialog has no accessible name (WCAG 4.1.2); give it one. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "Zoeken"); }
  }

  window.speelveld = window.speelveld || {};
  window.speelveld.pageUrl = pageUrl;
  window.speelveld.paint = paint;
  window.speelveld.figure = function (id) { return charts[id] && charts[id].figure || figureOf(id); };

  function start() {
    nameSearchDialog();
    Array.prototype.forEach.call(document.querySelectorAll(".speelveld-views"), viewSwitch);
    if (document.getElementById("speelveld-wat-als")) { loadScript("wat-als.js"); }
    var elements = document.querySelectorAll(".speelveld-chart");
    if (elements.length) {
      loadPlotly(function () { Array.prototype.forEach.call(elements, draw); });
    }
    Array.prototype.forEach.call(document.querySelectorAll(".speelveld-sortable"), sortable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
