import type { RunRecord } from "../database/queries/records.js"
import type { RunStatus } from "../database/schema.js"
import type { DatabaseErrorType } from "../errors/database.js"
import type { ReportCampaignNotFoundErrorType } from "../errors/report.js"
import { Ok, type Result } from "../result.js"
import { buildRunData } from "./buildRunData.js"
import type { BuildRunReportOptions } from "./buildRunReport.js"
import { campaignNotFound } from "./campaignNotFound.js"
import { fetchChainBlocks } from "./chainBlocks.js"
import {
  loadRunRows,
  type ReportDatabase,
  type ReportMetricRow,
  type ReportTransactionRow,
} from "./loadRunRows.js"
import { shardIdentity } from "./shardIdentity.js"
import { REPORT_SCHEMA_VERSION, type ReportCampaign, type RunReport } from "./types.js"

/**
 * Errors {@link buildCampaignReport} can return.
 *
 * @example
 * function code(error: BuildCampaignReportErrorType) { return error.code }
 */
export type BuildCampaignReportErrorType = ReportCampaignNotFoundErrorType | DatabaseErrorType

/**
 * The report of a campaign: every shard's journal and task metrics merged into one run's sections
 * (totals, TPS over time across shards, inclusion latency, per task, per wallet, errors, gas per
 * block), plus `primary.campaign` with each shard's own totals. The merged run spans the earliest
 * shard's start to the latest shard's end; its sending window spans theirs; its target rate is the
 * sum of the shards' targets.
 *
 * @example
 * const report = await buildCampaignReport(database, "soak-1")
 * if (report.isOk()) console.log(report.value.primary.totals.sent, report.value.primary.campaign?.shards.length)
 */
export async function buildCampaignReport(
  database: ReportDatabase,
  campaign: string,
  options: Omit<BuildRunReportOptions, "compareRunId"> = {},
): Promise<Result<RunReport, BuildCampaignReportErrorType>> {
  const runs = await database.queries.campaignRuns({ campaign })
  if (runs.isErr()) return runs
  if (runs.value.length === 0) return campaignNotFound(database, campaign)
  const shards: {
    run: RunRecord
    rows: { transactions: ReportTransactionRow[]; metrics: ReportMetricRow[] }
  }[] = []
  for (const run of runs.value) {
    const rows = await loadRunRows(database, run.id)
    if (rows.isErr()) return rows
    shards.push({ run, rows: rows.value })
  }
  const merged = {
    transactions: shards.flatMap((shard) => shard.rows.transactions),
    metrics: shards.flatMap((shard) => shard.rows.metrics),
  }
  const chainBlocks =
    options.rpc === undefined
      ? undefined
      : await fetchChainBlocks(options.rpc, [
          ...new Set(
            merged.transactions.flatMap((row) =>
              row.includedBlock === undefined ? [] : [row.includedBlock],
            ),
          ),
        ])
  const feeCurrency = options.feeCurrency === undefined ? {} : { feeCurrency: options.feeCurrency }
  const data = buildRunData({
    run: mergeRuns(campaign, runs.value),
    rows: merged,
    topWallets: options.topWallets ?? 20,
    ...(chainBlocks === undefined ? {} : { chainBlocks }),
    ...feeCurrency,
  })
  const perShard: ReportCampaign["shards"] = shards.map(({ run, rows }) => {
    const own = buildRunData({ run, rows, topWallets: 0, ...feeCurrency })
    return {
      ...shardIdentity(run),
      durationMs: own.run.durationMs,
      totals: own.totals,
      inclusionLatency: { p50Ms: own.inclusionLatency.p50Ms, p95Ms: own.inclusionLatency.p95Ms },
    }
  })
  return Ok({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: options.now ?? Date.now(),
    primary: { ...data, campaign: { id: campaign, shards: perShard } },
    comparison: null,
  })
}

/** The worst status wins: one shard still running (or crashed) is the campaign's state. */
const statusOrder: readonly RunStatus[] = ["running", "crashed", "failed", "interrupted", "completed"]

/**
 * One run record standing for the campaign: its id, the earliest start, the latest end (none while
 * a shard runs), the span of the sending windows, the sum of the target rates.
 */
function mergeRuns(campaign: string, runs: readonly RunRecord[]): RunRecord {
  const [first] = runs
  if (first === undefined) throw new Error("a campaign report needs at least one run")
  const unique = (values: readonly string[]) => [...new Set(values)].join(", ")
  const ended = runs.every((run) => run.endedAt !== undefined)
  const windows = runs.flatMap((run) => (run.sendingWindow === undefined ? [] : [run.sendingWindow]))
  const targets = runs.map((run) => run.config.targetTps)
  const status = statusOrder.find((candidate) => runs.some((run) => run.status === candidate)) ?? first.status
  return {
    id: campaign,
    chain: first.chain,
    chainId: first.chainId,
    host: unique(runs.map((run) => run.host)),
    shard: unique(runs.map((run) => run.shard ?? "–")),
    startedAt: Math.min(...runs.map((run) => run.startedAt)),
    endedAt: ended ? Math.max(...runs.map((run) => run.endedAt ?? 0)) : undefined,
    status,
    config: targets.every((target) => typeof target === "number")
      ? { ...first.config, targetTps: (targets as number[]).reduce((sum, target) => sum + target, 0) }
      : first.config,
    toolVersion: unique(runs.map((run) => run.toolVersion)),
    sendingWindow:
      windows.length === runs.length && windows.length > 0
        ? {
            startedAt: Math.min(...windows.map((window) => window.startedAt)),
            endedAt: Math.max(...windows.map((window) => window.endedAt)),
          }
        : undefined,
    proxies: runs.flatMap((run) => run.proxies ?? []),
    campaign,
  }
}
