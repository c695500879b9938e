import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import type { DatabaseErrorType } from "../errors/database.js"
import type { Result } from "../result.js"
import { type CampaignChoice, resolveCampaign } from "./campaigns.js"
import { type QueryContext, runQuery } from "./queries/context.js"
import type { RunRecord } from "./queries/records.js"
import { sanitizeConfig } from "./sanitizeConfig.js"
import type { RunProxyStats, RunStatus } from "./schema.js"

/**
 * What a run records about itself when it starts.
 *
 * @example
 * const parameters: CreateRunParameters = { chain: "tempo", chainId: 42431, config, toolVersion: "0.1.0" }
 */
export type CreateRunParameters = {
  chain: string
  chainId: number
  /** Snapshot of the configuration; secrets are removed before it is stored. */
  config: unknown
  toolVersion: string
  /** Defaults to the machine's host name. */
  host?: string
  /** E.g. "2/4" when several machines share one database. */
  shard?: string
  /** Defaults to a random UUID. */
  id?: string
  /** Defaults to now (ms). */
  startedAt?: number
  /** The seed of the run's random choices, so the run can be replayed. */
  seed?: string
  /** The campaign this run is a shard of: a given id, or one to join or start (campaigns.ts). */
  campaign?: CampaignChoice
}

/**
 * Inserts a `runs` row with status "running".
 *
 * @example
 * const run = await createRun(context, { chain: "tempo", chainId: 42431, config, toolVersion: "0.1.0" })
 */
export function createRun(
  context: QueryContext,
  parameters: CreateRunParameters,
): Promise<Result<RunRecord, DatabaseErrorType>> {
  return runQuery(context, "create a run", "runs", async () => {
    const config = sanitizeConfig(parameters.config ?? {})
    const record: RunRecord = {
      id: parameters.id ?? randomUUID(),
      chain: parameters.chain,
      chainId: parameters.chainId,
      host: parameters.host ?? hostname(),
      shard: parameters.shard,
      startedAt: parameters.startedAt ?? Date.now(),
      endedAt: undefined,
      status: "running",
      config: (typeof config === "object" && config !== null ? config : { value: config }) as Record<
        string,
        unknown
      >,
      toolVersion: parameters.toolVersion,
      seed: parameters.seed,
    }
    const row = {
      id: record.id,
      chain: record.chain,
      chain_id: record.chainId,
      host: record.host,
      shard: record.shard ?? null,
      started_at: record.startedAt,
      ended_at: null,
      status: record.status,
      config: JSON.stringify(record.config),
      tool_version: record.toolVersion,
      pid: process.pid,
      heartbeat_at: record.startedAt,
      seed: parameters.seed ?? null,
    }
    const choice = parameters.campaign
    if (choice === undefined) {
      await context.db.insertInto("runs").values(row).execute()
      return record
    }
    // Deciding which campaign to join and inserting the run are one transaction (and, on
    // PostgreSQL, one advisory lock): two shards starting together cannot both found a campaign.
    const campaign = await context.db.transaction().execute(async (transaction) => {
      const id = await resolveCampaign(transaction, context.dialect, choice, record.startedAt)
      await transaction
        .insertInto("runs")
        .values({ ...row, campaign: id })
        .execute()
      return id
    })
    return { ...record, campaign }
  })
}

/**
 * Marks a run finished with its final status and end time.
 *
 * @example
 * await finishRun(context, { runId, status: "completed" })
 */
export function finishRun(
  context: QueryContext,
  parameters: {
    runId: string
    status: Exclude<RunStatus, "running">
    endedAt?: number
    /** The sending window (Unix ms), when the run got that far. */
    sendingWindow?: { startedAt: number; endedAt: number }
    /** Requests, failures and bans per proxy (masked URLs), stored with the run. */
    proxyStats?: readonly RunProxyStats[]
  },
): Promise<Result<void, DatabaseErrorType>> {
  return runQuery(context, "finish a run", "runs", async () => {
    const window = parameters.sendingWindow
    await context.db
      .updateTable("runs")
      .set({
        status: parameters.status,
        ended_at: parameters.endedAt ?? Date.now(),
        ...(window === undefined
          ? {}
          : { sending_started_at: window.startedAt, sending_ended_at: window.endedAt }),
        ...(parameters.proxyStats === undefined || parameters.proxyStats.length === 0
          ? {}
          : { proxy_stats: JSON.stringify(parameters.proxyStats) }),
      })
      .where("id", "=", parameters.runId)
      .execute()
  })
}
