import type { ReportLatency, RunReport, RunReportData } from "../types.js"
import { getUplotAssets } from "./assets.js"
import { chartScript } from "./chartScript.js"
import { escapeHtml, inlineScript, jsonForScript } from "./escape.js"
import { formatTime } from "./format.js"
import {
  renderComparison,
  renderErrorTotals,
  renderParameters,
  renderProxies,
  renderShards,
  renderTasks,
  renderTotals,
  renderWallets,
} from "./sections.js"
import { reportStyles } from "./styles.js"

const charts = [
  { kind: "tps", title: "Transactions per second: sent vs included" },
  { kind: "latency", title: "Inclusion latency" },
  { kind: "errors", title: "Errors over time" },
  { kind: "gas", title: "Gas per block" },
] as const

function renderRun(data: RunReportData, index: number): string {
  const latency = data.inclusionLatency
  const gasNote =
    data.gasPerBlock.source === "chain"
      ? "Run gas per block from the journal; block totals read from the chain at report time."
      : "The run's own gas per block (Σ gas_used per included block, from the journal); the chain was not read."
  const shards = data.campaign?.shards.length ?? 0
  return `<section class="run" data-run="${escapeHtml(data.run.id)}">
<h2>${data.campaign === undefined ? "Run" : "Campaign"} <code>${escapeHtml(data.run.id)}</code></h2>
<p class="meta">${escapeHtml(data.run.chain)} · ${escapeHtml(data.run.status)} · started ${escapeHtml(formatTime(data.run.startedAt))}${
    data.campaign === undefined ? "" : ` · ${shards} shard run(s) merged`
  }</p>
<h3>Totals</h3>
${renderTotals(data)}${
  data.campaign === undefined
    ? ""
    : `\n<h3>Per shard</h3>\n<div class="scroll">${renderShards(data)}</div>\n<p class="note">Each shard's own totals; every other section merges all shards' journals (rates and latency percentiles over the merged rows).</p>`
}
<div class="charts">
${charts
  .map(
    (chart) =>
      `<div class="chart"><h3>${escapeHtml(chart.title)}</h3><div class="plot" id="chart-${index}-${chart.kind}"></div></div>`,
  )
  .join("\n")}
</div>
<p class="note">Latency: ${latency.count} transactions, buckets of ${latency.bucketWidthMs} ms. ${latencyMethodNote(latency)} ${escapeHtml(gasNote)}</p>
<h3>Per task</h3>
<div class="scroll">${renderTasks(data)}</div>
<h3>Errors by code</h3>
${renderErrorTotals(data)}
<h3>Per wallet</h3>
<div class="scroll">${renderWallets(data)}</div>
<h3>Per proxy</h3>
<div class="scroll">${renderProxies(data)}</div>
<h3>Run parameters</h3>
${renderParameters(data)}
</section>`
}

/**
 * Renders a report as ONE self-contained HTML page: uPlot (script and CSS) and the report's
 * JSON are inlined, so the file opens offline. Every value is HTML-escaped; the JSON is
 * embedded with `<` escaped. Compared runs appear in two columns, headed by a comparison table.
 *
 * @example
 * const report = (await buildRunReport(database, { last: true })).unwrap()
 * writeFileSync("report.html", renderHtmlReport(report))
 */
export function renderHtmlReport(report: RunReport): string {
  const { script, css } = getUplotAssets()
  const runs = report.comparison === null ? [report.primary] : [report.primary, report.comparison]
  const title = `${report.primary.run.chain} ${report.primary.campaign === undefined ? "run" : "campaign"} ${report.primary.run.id}${
    report.comparison === null ? "" : ` vs ${report.comparison.run.id}`
  }`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="testnet-framework report, schema ${report.schemaVersion}">
<title>${escapeHtml(title)}</title>
<style>${inlineScript(css)}</style>
<style>${reportStyles}</style>
</head>
<body${report.comparison === null ? "" : ' class="compare"'}>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Generated ${escapeHtml(formatTime(report.generatedAt))} · report schema ${report.schemaVersion}</p>
${
  report.comparison === null
    ? ""
    : `<h2>Side by side</h2>\n<div class="scroll">${renderComparison(report.primary, report.comparison)}</div>`
}
<div class="runs" style="--columns: ${runs.length}">
${runs.map(renderRun).join("\n")}
</div>
<script type="application/json" id="report-data">${jsonForScript(report)}</script>
<script>${inlineScript(script)}</script>
<script>${inlineScript(chartScript)}</script>
</body>
</html>
`
}

/** How the latency was measured, in words (the same rows and definition as the CLI summary and `db stats`). */
function latencyMethodNote(latency: ReportLatency): string {
  if (latency.method === "observed")
    return "Method: the time the run observed the including block minus the time it sent the transaction (both on this machine's clock, ms), the same rows and definition as the CLI summary and `db stats`."
  return `Method: block timestamp minus send time (a run recorded before observed times were journalled; 1 s resolution, sub-block values are approximate${
    latency.clampedToZero === 0 ? "" : `; ${latency.clampedToZero} negative differences counted as 0 ms`
  }).`
}
