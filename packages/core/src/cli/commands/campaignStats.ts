import type { DatabaseManager } from "../../database/openDatabase.js"
import { campaignNotFound } from "../../report/campaignNotFound.js"
import { shardIdentity } from "../../report/shardIdentity.js"
import { Ok } from "../../result.js"
import type { CliContext, CommandResult } from "../context.js"
import { exitCodes } from "../exitCodes.js"
import { defaultTableWidth, formatDuration, formatPercent, renderTable } from "../table.js"
import { renderTaskSummaryTable } from "./taskSummaryTable.js"

/**
 * `db stats --campaign ID`: the campaign's shards merged per task (percentiles over every shard's
 * rows together), then one row per shard with its own totals; `--json` prints the same.
 *
 * @example
 * return campaignStats(context, options.campaign, options.json === true, manager)
 */
export async function campaignStats(
  context: CliContext,
  campaign: string,
  json: boolean,
  manager: DatabaseManager,
): Promise<CommandResult> {
  const summary = await manager.queries.campaignSummary({ campaign })
  if (summary.isErr()) return summary
  const { runs, shards } = summary.value
  if (runs.length === 0) return campaignNotFound(manager, campaign)
  if (json) {
    context.io.stdout.write(
      `${JSON.stringify(
        {
          campaign,
          tasks: summary.value.tasks,
          totals: summary.value.totals,
          shards: shards.map(({ run, totals }) => ({ ...shardIdentity(run), totals })),
        },
        (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
      )}\n`,
    )
    return Ok(exitCodes.ok)
  }
  const first = runs[0]
  const started = Math.min(...runs.map((run) => run.startedAt))
  const header = `Campaign ${campaign}: ${first?.chain} (chain id ${first?.chainId}), ${runs.length} shard run(s) on ${new Set(runs.map((run) => run.host)).size} host(s), started ${new Date(started).toISOString()}\n`
  const shardTable = renderTable(
    [
      { header: "shard" },
      { header: "run", shrink: true },
      { header: "status" },
      { header: "tasks", align: "right" },
      { header: "ok", align: "right" },
      { header: "txs", align: "right" },
      { header: "incl p50", align: "right" },
      { header: "incl p95", align: "right" },
    ],
    shards.map(({ run, totals }) => [
      run.shard ?? "–",
      run.id,
      run.status,
      String(totals.count),
      formatPercent(totals.successes, totals.count),
      String(totals.transactions),
      formatDuration(totals.p50InclusionMs),
      formatDuration(totals.p95InclusionMs),
    ]),
    { maxWidth: defaultTableWidth },
  )
  context.io.stdout.write(`${header}\n${renderTaskSummaryTable(summary.value)}\nPer shard:\n${shardTable}`)
  return Ok(exitCodes.ok)
}
