import type { Registry } from "prom-client"

/**
 * The labels every series of a shard's metrics carries, so one Prometheus (or Grafana) tells the
 * shards of a campaign apart and sums them: `shard` (1-based index), `shard_count` and
 * `campaign`. A lone run without a campaign gets none.
 *
 * @example
 * shardLabels({ shard: { index: 2, count: 4 }, campaign: "soak-1" }) // { shard: "2", shard_count: "4", campaign: "soak-1" }
 */
export function shardLabels(run: {
  shard: { index: number; count: number } | undefined
  campaign: string | undefined
}): Record<string, string> {
  return {
    ...(run.shard === undefined
      ? {}
      : { shard: String(run.shard.index), shard_count: String(run.shard.count) }),
    ...(run.campaign === undefined ? {} : { campaign: run.campaign }),
  }
}

/**
 * Puts the shard labels on every series of the registry (prom-client adds default labels when it
 * serialises, so series created before the call carry them too).
 *
 * @example
 * labelShard(metrics.registry, { shard: { index: 1, count: 4 }, campaign })
 */
export function labelShard(
  registry: Registry,
  run: { shard: { index: number; count: number } | undefined; campaign: string | undefined },
): void {
  registry.setDefaultLabels(shardLabels(run))
}
