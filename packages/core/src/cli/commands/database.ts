import type { Command } from "commander"
import { resolveDatabaseUrl } from "../../config/defaults.js"
import { getSchemaVersion } from "../../database/migrate.js"
import { type DatabaseManager, openDatabase } from "../../database/openDatabase.js"
import type { RunSummaryRecord } from "../../database/queries/runSummary.js"
import { CliUsageError } from "../../errors/cli.js"
import { resolveRun } from "../../report/resolveRun.js"
import { Err, Ok } from "../../result.js"
import { journalFees } from "../../runner/statistics/journalLatency.js"
import { addCommonOptions } from "../commonOptions.js"
import type { CliContext, CommandResult, OutcomeSlot } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { examplesText } from "../helpText.js"
import { loadCommandConfig } from "../loadCommandConfig.js"
import { formatDuration } from "../table.js"
import { campaignStats } from "./campaignStats.js"
import { renderTaskSummaryTable } from "./taskSummaryTable.js"

type DatabaseOptions = { config?: string; db?: string; json?: boolean; run?: string; campaign?: string }

/**
 * `db migrate | stats`: create/upgrade the schema; print a recorded run's totals.
 *
 * @example
 * registerDatabaseCommand(program, context, slot) // then: tempo db stats --db ./data/tempo.db
 */
export function registerDatabaseCommand(program: Command, context: CliContext, slot: OutcomeSlot): void {
  const name = context.programName
  const database = program
    .command("db")
    .description("database maintenance and statistics")
    .addHelpText(
      "after",
      examplesText(name, [
        "db migrate --db ./data/shared.db",
        "db stats",
        "db stats --run 2c6f5b1a-… --json",
        "db stats --campaign tempo-3f2a9c1b7d4e-20261203T140509Z --db postgres://user@db/testnet",
      ]),
    )
  addCommonOptions(database.command("migrate"))
    .description("create the database or upgrade its schema")
    .addHelpText(
      "after",
      examplesText(name, ["db migrate", "db migrate --db postgres://user@db.example/testnet --json"]),
    )
    .option("--db <path|url>", "SQLite file, :memory: or postgres:// URL")
    .action(slot.wrap(async (options: DatabaseOptions) => withDatabase(context, options, migrate)))
  addCommonOptions(database.command("stats"))
    .description("per-task totals of a run (default: the latest run of this chain)")
    .addHelpText(
      "after",
      examplesText(name, ["db stats", "db stats --db ./data/shared.db --run 2c6f5b1a-…", "db stats --json"]),
    )
    .option("--db <path|url>", "SQLite file, :memory: or postgres:// URL")
    .option("--run <id>", "run id (default: the latest)")
    .option("--campaign <id>", "every shard of a campaign: merged per task, then one row per shard")
    .action(slot.wrap(async (options: DatabaseOptions) => withDatabase(context, options, stats)))
}

type Opened = DatabaseManager

async function withDatabase(
  context: CliContext,
  options: DatabaseOptions,
  body: (context: CliContext, options: DatabaseOptions, manager: Opened) => Promise<CommandResult>,
): Promise<CommandResult> {
  const config = await loadCommandConfig(context, options)
  if (config.isErr()) return config
  const opened = await openDatabase({ url: resolveDatabaseUrl(config.value, context.chain.name) })
  if (opened.isErr()) return opened
  try {
    return await body(context, options, opened.value)
  } finally {
    await opened.value.close()
  }
}

async function migrate(
  context: CliContext,
  options: DatabaseOptions,
  manager: Opened,
): Promise<CommandResult> {
  // openDatabase has migrated already; report where the schema stands.
  const version = await getSchemaVersion(manager.db)
  context.io.stdout.write(
    options.json
      ? `${JSON.stringify({ database: manager.target, dialect: manager.dialect, schemaVersion: version })}\n`
      : `Database ${manager.target} (${manager.dialect}) is at schema version ${version}.\n`,
  )
  return Ok(exitCodes.ok)
}

async function stats(context: CliContext, options: DatabaseOptions, manager: Opened): Promise<CommandResult> {
  if (options.campaign !== undefined) {
    if (options.run !== undefined)
      return Err(
        new CliUsageError({
          message: "--run and --campaign exclude each other.",
          command: `${context.programName} db stats`,
        }),
      )
    return campaignStats(context, options.campaign, options.json === true, manager)
  }
  let runId: string
  if (options.run !== undefined) {
    // The id or a unique prefix of it, as `report --run` takes it.
    const resolved = await resolveRun(manager, { runId: options.run })
    if (resolved.isErr()) return resolved
    runId = resolved.value.id
  } else {
    const latest = await manager.queries.latestRun({ chain: context.chain.name })
    if (latest.isErr()) return latest
    if (latest.value === undefined) {
      context.io.stdout.write(
        options.json ? "null\n" : `No run of ${context.chain.name} recorded in ${manager.target}.\n`,
      )
      return Ok(exitCodes.ok)
    }
    runId = latest.value.id
  }
  const summary = await manager.queries.runSummary({ runId })
  if (summary.isErr()) return summary
  // Fees per token in units of the chain's fee currency (`fees` stays the raw Σ gas × price).
  const feeRows = await manager.db
    .selectFrom("transactions")
    .select(["task", "gas_used", "effective_gas_price", "fee_token"])
    .where("run_id", "=", runId)
    .execute()
    .catch(() => [])
  const feesByToken = journalFees(feeRows, context.chain.feeCurrency)
  context.io.stdout.write(
    options.json
      ? `${JSON.stringify({ ...summary.value, feesByToken }, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))}\n`
      : `${renderRunRecordSummary(runId, summary.value)}${
          feesByToken.length === 0
            ? ""
            : `\nFees paid: ${feesByToken.map((fee) => `${fee.units} ${fee.symbol}`).join(", ")}\n`
        }`,
  )
  return Ok(exitCodes.ok)
}

/** The run's length: its sending window (as in the CLI summary) with setup and drain apart. */
function lasted(run: NonNullable<RunSummaryRecord["run"]>): string {
  const window = run.sendingWindow
  if (window === undefined)
    return run.endedAt === undefined ? "" : `, lasted ${formatDuration(run.endedAt - run.startedAt)}`
  const drain = run.endedAt === undefined ? "" : `, drain ${formatDuration(run.endedAt - window.endedAt)}`
  return `, sent for ${formatDuration(window.endedAt - window.startedAt)} (setup ${formatDuration(window.startedAt - run.startedAt)}${drain})`
}

/**
 * The `db stats` text: the run's header and one row per task.
 *
 * @example
 * io.stdout.write(renderRunRecordSummary(runId, summary))
 */
export function renderRunRecordSummary(runId: string, summary: RunSummaryRecord): string {
  const run = summary.run
  const header =
    run === undefined
      ? `Run ${runId} (not found in runs; metrics only)\n`
      : `Run ${run.id}: ${run.chain} (chain id ${run.chainId}), ${run.status}, started ${new Date(run.startedAt).toISOString()}${lasted(run)}${run.shard === undefined ? "" : `, shard ${run.shard}`}${run.seed === undefined ? "" : `, seed ${run.seed}`}\n`
  return `${header}\n${renderTaskSummaryTable(summary)}`
}
