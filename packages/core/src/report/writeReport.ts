import { mkdir, writeFile } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import { ReportOutputNotWritableError, type ReportOutputNotWritableErrorType } from "../errors/report.js"
import { Err, Ok, type Result } from "../result.js"
import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { type BuildCampaignReportErrorType, buildCampaignReport } from "./buildCampaignReport.js"
import { type BuildRunReportErrorType, buildRunReport } from "./buildRunReport.js"
import type { ReportRpc } from "./chainBlocks.js"
import { renderHtmlReport } from "./html/renderHtmlReport.js"
import type { ReportDatabase } from "./loadRunRows.js"
import type { RunSelector } from "./resolveRun.js"
import type { RunReport } from "./types.js"

/**
 * Options of {@link writeReport}.
 *
 * @example
 * const options: WriteReportOptions = { database, runId, json: true, out: "./run.json" }
 */
export type WriteReportOptions = {
  database: ReportDatabase
  /** The run; without it, the newest run (of `chain`, when given). */
  runId?: string
  /** A campaign instead of a run: every shard merged (`report --campaign`). */
  campaign?: string
  chain?: string
  compareRunId?: string
  /** Output file (default `<directory>/<chain>-<runId>.html`, or `.json` with `json`). */
  out?: string
  /** Write the JSON report instead of the HTML page. */
  json?: boolean
  /** Folder of the default output file (default `./reports`). */
  directory?: string
  topWallets?: number
  /** Read block totals from the chain for the gas-per-block chart (when reachable). */
  rpc?: ReportRpc
  /** The chain's fee currency (fees in units with symbols). */
  feeCurrency?: ChainFeeCurrency
}

/**
 * Errors {@link writeReport} can return.
 *
 * @example
 * function code(error: WriteReportErrorType) { return error.code }
 */
export type WriteReportErrorType =
  | BuildRunReportErrorType
  | BuildCampaignReportErrorType
  | ReportOutputNotWritableErrorType

/**
 * The HTML page or the pretty-printed JSON of a report.
 *
 * @example
 * process.stdout.write(serializeReport(report, "json"))
 */
export function serializeReport(report: RunReport, format: "html" | "json"): string {
  return format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderHtmlReport(report)
}

/**
 * The default report path: `<directory>/<chain>-<runId>.<html|json>`, unsafe file-name
 * characters replaced by `_`.
 *
 * @example
 * defaultReportPath({ chain: "tempo", runId: "r1", format: "html" }) // "reports/tempo-r1.html"
 */
export function defaultReportPath(parameters: {
  chain: string
  runId: string
  format: "html" | "json"
  directory?: string
}): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, "_")
  return join(
    parameters.directory ?? "reports",
    `${safe(parameters.chain)}-${safe(parameters.runId)}.${parameters.format}`,
  )
}

/**
 * Builds a run's report and writes it (creating the folder). Returns the absolute path written.
 *
 * @example
 * const written = await writeReport({ database, runId })
 * if (written.isOk()) console.log(`Report: ${written.value}`) // …/reports/tempo-<runId>.html
 */
export async function writeReport(
  options: WriteReportOptions,
): Promise<Result<string, WriteReportErrorType>> {
  const selector: RunSelector =
    options.runId !== undefined
      ? { runId: options.runId }
      : { last: true, ...(options.chain === undefined ? {} : { chain: options.chain }) }
  const shared = {
    ...(options.topWallets === undefined ? {} : { topWallets: options.topWallets }),
    ...(options.rpc === undefined ? {} : { rpc: options.rpc }),
    ...(options.feeCurrency === undefined ? {} : { feeCurrency: options.feeCurrency }),
  }
  const report =
    options.campaign === undefined
      ? await buildRunReport(options.database, selector, {
          ...(options.compareRunId === undefined ? {} : { compareRunId: options.compareRunId }),
          ...shared,
        })
      : await buildCampaignReport(options.database, options.campaign, shared)
  if (report.isErr()) return report
  const format = options.json === true ? "json" : "html"
  const path = resolve(
    options.out ??
      defaultReportPath({
        chain: report.value.primary.run.chain,
        runId:
          options.campaign === undefined
            ? report.value.primary.run.id
            : `campaign-${report.value.primary.run.id}`,
        format,
        ...(options.directory === undefined ? {} : { directory: options.directory }),
      }),
  )
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, serializeReport(report.value, format))
  } catch (cause) {
    return Err(new ReportOutputNotWritableError({ path, cause }) as ReportOutputNotWritableErrorType)
  }
  return Ok(path)
}

/**
 * The end-of-run hook of `start`: writes the HTML report of the run that just finished to
 * `./reports/<chain>-<runId>.html` (reading block totals from the chain while it is still up)
 * and returns the path to print.
 *
 * @example
 * // in runLoad's afterRun, while the devnet and the database are still open:
 * afterRun: async ({ database, runId, rpc }) => {
 *   const written = await writeRunReport({ database, runId, rpc })
 *   if (written.isOk()) io.stdout.write(`Report: ${written.value}\n`)
 * }
 */
export function writeRunReport(parameters: {
  database: ReportDatabase
  runId: string
  rpc?: ReportRpc
  directory?: string
  feeCurrency?: ChainFeeCurrency
}): Promise<Result<string, WriteReportErrorType>> {
  return writeReport(parameters)
}
