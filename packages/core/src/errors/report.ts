import { BaseError } from "./base.js"

/**
 * A run the database does not hold. Lists the latest runs it does hold, so the user can pick one.
 *
 * @example
 * const error = new ReportRunNotFoundError({ runId: "r-42", latestRuns: [{ id: "r-41", chain: "tempo", startedAt: 0, status: "completed" }] })
 * error.code // "REPORT_RUN_NOT_FOUND"
 */
export class ReportRunNotFoundError extends BaseError {
  override name = "ReportRunNotFoundError"
  readonly runId: string
  constructor(parameters: {
    runId: string
    latestRuns: readonly { id: string; chain: string; startedAt: number; status: string }[]
  }) {
    const { runId, latestRuns } = parameters
    super(`Run ${runId} is not in the database.`, {
      code: "REPORT_RUN_NOT_FOUND",
      metaMessages:
        latestRuns.length === 0
          ? ["The database holds no run at all."]
          : [
              "Latest runs:",
              ...latestRuns.map(
                (run) => `  ${run.id}  ${run.chain}  ${new Date(run.startedAt).toISOString()}  ${run.status}`,
              ),
              "Pass one of these ids with --run, or --last for the newest.",
            ],
    })
    this.runId = runId
  }
}
/**
 * {@link ReportRunNotFoundError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "ReportRunNotFoundError") console.error(error.shortMessage)
 */
export type ReportRunNotFoundErrorType = ReportRunNotFoundError & { name: "ReportRunNotFoundError" }

/**
 * A campaign no run of the database belongs to. Lists the latest campaigns it does hold.
 *
 * @example
 * const error = new ReportCampaignNotFoundError({ campaign: "soak-1", latestCampaigns: [] })
 * error.code // "REPORT_CAMPAIGN_NOT_FOUND"
 */
export class ReportCampaignNotFoundError extends BaseError {
  override name = "ReportCampaignNotFoundError"
  readonly campaign: string
  constructor(parameters: {
    campaign: string
    latestCampaigns: readonly { id: string; chain: string; startedAt: number; runs: number }[]
  }) {
    const { campaign, latestCampaigns } = parameters
    super(`No run of campaign ${campaign} is in the database.`, {
      code: "REPORT_CAMPAIGN_NOT_FOUND",
      metaMessages:
        latestCampaigns.length === 0
          ? [
              "The database holds no campaign: runs get one with --campaign, or by running as --shard I/N (N > 1).",
            ]
          : [
              "Latest campaigns:",
              ...latestCampaigns.map(
                (entry) =>
                  `  ${entry.id}  ${entry.chain}  ${new Date(entry.startedAt).toISOString()}  ${entry.runs} run(s)`,
              ),
              "Pass one of these with --campaign.",
            ],
    })
    this.campaign = campaign
  }
}
/**
 * {@link ReportCampaignNotFoundError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "ReportCampaignNotFoundError") console.error(error.shortMessage)
 */
export type ReportCampaignNotFoundErrorType = ReportCampaignNotFoundError & {
  name: "ReportCampaignNotFoundError"
}

/**
 * `--last` (or no run id) on a database without any run (of this chain).
 *
 * @example
 * const error = new ReportNoRunsError({ chain: "tempo", database: "./data/tempo.db" })
 * error.code // "REPORT_NO_RUNS"
 */
export class ReportNoRunsError extends BaseError {
  override name = "ReportNoRunsError"
  constructor(parameters: { chain?: string; database: string }) {
    const subject = parameters.chain === undefined ? "No run" : `No run of ${parameters.chain}`
    super(`${subject} is recorded in ${parameters.database} yet.`, {
      code: "REPORT_NO_RUNS",
      metaMessages: ["Start a run first (`start`), or point --db at the database that holds your runs."],
    })
  }
}
/**
 * {@link ReportNoRunsError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "ReportNoRunsError") console.error(error.shortMessage)
 */
export type ReportNoRunsErrorType = ReportNoRunsError & { name: "ReportNoRunsError" }

/**
 * The report file (or its folder) could not be written.
 *
 * @example
 * const error = new ReportOutputNotWritableError({ path: "/read-only/report.html", cause: new Error("EACCES") })
 * error.code // "REPORT_OUTPUT_NOT_WRITABLE"
 */
export class ReportOutputNotWritableError extends BaseError {
  override name = "ReportOutputNotWritableError"
  readonly path: string
  constructor(parameters: { path: string; cause?: unknown }) {
    const reason = (parameters.cause as { code?: unknown } | undefined)?.code
    super(`The report could not be written to ${parameters.path}.`, {
      code: "REPORT_OUTPUT_NOT_WRITABLE",
      cause: parameters.cause,
      ...(typeof reason === "string" ? { details: reason } : {}),
      metaMessages: ["Choose another file with --out, or fix the folder's permissions."],
    })
    this.path = parameters.path
  }
}
/**
 * {@link ReportOutputNotWritableError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "ReportOutputNotWritableError") console.error(error.shortMessage)
 */
export type ReportOutputNotWritableErrorType = ReportOutputNotWritableError & {
  name: "ReportOutputNotWritableError"
}

/**
 * The Prometheus metrics endpoint could not listen (usually: the port is taken).
 *
 * @example
 * const error = new MetricsPortInUseError({ host: "127.0.0.1", port: 9464 })
 * error.code // "METRICS_PORT_IN_USE"
 */
export class MetricsPortInUseError extends BaseError {
  override name = "MetricsPortInUseError"
  readonly port: number
  constructor(parameters: { host: string; port: number; cause?: unknown }) {
    const reason = (parameters.cause as { code?: unknown } | undefined)?.code
    super(`The metrics endpoint could not listen on ${parameters.host}:${parameters.port}.`, {
      code: "METRICS_PORT_IN_USE",
      cause: parameters.cause,
      ...(typeof reason === "string" ? { details: reason } : {}),
      metaMessages: ["Another process uses that port: pick another with --metrics-port."],
    })
    this.port = parameters.port
  }
}
/**
 * {@link MetricsPortInUseError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "MetricsPortInUseError") console.error(error.shortMessage)
 */
export type MetricsPortInUseErrorType = MetricsPortInUseError & { name: "MetricsPortInUseError" }

/**
 * Any error of the report and metrics domain.
 *
 * @example
 * function describe(error: ReportErrorType) { return error.code }
 */
export type ReportErrorType =
  | ReportRunNotFoundErrorType
  | ReportCampaignNotFoundErrorType
  | ReportNoRunsErrorType
  | ReportOutputNotWritableErrorType
  | MetricsPortInUseErrorType
