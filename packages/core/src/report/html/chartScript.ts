/**
 * The browser code that draws the report's charts with uPlot from the embedded JSON
 * (`#report-data`). Plain ES2017, no imports: it runs offline from the file. Every chart
 * container gets `data-rendered="true"` once drawn; `window.__reportCharts` counts them.
 *
 * @example
 * const html = `<script>${chartScript}</script>`
 */
export const chartScript = `(function () {
  "use strict";
  var report = JSON.parse(document.getElementById("report-data").textContent);
  var runs = [report.primary].concat(report.comparison ? [report.comparison] : []);
  var palette = ["#2563eb", "#16a34a", "#dc2626", "#d97706", "#7c3aed", "#0891b2", "#db2777",
    "#65a30d", "#9333ea", "#ea580c", "#0d9488", "#4b5563"];
  var height = 260;
  var charts = [];
  var bars = uPlot.paths.bars({ size: [0.9, 64] });
  function widthOf(element) { return Math.max(300, element.clientWidth || 600); }
  function relative(time) {
    var origin = time.length > 0 ? time[0] : 0;
    return time.map(function (value) { return value - origin; });
  }
  function compact(values) {
    return values.map(function (value) {
      var size = Math.abs(value);
      if (size >= 1e9) return (value / 1e9).toFixed(1) + "G";
      if (size >= 1e6) return (value / 1e6).toFixed(1) + "M";
      if (size >= 1e3) return (value / 1e3).toFixed(1) + "k";
      return String(value);
    });
  }
  function line(label, index) { return { label: label, stroke: palette[index % palette.length], width: 2 }; }
  function barSeries(label, index) {
    var color = palette[index % palette.length];
    return { label: label, stroke: color, fill: color + "99", paths: bars, points: { show: false } };
  }
  /** For bar charts: half a bar of room on both ends, so the first and last bars show whole. */
  function padded(xs, step) {
    if (xs.length === 0) return undefined;
    return function () { return [xs[0] - step / 2, xs[xs.length - 1] + step / 2]; };
  }
  function draw(id, xLabel, yLabel, series, data, range) {
    var element = document.getElementById(id);
    if (!element) return;
    if (data[0].length === 0) data = data.map(function () { return [0]; });
    var options = {
      width: widthOf(element), height: height, series: series,
      // A static legend: the series names, not "--" placeholders waiting for a hover.
      legend: { live: false },
      scales: {
        x: range ? { time: false, range: range } : { time: false },
        // Counts, rates and gas are never negative: start every y axis at 0.
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } },
      },
      axes: [{ label: xLabel }, { label: yLabel, size: 70, values: function (u, values) { return compact(values); } }],
    };
    charts.push({ chart: new uPlot(options, data, element), element: element });
    element.setAttribute("data-rendered", "true");
  }
  runs.forEach(function (run, index) {
    var prefix = "chart-" + index + "-";
    var throughput = run.throughput;
    draw(prefix + "tps", "seconds since start", "transactions / s",
      [{ label: "s" }, line("sent", 0), line("included", 1)],
      [relative(throughput.time), throughput.sentTps, throughput.includedTps]);

    var latency = run.inclusionLatency;
    draw(prefix + "latency", "inclusion latency (ms, bucket start)", "transactions",
      [{ label: "ms" }, barSeries("transactions", 0)], [latency.bucketMs, latency.counts],
      padded(latency.bucketMs, latency.bucketWidthMs));

    var errors = run.errors;
    var errorSeries = [{ label: "s" }];
    var errorData = [relative(errors.time)];
    errors.series.forEach(function (counts, position) {
      var total = errors.totals[position];
      errorSeries.push(line(total.source + ": " + total.code, position + 2));
      errorData.push(counts);
    });
    if (errors.series.length === 0) {
      errorSeries.push(line("errors", 1));
      errorData.push(errors.time.map(function () { return 0; }));
    }
    draw(prefix + "errors", "seconds since start", "errors", errorSeries, errorData);

    var blocks = run.gasPerBlock.blocks;
    var gasSeries = [{ label: "block" }, barSeries("run gas used", 0)];
    var gasData = [blocks.map(function (block) { return Number(block.number); }),
      blocks.map(function (block) { return Number(block.runGasUsed); })];
    if (run.gasPerBlock.source === "chain") {
      gasSeries.push(line("block gas used", 3));
      gasData.push(blocks.map(function (block) { return Number(block.blockGasUsed); }));
    }
    draw(prefix + "gas", "block", "gas", gasSeries, gasData, padded(gasData[0], 1));
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (entry) { entry.chart.setSize({ width: widthOf(entry.element), height: height }); });
  });
  window.__reportCharts = charts.length;
})();`
