import type { RunRecord } from "../database/queries/records.js"

/**
 * Which shard run a campaign row is about, as the campaign report and `db stats --campaign` show it.
 *
 * @example
 * const row = { ...shardIdentity(run), totals }
 */
export function shardIdentity(run: RunRecord) {
  return {
    runId: run.id,
    shard: run.shard ?? null,
    host: run.host,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.endedAt ?? null,
  }
}
