import { resolveDatabaseUrl } from "../../config/defaults.js"
import { openDatabase } from "../../database/openDatabase.js"
import { CliUsageError } from "../../errors/cli.js"
import { buildCampaignReport } from "../../report/buildCampaignReport.js"
import { buildRunReport } from "../../report/buildRunReport.js"
import { serializeReport, writeReport } from "../../report/writeReport.js"
import { Err, Ok } from "../../result.js"
import type { CliContext, CommandResult } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { loadCommandConfig } from "../loadCommandConfig.js"

/**
 * Flags of `<chain> report`.
 *
 * @example
 * const options: ReportCommandOptions = { last: true, compare: "a1b2…", out: "report.html" }
 */
export type ReportCommandOptions = {
  config?: string
  db?: string
  run?: string
  /** Every shard of a campaign merged into one report. */
  campaign?: string
  last?: boolean
  /** Output file; `-` prints to stdout. */
  out?: string
  json?: boolean
  compare?: string
}

/**
 * `<chain> report [--run ID | --last] [--out FILE] [--json] [--compare ID]`: writes the run's
 * self-contained HTML report (or its JSON with `--json`) to `./reports/<chain>-<runId>.html`
 * (or `--out`; `--out -` prints it) and prints the path. Without `--run`, the newest run of the
 * chain. The database comes from `--db` or the config, like `db stats`.
 *
 * @example
 * // in cli/commands/report.ts:
 * .action(slot.wrap((options: ReportCommandOptions) => runReportCommand(context, options)))
 */
export async function runReportCommand(
  context: CliContext,
  options: ReportCommandOptions,
): Promise<CommandResult> {
  if (options.run !== undefined && options.last === true)
    return Err(
      new CliUsageError({
        message: "--run and --last exclude each other.",
        command: `${context.programName} report`,
      }),
    )
  if (
    options.campaign !== undefined &&
    (options.run !== undefined || options.last === true || options.compare !== undefined)
  )
    return Err(
      new CliUsageError({
        message: "--campaign reports every shard of a campaign: it excludes --run, --last and --compare.",
        command: `${context.programName} report`,
      }),
    )
  const config = await loadCommandConfig(context, options)
  if (config.isErr()) return config
  const opened = await openDatabase({ url: resolveDatabaseUrl(config.value, context.chain.name) })
  if (opened.isErr()) return opened
  const database = opened.value
  try {
    const format = options.json === true ? "json" : "html"
    if (options.out === "-") {
      const report =
        options.campaign === undefined
          ? await buildRunReport(
              database,
              options.run === undefined ? { last: true, chain: context.chain.name } : { runId: options.run },
              {
                feeCurrency: context.chain.feeCurrency,
                ...(options.compare === undefined ? {} : { compareRunId: options.compare }),
              },
            )
          : await buildCampaignReport(database, options.campaign, { feeCurrency: context.chain.feeCurrency })
      if (report.isErr()) return report
      context.io.stdout.write(serializeReport(report.value, format))
      return Ok(exitCodes.ok)
    }
    const written = await writeReport({
      database,
      chain: context.chain.name,
      feeCurrency: context.chain.feeCurrency,
      json: options.json === true,
      ...(options.run === undefined ? {} : { runId: options.run }),
      ...(options.campaign === undefined ? {} : { campaign: options.campaign }),
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(options.compare === undefined ? {} : { compareRunId: options.compare }),
    })
    if (written.isErr()) return written
    context.io.stdout.write(
      options.json === true ? `${JSON.stringify({ report: written.value })}\n` : `Report: ${written.value}\n`,
    )
    return Ok(exitCodes.ok)
  } finally {
    await database.close()
  }
}
