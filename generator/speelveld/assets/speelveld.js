/* Draws the charts of a Speelveld page with the site's own copy of plotly.js, and makes
 * the tables marked sortable sortable. plotly.js is loaded only on pages with a chart. */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var assets = here.replace(/speelveld\.js(\?.*)?$/, "");
  var root = assets.replace(/assets\/speelveld\/$/, "");

  function loadPlotly(done) {
    if (window.Plotly) { done(); return; }
    var script = document.createElement("script");
    script.src = assets + "plotly.min.js";
    script.onload = done;
    document.head.appendChild(script);
  }

  function pageUrl(target) {
    var htmlStyle = /\.html$/.test(window.location.pathname);
    return root + target + (htmlStyle ? ".html" : "/");
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source || element.getAttribute("data-drawn")) { return; }
    var figure = JSON.parse(source.textContent);
    var plot = document.createElement("div");
    element.setAttribute("data-drawn", "true");
    element.appendChild(plot);
    window.Plotly.newPlot(plot, figure.data, figure.layout, {
      displayModeBar: false, responsive: true, locale: "nl"
    }).then(function () {
      plot.on("plotly_click", function (event) {
        var target = event.points && event.points[0] && event.points[0].customdata;
        if (Array.isArray(target)) { target = target[0]; }
        if (target) { window.location.href = pageUrl(target); }
      });
    });
  }

  function sortable(marker) {
    var next = marker.nextElementSibling;
    var table = next && (next.tagName === "TABLE" ? next : next.querySelector("table"));
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
