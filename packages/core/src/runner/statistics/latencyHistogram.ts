/**
 * Constant-memory latency distribution: logarithmic buckets 2% wide, so p50/p95 are within ~1%
 * whatever the run length (no per-sample arrays on the hot path).
 *
 * @example
 * const histogram = createLatencyHistogram()
 * histogram.add(812)
 * histogram.percentile(0.5) // ≈ 812
 */
export type LatencyHistogram = {
  add(valueMs: number): void
  percentile(fraction: number): number | undefined
  readonly count: number
}

const growth = Math.log(1.02)

/**
 * Creates an empty histogram.
 *
 * @example
 * const durations = createLatencyHistogram()
 */
export function createLatencyHistogram(): LatencyHistogram {
  const buckets = new Map<number, number>()
  let count = 0
  return {
    add(valueMs) {
      const bucket = Math.floor(Math.log1p(Math.max(0, valueMs)) / growth)
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1)
      count += 1
    },
    percentile(fraction) {
      if (count === 0) return undefined
      const rank = Math.max(1, Math.ceil(fraction * count))
      let seen = 0
      for (const bucket of [...buckets.keys()].sort((left, right) => left - right)) {
        seen += buckets.get(bucket) ?? 0
        // Middle of the bucket, back in milliseconds.
        if (seen >= rank) return Math.round(Math.expm1((bucket + 0.5) * growth))
      }
      return undefined
    },
    get count() {
      return count
    },
  }
}
