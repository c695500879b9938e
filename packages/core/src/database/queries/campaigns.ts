import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import { type QueryContext, runQuery } from "./context.js"
import { type RunRecord, toRunRecord } from "./records.js"
import { type RunSummaryRecord, summariseRuns } from "./runSummary.js"

/**
 * The runs of a campaign (its shards), by shard then start.
 *
 * @example
 * const shards = (await campaignRuns(context, { campaign: "soak-1" })).unwrap()
 */
export function campaignRuns(
  context: QueryContext,
  parameters: { campaign: string },
): Promise<Result<RunRecord[], DatabaseErrorType>> {
  return runQuery(context, "read a campaign's runs", "runs", () =>
    selectCampaignRuns(context, parameters.campaign),
  )
}

async function selectCampaignRuns(context: QueryContext, campaign: string): Promise<RunRecord[]> {
  const rows = await context.db
    .selectFrom("runs")
    .selectAll()
    .where("campaign", "=", campaign)
    .orderBy("started_at")
    .orderBy("id")
    .execute()
  return rows.map(toRunRecord).sort((left, right) => shardIndex(left) - shardIndex(right))
}

/** "2/4" → 2; a run without a shard sorts first. */
function shardIndex(run: RunRecord): number {
  return Number(run.shard?.split("/")[0] ?? 0)
}

/**
 * The newest campaigns (for "did you mean" lists): id, chain, first start, number of runs.
 *
 * @example
 * const latest = (await latestCampaigns(context, { limit: 5 })).unwrap()
 */
export function latestCampaigns(
  context: QueryContext,
  parameters: { limit?: number } = {},
): Promise<Result<{ id: string; chain: string; startedAt: number; runs: number }[], DatabaseErrorType>> {
  return runQuery(context, "read the latest campaigns", "runs", async () => {
    const rows = await context.db
      .selectFrom("runs")
      .select((builder) => [
        "campaign",
        "chain",
        builder.fn.min("started_at").as("first_start"),
        builder.fn.countAll().as("runs"),
      ])
      .where("campaign", "is not", null)
      .groupBy(["campaign", "chain"])
      .orderBy("first_start", "desc")
      .limit(parameters.limit ?? 5)
      .execute()
    return rows.map((row) => ({
      id: String(row.campaign),
      chain: row.chain,
      startedAt: Number(row.first_start),
      runs: Number(row.runs),
    }))
  })
}

/**
 * A campaign's statistics: per task and in total over every shard's rows together, and each
 * shard's own totals.
 *
 * @example
 * const summary = (await campaignSummary(context, { campaign: "soak-1" })).unwrap()
 * console.log(summary.totals.transactions, summary.shards.map((shard) => shard.totals.transactions))
 */
export type CampaignSummaryRecord = {
  campaign: string
  runs: RunRecord[]
  tasks: RunSummaryRecord["tasks"]
  totals: RunSummaryRecord["totals"]
  shards: { run: RunRecord; totals: RunSummaryRecord["totals"] }[]
}

/**
 * Summary of a campaign (empty `runs` when no run belongs to it).
 *
 * @example
 * const summary = await campaignSummary(context, { campaign: "soak-1" })
 */
export function campaignSummary(
  context: QueryContext,
  parameters: { campaign: string },
): Promise<Result<CampaignSummaryRecord, DatabaseErrorType>> {
  return runQuery(context, "summarise a campaign", "task_metrics", async () => {
    const runs = await campaignRuns(context, parameters)
    if (runs.isErr()) throw runs.error.cause ?? runs.error
    const merged = await summariseRuns(
      context,
      runs.value.map((run) => run.id),
    )
    const shards = []
    for (const run of runs.value)
      shards.push({ run, totals: (await summariseRuns(context, [run.id])).totals })
    return { campaign: parameters.campaign, runs: runs.value, ...merged, shards }
  })
}
