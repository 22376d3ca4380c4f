/* Draws the charts of a Speelveld page with the site's own copy of plotly.js, and makes
 * the tables marked sortable sortable. plotly.js is loaded only on pages with a chart. */
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

  function pageUrl(target) {
    var htmlStyle = /\.html$/.test(window.location.pathname);
    return root + target + (htmlStyle ? ".html" : "/");
  }

  /* Below this size a label of the infographic is hidden; its segment still names itself on
   * hover, and the list and tables under the figure hold the same names. */
  var MIN_LABEL_PX = 10;

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
    var width = element.clientWidth;
    var shape = JSON.stringify([layoutFor(figure, width), figure.narrow && width < figure.narrow.below]);
    window.Plotly.newPlot(plot, dataFor(figure, width), layoutFor(figure, width), config).then(function () {
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
          window.Plotly.react(plot, dataFor(figure, now), layoutFor(figure, now), config);
        }
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

  function start() {
    nameSearchDialog();
    var charts = document.querySelectorAll(".speelveld-chart");
    if (charts.length) {
      loadPlotly(function () { Array.prototype.forEach.call(charts, draw); });
    }
    Array.prototype.forEach.call(document.querySelectorAll(".speelveld-sortable"), sortable);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
