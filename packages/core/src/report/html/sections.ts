import type { FeeAmount, RunReportData } from "../types.js"
import {
  formatBigInteger,
  formatCount,
  formatMs,
  formatMsUnit,
  formatRate,
  formatShare,
  formatTime,
} from "./format.js"
import { flattenParameters, renderKeyValues, renderTable } from "./table.js"

// In units with the token's symbol (the JSON report keeps base units and the token address).
const fees = (amounts: readonly FeeAmount[]) =>
  amounts.length === 0 ? "–" : amounts.map((fee) => `${fee.units} ${fee.symbol}`).join("; ")

/**
 * Run identity and the stored configuration.
 *
 * @example
 * const html = renderParameters(report.primary)
 */
export function renderParameters(data: RunReportData): string {
  const { run } = data
  return renderKeyValues([
    ["run", run.id],
    ["chain", `${run.chain} (chain id ${run.chainId})`],
    ["status", run.status],
    ["host", run.host],
    ["shard", run.shard ?? "–"],
    ["started", formatTime(run.startedAt)],
    ["ended", formatTime(run.endedAt)],
    [
      run.durationMethod === "sending-window" ? "duration (sending window)" : "duration (start to end)",
      formatMs(run.durationMs),
    ],
    ["setup / drain", `${formatMs(run.setupMs)} / ${formatMs(run.drainMs)}`],
    ["tool version", run.toolVersion],
    ...flattenParameters(run.parameters).map(([key, value]): [string, string] => [`config.${key}`, value]),
  ])
}

/**
 * Whole-run totals.
 *
 * @example
 * const html = renderTotals(report.primary)
 */
export function renderTotals(data: RunReportData): string {
  const { totals, inclusionLatency: latency } = data
  return renderKeyValues([
    ["transactions sent", formatCount(totals.sent)],
    ["included", formatCount(totals.included)],
    ["failed (reverted or rejected)", formatCount(totals.failed)],
    ["dropped", formatCount(totals.dropped)],
    ["still pending", formatCount(totals.pending)],
    ["success rate (included / settled)", formatShare(totals.successRate)],
    ["tasks (successful / total)", `${formatCount(totals.taskSuccesses)} / ${formatCount(totals.tasks)}`],
    ["task success rate", formatShare(totals.taskSuccessRate)],
    [
      "task starts/s achieved / target",
      `${formatRate(totals.taskStartsPerSecond)} / ${totals.targetTaskStartsPerSecond === null ? "–" : formatRate(totals.targetTaskStartsPerSecond)}`,
    ],
    [
      "transactions/s sent / included",
      `${formatRate(totals.averageSentTps)} / ${formatRate(totals.averageIncludedTps)}`,
    ],
    ["peak TPS sent / included", `${formatRate(totals.peakSentTps)} / ${formatRate(totals.peakIncludedTps)}`],
    [
      "inclusion latency p50 / p95 / p99",
      `${formatMs(latency.p50Ms)} / ${formatMs(latency.p95Ms)} / ${formatMs(latency.p99Ms)}`,
    ],
    ["gas used", formatBigInteger(totals.gasUsed)],
    ["fees paid", fees(totals.fees)],
    ["funding transfers (not counted above)", formatCount(totals.funding)],
  ])
}

/**
 * The per-task table.
 *
 * @example
 * const html = renderTasks(report.primary)
 */
export function renderTasks(data: RunReportData): string {
  return renderTable(
    [
      { header: "task" },
      { header: "runs", numeric: true },
      { header: "ok", numeric: true },
      { header: "p50", numeric: true },
      { header: "p95", numeric: true },
      { header: "txs", numeric: true },
      { header: "included", numeric: true },
      { header: "failed", numeric: true },
      { header: "dropped", numeric: true },
      { header: "gas used", numeric: true },
      { header: "fees" },
    ],
    data.tasks.map((task) => [
      task.task,
      formatCount(task.count),
      formatShare(task.successRate),
      formatMs(task.p50DurationMs),
      formatMs(task.p95DurationMs),
      formatCount(task.transactions),
      formatCount(task.included),
      formatCount(task.failed),
      formatCount(task.dropped),
      formatBigInteger(task.gasUsed),
      fees(task.fees),
    ]),
  )
}

/**
 * Error codes with their counts.
 *
 * @example
 * const html = renderErrorTotals(report.primary)
 */
export function renderErrorTotals(data: RunReportData): string {
  if (data.errors.totals.length === 0) return '<p class="note">No errors.</p>'
  return renderTable(
    [{ header: "code" }, { header: "from" }, { header: "count", numeric: true }],
    data.errors.totals.map((total) => [total.code, total.source, formatCount(total.count)]),
  )
}

/**
 * The per-wallet table (top N).
 *
 * @example
 * const html = renderWallets(report.primary)
 */
