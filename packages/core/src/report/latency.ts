import { inclusionLatencies } from "../database/queries/inclusionLatency.js"
import { percentile } from "../database/queries/percentile.js"
import type { ReportTransactionRow } from "./loadRunRows.js"
import type { ReportLatency } from "./types.js"

const niceSteps = [1, 2, 2.5, 5, 10]

/** The smallest "round" width (1, 2, 2.5, 5 × 10^n ms, at least 1 ms) giving ≤ `maxBuckets` buckets. */
function niceWidth(maxMs: number, maxBuckets: number): number {
  const raw = Math.max(1, maxMs / maxBuckets)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = niceSteps.find((candidate) => candidate * magnitude >= raw) ?? 10
  return Math.max(1, step * magnitude)
}

/**
 * Inclusion latency (observed included_at − sent_at, see inclusionLatency.ts) of every
 * transaction that reached a block:
 * nearest-rank p50/p90/p99 and a histogram of at most `maxBuckets` equal-width buckets.
 *
 * @example
 * const latency = buildLatency(rows.transactions)
 * latency.p99Ms // 2140
 */
export function buildLatency(transactions: readonly ReportTransactionRow[], maxBuckets = 40): ReportLatency {
  const { samples, clampedToZero, method } = inclusionLatencies(transactions)
  const count = samples.length
  const maxMs = samples[count - 1]
  if (maxMs === undefined)
    return {
      count: 0,
      method,
      clampedToZero: 0,
      minMs: null,
      maxMs: null,
      meanMs: null,
      p50Ms: null,
      p90Ms: null,
      p95Ms: null,
      p99Ms: null,
      bucketWidthMs: 0,
      bucketMs: [],
      counts: [],
    }
  const width = niceWidth(maxMs, maxBuckets)
  const length = Math.floor(maxMs / width) + 1
  const counts = new Array<number>(length).fill(0)
  let sum = 0
  for (const sample of samples) {
    const index = Math.min(length - 1, Math.floor(sample / width))
    counts[index] = (counts[index] ?? 0) + 1
    sum += sample
  }
  return {
    count,
    method,
    clampedToZero,
    minMs: samples[0] ?? null,
    maxMs,
    meanMs: Math.round(sum / count),
    p50Ms: percentile(samples, 50) ?? null,
    p90Ms: percentile(samples, 90) ?? null,
    p95Ms: percentile(samples, 95) ?? null,
    p99Ms: percentile(samples, 99) ?? null,
    bucketWidthMs: width,
    bucketMs: counts.map((_count, index) => index * width),
    counts,
  }
}
