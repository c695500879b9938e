import type { RunRecord } from "../database/queries/records.js"
import { fundingTaskName } from "../funding/fundWallets.js"
import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { buildErrors } from "./errorsOverTime.js"
import { buildGasPerBlock, type ChainBlockGas } from "./gasPerBlock.js"
import { buildLatency } from "./latency.js"
import type { ReportMetricRow, ReportTransactionRow } from "./loadRunRows.js"
import { buildTaskTable } from "./taskTable.js"
import { buildThroughput } from "./throughput.js"
import { createTimeline } from "./timeline.js"
import { buildTotals } from "./totals.js"
import type { RunReportData } from "./types.js"
import { buildWalletTable } from "./walletTable.js"

/**
 * Every section of one run's report, from its rows. Funding transfers are left out of every
 * section (they are setup, not load) and only counted in `totals.funding`.
 *
 * @example
 * const data = buildRunData({ run, rows, topWallets: 20 })
 */
export function buildRunData(parameters: {
  run: RunRecord
  rows: { transactions: readonly ReportTransactionRow[]; metrics: readonly ReportMetricRow[] }
  topWallets: number
  chainBlocks?: ReadonlyMap<bigint, ChainBlockGas>
  /** The chain's fee currency: fees in units with its symbols. */
  feeCurrency?: ChainFeeCurrency
}): RunReportData {
  const { run } = parameters
  const transactions = parameters.rows.transactions.filter((row) => row.task !== fundingTaskName)
  const metrics = parameters.rows.metrics.filter((row) => row.task !== fundingTaskName)
  const rows = { transactions, metrics }
  const timeline = createTimeline(activeSpan(run, rows))
  const throughput = buildThroughput(transactions, timeline)
  // The run's duration is its sending window (as in the CLI summary); setup and drain are apart.
  const window = run.sendingWindow
  const wallMs = run.endedAt === undefined ? null : run.endedAt - run.startedAt
  const target = run.config.targetTps
  return {
    run: {
      id: run.id,
      chain: run.chain,
      chainId: run.chainId,
      host: run.host,
      shard: run.shard ?? null,
      status: run.status,
      startedAt: run.startedAt,
      endedAt: run.endedAt ?? null,
      durationMs: window === undefined ? wallMs : window.endedAt - window.startedAt,
      durationMethod: window === undefined ? "run" : "sending-window",
      setupMs: window === undefined ? null : window.startedAt - run.startedAt,
      drainMs: window === undefined || run.endedAt === undefined ? null : run.endedAt - window.endedAt,
      toolVersion: run.toolVersion,
      parameters: run.config,
    },
    totals: buildTotals({
      transactions,
      metrics,
      funding: parameters.rows.transactions.length - transactions.length,
      throughput,
      ...(window === undefined ? {} : { windowMs: window.endedAt - window.startedAt }),
      ...(typeof target === "number" ? { targetTaskStartsPerSecond: target } : {}),
      ...(parameters.feeCurrency === undefined ? {} : { feeCurrency: parameters.feeCurrency }),
    }),
    throughput,
    inclusionLatency: buildLatency(transactions),
    tasks: buildTaskTable(rows, parameters.feeCurrency),
    errors: buildErrors(rows, timeline),
    gasPerBlock: buildGasPerBlock(transactions, parameters.chainBlocks),
    wallets: buildWalletTable(rows, parameters.topWallets),
    proxies: run.proxies ?? [],
  }
}

/** First to last event of the load (sends, inclusions, task ends); the run's own times without any. */
function activeSpan(
  run: RunRecord,
  rows: { transactions: readonly ReportTransactionRow[]; metrics: readonly ReportMetricRow[] },
): { startMs: number; endMs: number } {
  let startMs = Number.POSITIVE_INFINITY
  let endMs = Number.NEGATIVE_INFINITY
  for (const row of rows.transactions) {
    startMs = Math.min(startMs, row.sentAt)
    endMs = Math.max(endMs, row.includedAt ?? row.sentAt)
  }
  for (const row of rows.metrics) {
    startMs = Math.min(startMs, row.timestamp - row.durationMs)
    endMs = Math.max(endMs, row.timestamp)
  }
  if (!Number.isFinite(startMs)) return { startMs: run.startedAt, endMs: run.endedAt ?? run.startedAt }
  return { startMs, endMs }
}