export function renderWallets(data: RunReportData): string {
  const { total, top } = data.wallets
  return `<p class="note">${formatCount(top.length)} busiest of ${formatCount(total)} active wallets.</p>${renderTable(
    [
      { header: "wallet" },
      { header: "tasks", numeric: true },
      { header: "ok", numeric: true },
      { header: "txs", numeric: true },
      { header: "included", numeric: true },
      { header: "gas used", numeric: true },
      { header: "last activity" },
    ],
    top.map((wallet) => [
      wallet.wallet,
      formatCount(wallet.tasks),
      formatShare(wallet.successRate),
      formatCount(wallet.transactions),
      formatCount(wallet.included),
      formatBigInteger(wallet.gasUsed),
      formatTime(wallet.lastActivity),
    ]),
  )}`
}

/**
 * Two runs side by side: the headline numbers and their change.
 *
 * @example
 * const html = renderComparison(report.primary, report.comparison)
 */
export function renderComparison(primary: RunReportData, comparison: RunReportData): string {
  const row = (
    label: string,
    pick: (data: RunReportData) => number | null,
    format: (value: number | null) => string,
  ) => {
    const left = pick(primary)
    const right = pick(comparison)
    const change =
      left === null || right === null || right === 0
        ? "–"
        : `${(((left - right) / right) * 100).toFixed(1)} %`
    // Durations side by side share one unit (never "23.8 s" next to "9681 ms").
    if (format === formatMs) {
      const unit = formatMsUnit(Math.max(left ?? 0, right ?? 0))
      return [label, formatMs(left, unit), formatMs(right, unit), change]
    }
    return [label, format(left), format(right), change]
  }
  const count = (value: number | null) => (value === null ? "–" : formatCount(value))
  const rate = (value: number | null) => (value === null ? "–" : formatRate(value))
  return renderTable(
    [
      { header: "" },
      { header: primary.run.id },
      { header: comparison.run.id },
      { header: "change", numeric: true },
    ],
    [
      ["chain", primary.run.chain, comparison.run.chain, ""],
      ["started", formatTime(primary.run.startedAt), formatTime(comparison.run.startedAt), ""],
      row("duration", (data) => data.run.durationMs, formatMs),
      row("transactions sent", (data) => data.totals.sent, count),
      row("included", (data) => data.totals.included, count),
      row("failed", (data) => data.totals.failed, count),
      row("dropped", (data) => data.totals.dropped, count),
      row("success rate", (data) => data.totals.successRate, formatShare),
      row("task starts/s", (data) => data.totals.taskStartsPerSecond, rate),
      row("transactions/s sent", (data) => data.totals.averageSentTps, rate),
      row("transactions/s included", (data) => data.totals.averageIncludedTps, rate),
      row("peak TPS included", (data) => data.totals.peakIncludedTps, rate),
      row("latency p50", (data) => data.inclusionLatency.p50Ms, formatMs),
      row("latency p95", (data) => data.inclusionLatency.p95Ms, formatMs),
      row("latency p99", (data) => data.inclusionLatency.p99Ms, formatMs),
      row("tasks", (data) => data.totals.tasks, count),
      row("task success rate", (data) => data.totals.taskSuccessRate, formatShare),
    ],
  )
}

/**
 * Requests, failures and bans per proxy (masked URLs), when the run went through proxies.
 *
 * @example
 * const html = renderProxies(report.primary)
 */
export function renderProxies(data: RunReportData): string {
  if (data.proxies.length === 0) return '<p class="note">No proxies: every request went direct.</p>'
  return renderTable(
    [
      { header: "proxy" },
      { header: "requests", numeric: true },
      { header: "failures", numeric: true },
      { header: "bans", numeric: true },
    ],
    data.proxies.map((proxy) => [
      proxy.proxy,
      formatCount(proxy.requests),
      formatCount(proxy.failures),
      formatCount(proxy.bans),
    ]),
  )
}

/**
 * A campaign's shards, one row each with its own totals (the other sections merge them).
 *
 * @example
 * const html = report.primary.campaign === undefined ? "" : renderShards(report.primary)
 */
export function renderShards(data: RunReportData): string {
  const shards = data.campaign?.shards ?? []
  return renderTable(
    [
      { header: "shard" },
      { header: "run" },
      { header: "host" },
      { header: "status" },
      { header: "duration", numeric: true },
      { header: "tasks", numeric: true },
      { header: "task ok", numeric: true },
      { header: "sent", numeric: true },
      { header: "included", numeric: true },
      { header: "failed", numeric: true },
      { header: "dropped", numeric: true },
      { header: "funding", numeric: true },
      { header: "incl. tx/s", numeric: true },
      { header: "incl. p50", numeric: true },
      { header: "incl. p95", numeric: true },
    ],
    shards.map((shard) => [
      shard.shard ?? "–",
      shard.runId,
      shard.host,
      shard.status,
      formatMs(shard.durationMs),
      formatCount(shard.totals.tasks),
      formatShare(shard.totals.taskSuccessRate),
      formatCount(shard.totals.sent),
      formatCount(shard.totals.included),
      formatCount(shard.totals.failed),
      formatCount(shard.totals.dropped),
      formatCount(shard.totals.funding),
      formatRate(shard.totals.averageIncludedTps),
      formatMs(shard.inclusionLatency.p50Ms),
      formatMs(shard.inclusionLatency.p95Ms),
    ]),
  )
}
