/**
 * Fixed-width time buckets over a run's active span. One second wide, unless the span needs
 * more than `maxBuckets` buckets (then the width grows to the next whole number of seconds).
 *
 * @example
 * const timeline = createTimeline({ startMs: 1_700_000_000_000, endMs: 1_700_000_010_000 })
 * timeline.time.length // 11
 * timeline.indexOf(1_700_000_003_500) // 3
 */
export type Timeline = {
  bucketSeconds: number
  /** Start of each bucket, Unix seconds. */
  time: number[]
  /** The bucket of a time (ms), clamped to the span. */
  indexOf(timeMs: number): number
  /** A zeroed series, one slot per bucket. */
  zeros(): number[]
}

/**
 * Creates a {@link Timeline}.
 *
 * @example
 * const timeline = createTimeline({ startMs, endMs })
 */
export function createTimeline(parameters: {
  startMs: number
  endMs: number
  maxBuckets?: number
}): Timeline {
  const maxBuckets = parameters.maxBuckets ?? 20_000
  const startSecond = Math.floor(parameters.startMs / 1000)
  const spanSeconds = Math.max(0, Math.floor(parameters.endMs / 1000) - startSecond) + 1
  const bucketSeconds = Math.max(1, Math.ceil(spanSeconds / maxBuckets))
  const length = Math.ceil(spanSeconds / bucketSeconds)
  const time = Array.from({ length }, (_unused, index) => startSecond + index * bucketSeconds)
  return {
    bucketSeconds,
    time,
    indexOf(timeMs) {
      const index = Math.floor((Math.floor(timeMs / 1000) - startSecond) / bucketSeconds)
      return Math.min(length - 1, Math.max(0, index))
    },
    zeros: () => new Array<number>(length).fill(0),
  }
}
