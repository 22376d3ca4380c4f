/* The plotly.js of the site: plotly.js's core (with its scatter trace) and the trace types
 * that Speelveld's figures use, with the Dutch locale that speelveld.js asks for. A figure
 * with another trace type fails tests/test_bundle.py until its module is added here. */
"use strict";

var Plotly = require("plotly.js/lib/core");

Plotly.register([
  require("plotly.js/lib/bar"),
  require("plotly.js/lib/heatmap"),
  require("plotly.js/lib/pie"),
  require("plotly.js/lib/locales/nl"),
]);

module.exports = Plotly;
