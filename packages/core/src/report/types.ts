import type { InclusionLatencyMethod } from "../database/queries/inclusionLatency.js"
import type { RunProxyStats } from "../database/schema.js"
import type { FeeInUnits } from "../tasks/feeCurrency.js"
/**
 * The JSON shape of a run report (`schemaVersion: 1`, documented in docs/reports.md). Big
 * integers (gas, fees, block numbers) are decimal strings so the JSON is lossless; times are
 * Unix milliseconds; durations are milliseconds.
 */

/**
 * Version of the report's JSON shape. Bumped on any incompatible change.
 *
 * @example
 * if (report.schemaVersion !== REPORT_SCHEMA_VERSION) throw new Error("unsupported report")
 */
export const REPORT_SCHEMA_VERSION = 1 as const

/**
 * An amount paid in one fee token (`"native"` when the journal names none).
 *
 * @example
 * const fee: FeeAmount = { token: "native", symbol: "ETH", decimals: 18, amount: "21000000000000", units: "0.000021" }
 */
export type FeeAmount = FeeInUnits

/**
 * Who ran, where, when, with which settings (the stored configuration has no secrets).
 *
 * @example
 * const line = `${report.run.chain} ${report.run.id} ${report.run.status}`
 */
export type ReportRunInfo = {
  id: string
  chain: string
  chainId: number
  host: string
  shard: string | null
  status: string
  startedAt: number
  endedAt: number | null
  /** The sending window when recorded (schema version 4), else started → ended. */
  durationMs: number | null
  /** Which span `durationMs` is. */
  durationMethod: "sending-window" | "run"
  /** Setup (funding) before the sending window, and drain after it; null when unknown. */
  setupMs: number | null
  drainMs: number | null
  toolVersion: string
  /** The configuration snapshot stored with the run. */
  parameters: Record<string, unknown>
}

/**
 * Whole-run counts. Transactions exclude the funding transfers (`funding` counts those).
 * `successRate` = included / (sent − pending); `taskSuccessRate` = successful tasks / tasks.
 *
 * @example
 * const line = `${totals.included}/${totals.sent} included (${(totals.successRate * 100).toFixed(1)} %)`
 */
export type ReportTotals = {
  sent: number
  included: number
  /** Reverted on chain or rejected by the node. */
  failed: number
  dropped: number
  pending: number
  replaced: number
  funding: number
  successRate: number
  tasks: number
  taskSuccesses: number
  taskFailures: number
  taskSuccessRate: number
  /** Transactions per second over the sending window (else the active span: first send to last inclusion). */
  averageSentTps: number
  averageIncludedTps: number
  /** Achieved task starts per second over the same span. */
  taskStartsPerSecond: number
  /** The target (`--tps`, task starts per second), when the stored configuration has it. */
  targetTaskStartsPerSecond: number | null
  peakSentTps: number
  peakIncludedTps: number
  gasUsed: string
  fees: FeeAmount[]
}

/**
 * Transactions sent and included per time bucket. `time[i]` is the bucket's start (Unix
 * seconds, for the chart's time axis); rates are per second.
 *
 * @example
 * const peak = Math.max(...report.throughput.sentTps)
 */
export type ReportThroughput = {
  bucketSeconds: number
  time: number[]
  sentTps: number[]
  includedTps: number[]
}

/**
 * Inclusion latency (included_at − sent_at) of the included and reverted transactions, by the
 * one definition in database/queries/inclusionLatency.ts (the CLI summary and `db stats` use it
 * too). `method` says how `included_at` was measured: `observed` (when the run saw the block) or,
 * for runs recorded before schema version 3, `block-timestamp` (whole seconds; negative
 * differences count as 0 and are counted in `clampedToZero`).
 * `bucketMs[i]` is the lower bound of bucket `i`, `count[i]` how many fell in it.
 *
 * @example
 * const { p50Ms, p90Ms, p99Ms } = report.inclusionLatency
 */
