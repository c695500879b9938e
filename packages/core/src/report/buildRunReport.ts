import type { DatabaseErrorType } from "../errors/database.js"
import type { ReportNoRunsErrorType, ReportRunNotFoundErrorType } from "../errors/report.js"
import { Ok, type Result } from "../result.js"
import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { buildRunData } from "./buildRunData.js"
import { fetchChainBlocks, type ReportRpc } from "./chainBlocks.js"
import { loadRunRows, type ReportDatabase } from "./loadRunRows.js"
import { type RunSelector, resolveRun } from "./resolveRun.js"
import { REPORT_SCHEMA_VERSION, type RunReport, type RunReportData } from "./types.js"

/**
 * Options of {@link buildRunReport}.
 *
 * @example
 * const options: BuildRunReportOptions = { compareRunId: "a1b2…", topWallets: 50, rpc }
 */
export type BuildRunReportOptions = {
  /** A second run to show side by side. */
  compareRunId?: string
  /** Rows in the per-wallet table (default 20). */
  topWallets?: number
  /** When given and reachable, each block's total gas and limit are read from the chain. */
  rpc?: ReportRpc
  /** Report time (default now). */
  now?: number
  /** The chain's fee currency, so fees show in units with symbols (default: neutral "fee units"). */
  feeCurrency?: ChainFeeCurrency
}

/**
 * Errors {@link buildRunReport} can return.
 *
 * @example
 * function code(error: BuildRunReportErrorType) { return error.code }
 */
export type BuildRunReportErrorType = ReportRunNotFoundErrorType | ReportNoRunsErrorType | DatabaseErrorType

/**
 * Builds the versioned JSON report of a run (and of a second one with `compareRunId`) from the
 * database: parameters, totals, TPS over time, inclusion latency, per task, errors over time,
 * gas per block, per wallet. Read-only; works on SQLite and PostgreSQL.
 *
 * @example
 * const report = await buildRunReport(database, { last: true }, { compareRunId: previousId })
 * if (report.isOk()) console.log(report.value.primary.totals.successRate)
 */
export async function buildRunReport(
  database: ReportDatabase,
  selector: RunSelector,
  options: BuildRunReportOptions = {},
): Promise<Result<RunReport, BuildRunReportErrorType>> {
  const primary = await buildOne(database, selector, options)
  if (primary.isErr()) return primary
  let comparison: RunReportData | null = null
  if (options.compareRunId !== undefined) {
    const compared = await buildOne(database, { runId: options.compareRunId }, options)
    if (compared.isErr()) return compared
    comparison = compared.value
  }
  return Ok({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: options.now ?? Date.now(),
    primary: primary.value,
    comparison,
  })
}

async function buildOne(
  database: ReportDatabase,
  selector: RunSelector,
  options: BuildRunReportOptions,
): Promise<Result<RunReportData, BuildRunReportErrorType>> {
  const run = await resolveRun(database, selector)
  if (run.isErr()) return run
  const rows = await loadRunRows(database, run.value.id)
  if (rows.isErr()) return rows
  const chainBlocks =
    options.rpc === undefined
      ? undefined
      : await fetchChainBlocks(options.rpc, [
          ...new Set(
            rows.value.transactions.flatMap((row) =>
              row.includedBlock === undefined ? [] : [row.includedBlock],
            ),
          ),
        ])
  return Ok(
    buildRunData({
      run: run.value,
      rows: rows.value,
      topWallets: options.topWallets ?? 20,
      ...(chainBlocks === undefined ? {} : { chainBlocks }),
      ...(options.feeCurrency === undefined ? {} : { feeCurrency: options.feeCurrency }),
    }),
  )
}
