/**
 * Campaigns: the shards of one plan share a campaign id, stored with each shard's run. An id is
 * either given (`--campaign NAME`, TESTNET_CAMPAIGN: a Kubernetes Job sets it from its own uid) or
 * derived: every shard of one plan computes the same fingerprint (chain, chain id, shard count and
 * the configuration), and the first shard to start names the campaign after it and its start time;
 * the others join that campaign through the shared database (ADR 0017).
 */
import { createHash } from "node:crypto"
import { sql, type Transaction } from "kysely"
import { sanitizeConfig } from "./sanitizeConfig.js"
import type { DatabaseSchema } from "./schema.js"

/**
 * How a starting run gets its campaign: a given id, or derived from the plan's fingerprint.
 *
 * @example
 * const named: CampaignChoice = { kind: "named", id: "soak-2026-12-03" }
 * const derived: CampaignChoice = { kind: "derived", prefix: "tempo-3f2a9c1b7d4e", shard: "2/4", joinWindowMs: 600_000 }
 */
export type CampaignChoice =
  | { kind: "named"; id: string }
  | {
      kind: "derived"
      /** `<chain>-<fingerprint>`: every shard of one plan computes the same. */
      prefix: string
      /** This run's shard, `"INDEX/COUNT"`: a campaign that has it already is not joined again. */
      shard: string
      /** A campaign whose first run started longer ago than this is not joined. */
      joinWindowMs: number
    }

/**
 * How long after a campaign's first shard started another shard of the same plan still joins it
 * (pods of one Job start within seconds to minutes of each other: image pulls, scheduling).
 *
 * @example
 * const choice: CampaignChoice = { kind: "derived", prefix, shard: "1/4", joinWindowMs: campaignJoinWindowMs }
 */
export const campaignJoinWindowMs = 15 * 60_000

/**
 * The prefix of a derived campaign id: the chain's name and 12 hex digits of SHA-256 over the chain
 * id, the shard count and the configuration snapshot stored with runs (secrets removed, keys
 * sorted). Shards started with the same configuration get the same prefix without talking.
 *
 * @example
 * campaignPrefix({ chain: "tempo", chainId: 42431, shardCount: 4, config }) // "tempo-3f2a9c1b7d4e"
 */
export function campaignPrefix(parameters: {
  chain: string
  chainId: number
  shardCount: number
  config: unknown
}): string {
  const canonical = canonicalJson({
    chainId: parameters.chainId,
    shardCount: parameters.shardCount,
    config: sanitizeConfig(parameters.config),
  })
  const digest = createHash("sha256").update(canonical).digest("hex").slice(0, 12)
  return `${parameters.chain.replace(/[^A-Za-z0-9_-]/g, "_")}-${digest}`
}

/**
 * A new derived campaign id: the prefix and the first shard's start, UTC to the second.
 *
 * @example
 * derivedCampaignId("tempo-3f2a9c1b7d4e", Date.UTC(2026, 11, 3, 14, 5, 9)) // "tempo-3f2a9c1b7d4e-20261203T140509Z"
 */
export function derivedCampaignId(prefix: string, startedAt: number): string {
  const stamp = new Date(startedAt)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z")
  return `${prefix}-${stamp}`
}

/**
 * The campaign a derived run joins, or a new one: the newest campaign with the same prefix that
 * started within the join window and has no run of this shard yet. Call it inside the transaction
 * that inserts the run; on PostgreSQL it first takes a transaction-scoped advisory lock on the
 * prefix, so shards starting at the same instant decide one after the other (SQLite serialises
 * writers by itself, and refuses cross-process campaigns anyway).
 *
 * @example
 * const campaign = await resolveCampaign(transaction, "postgres", choice, Date.now())
 */
export async function resolveCampaign(
  transaction: Transaction<DatabaseSchema>,
  dialect: "sqlite" | "postgres",
  choice: CampaignChoice,
  now: number,
): Promise<string> {
  if (choice.kind === "named") return choice.id
  if (dialect === "postgres")
    await sql`select pg_advisory_xact_lock(${advisoryKey(`campaign:${choice.prefix}`)})`.execute(transaction)
  const rows = await transaction
    .selectFrom("runs")
    .select(["campaign", "shard", "started_at"])
    .where("campaign", "like", `${choice.prefix}-%`)
    .where("started_at", ">=", now - choice.joinWindowMs)
    .execute()
  const byCampaign = new Map<string, { firstStart: number; shards: Set<string> }>()
  for (const row of rows) {
    if (row.campaign == null || !row.campaign.startsWith(`${choice.prefix}-`)) continue
    const entry = byCampaign.get(row.campaign) ?? { firstStart: Number(row.started_at), shards: new Set() }
    entry.firstStart = Math.min(entry.firstStart, Number(row.started_at))
    if (row.shard !== null) entry.shards.add(row.shard)
    byCampaign.set(row.campaign, entry)
  }
  const newest = [...byCampaign.entries()].sort((left, right) => right[1].firstStart - left[1].firstStart)[0]
  if (newest !== undefined && !newest[1].shards.has(choice.shard)) return newest[0]
  return derivedCampaignId(choice.prefix, now)
}

/**
 * A signed 64-bit advisory-lock key (PostgreSQL's `pg_advisory_lock(bigint)`) from a text: the first
 * 8 bytes of its SHA-256. Every process computes the same key for the same text.
 *
 * @example
 * advisoryKey("funding:31337:0xf39f…") // "-4115336154271164209"
 */
export function advisoryKey(text: string): string {
  return createHash("sha256").update(text).digest().readBigInt64BE(0).toString()
}

/** JSON with object keys sorted at every level, so equal values always give the same text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([left], [right]) =>
            left < right ? -1 : left > right ? 1 : 0,
          ),
        )
      : inner,
  )
}
