// Opens the run's database row: crashed runs are settled first, then this run is created with its
// seed and kept alive by a heartbeat.
import { type CampaignChoice, campaignJoinWindowMs, campaignPrefix } from "../../database/campaigns.js"
import type { DatabaseManager } from "../../database/openDatabase.js"
import { openDatabase } from "../../database/openDatabase.js"
import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import { createRandom } from "../../tasks/random.js"
import { type CrashRecoveryReport, recoverCrashedRuns } from "../lifecycle/crashRecovery.js"
import type { RunnerLogger } from "../ports.js"
import type { ConnectedChain } from "./connectChain.js"
import type { LoadResources } from "./loadResources.js"
import type { RunLoadOptions } from "./runLoadOptions.js"
import { formatShard } from "./shard.js"

/**
 * The database and the row of a load run that has just been created.
 *
 * @example
 * const { database, runId, seed } = (await openLoadRun(options, connected, databaseUrl, resources, logger)).unwrap()
 */
export type OpenedLoadRun = {
  database: DatabaseManager
  databaseUrl: string
  runId: string
  seed: number
  /** The campaign the run is a shard of (undefined for a lone run). */
  campaign: string | undefined
  recovery: CrashRecoveryReport | undefined
}

/**
 * Opens the database, recovers crashed runs and creates this run's row; records the database, the
 * open run and its heartbeat in `resources`.
 *
 * @example
 * const opened = await openLoadRun(options, connected, databaseUrl, resources, logger)
 * if (opened.isErr()) return opened
 */
export async function openLoadRun(
  options: RunLoadOptions,
  connected: ConnectedChain,
  databaseUrl: string,
  resources: LoadResources,
  logger: RunnerLogger,
): Promise<Result<OpenedLoadRun, BaseError>> {
  const { chain, config } = options
  const { rpc, chainId } = connected
  const opened = await openDatabase({ url: databaseUrl })
  if (opened.isErr()) return opened
  const database = opened.value
  resources.database = database
  // Before this run exists: close what crashed runs left open and settle their pending rows from
  // the chain (an embedded devnet is a new chain: its rows cannot be looked up there).
  const recovered = await recoverCrashedRuns({
    rpc,
    database,
    chainId,
    reconcileTransactions: !connected.useDevnet,
    logger,
  })
  if (recovered.isErr()) logger.warn({ code: recovered.error.code }, "crash recovery failed")
  const recovery = recovered.isOk() ? recovered.value : undefined
  // One seed for every random choice (wallet order, task picks, delays), drawn when none is
  // configured, stored and printed so any run can be replayed with --seed.
  const seed = config.seed ?? createRandom().seed
  const run = await database.createRun({
    chain: chain.name,
    chainId,
    config,
    seed: String(seed),
    toolVersion: options.toolVersion ?? chain.version,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.shard === undefined ? {} : { shard: formatShard(options.shard) }),
    ...campaignOf(options, chainId),
  })
  if (run.isErr()) return run
  const runId = run.value.id
  const campaign = run.value.campaign
  options.onRunOpened?.({ runId, shard: options.shard, campaign })
  resources.openRunId = runId
  // A heartbeat, so a start elsewhere (shared database) can tell this run from a crashed one.
  resources.heartbeat = setInterval(() => void database.heartbeat(runId), 10_000)
  resources.heartbeat.unref()
  return Ok({ database, databaseUrl, runId, seed, campaign, recovery })
}

/** A given campaign, else for a shard of several the one derived from the plan, else none. */
function campaignOf(options: RunLoadOptions, chainId: number): { campaign?: CampaignChoice } {
  if (options.campaign !== undefined) return { campaign: { kind: "named", id: options.campaign } }
  const { shard } = options
  if (shard === undefined || shard.count < 2) return {}
  const prefix = campaignPrefix({
    chain: options.chain.name,
    chainId,
    shardCount: shard.count,
    config: options.config,
  })
  return {
    campaign: { kind: "derived", prefix, shard: formatShard(shard), joinWindowMs: campaignJoinWindowMs },
  }
}