export type ReportLatency = {
  count: number
  method: InclusionLatencyMethod
  clampedToZero: number
  minMs: number | null
  maxMs: number | null
  meanMs: number | null
  p50Ms: number | null
  p90Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  bucketWidthMs: number
  bucketMs: number[]
  counts: number[]
}

/**
 * One row of the per-task table.
 *
 * @example
 * const row = report.tasks.find((task) => task.task === "transfer")
 */
export type ReportTaskRow = {
  task: string
  count: number
  successes: number
  failures: number
  successRate: number
  p50DurationMs: number | null
  p95DurationMs: number | null
  transactions: number
  included: number
  failed: number
  dropped: number
  gasUsed: string
  fees: FeeAmount[]
}

/**
 * Errors by code over time (same buckets as throughput). `source` says where the code comes
 * from: a failed task (`task_metrics.error_code`) or a transaction's fate in the journal.
 *
 * @example
 * const top = report.errors.totals[0] // { code: "RPC_NONCE_TOO_LOW", source: "task", count: 3 }
 */
export type ReportErrors = {
  totals: { code: string; source: "task" | "transaction"; count: number }[]
  time: number[]
  /** Per code (same order as `totals`), the count in each bucket. */
  series: number[][]
}

/**
 * Gas per block. `source: "journal"` = the run's own gas (Σ gas_used per included_block);
 * `"chain"` adds each block's total gas used and gas limit as read from the node at report time.
 *
 * @example
 * const share = report.gasPerBlock.blocks.map((block) => block.runShare)
 */
export type ReportGasPerBlock = {
  source: "journal" | "chain"
  blocks: {
    number: string
    transactions: number
    runGasUsed: string
    blockGasUsed: string | null
    gasLimit: string | null
    /** runGasUsed / blockGasUsed (null without chain data). */
    runShare: number | null
    /** blockGasUsed / gasLimit (null without chain data). */
    utilization: number | null
  }[]
}

/**
 * One row of the per-wallet table.
 *
 * @example
 * const busiest = report.wallets.top[0]?.wallet
 */
export type ReportWalletRow = {
  wallet: string
  tasks: number
  successes: number
  successRate: number
  transactions: number
  included: number
  gasUsed: string
  lastActivity: number | null
}

/**
 * Everything about one run.
 *
 * @example
 * const { totals, throughput } = report.primary
 */
export type RunReportData = {
  run: ReportRunInfo
  totals: ReportTotals
  throughput: ReportThroughput
  inclusionLatency: ReportLatency
  tasks: ReportTaskRow[]
  errors: ReportErrors
  gasPerBlock: ReportGasPerBlock
  wallets: { total: number; top: ReportWalletRow[] }
  /** Requests, failures and bans per proxy (masked URLs); empty when the run used none. */
  proxies: RunProxyStats[]
  /** Present when the report merges the shards of a campaign (`report --campaign`). */
  campaign?: ReportCampaign
}

/**
 * A campaign's shards, each with its own totals; the report's other sections merge them all.
 * `run.id` of a campaign report is the campaign id; its times span the earliest shard's start to
 * the latest shard's end.
 *
 * @example
 * const sent = report.primary.campaign?.shards.reduce((sum, shard) => sum + shard.totals.sent, 0)
 */
export type ReportCampaign = {
  id: string
  shards: {
    runId: string
    shard: string | null
    host: string
    status: string
    startedAt: number
    endedAt: number | null
    durationMs: number | null
    totals: ReportTotals
    inclusionLatency: { p50Ms: number | null; p95Ms: number | null }
  }[]
}

/**
 * A run report: one run, or two side by side (`comparison`).
 *
 * @example
 * const report = (await buildRunReport(database, { last: true })).unwrap()
 * writeFileSync("report.json", JSON.stringify(report))
 */
export type RunReport = {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  generatedAt: number
  primary: RunReportData
  comparison: RunReportData | null
}
