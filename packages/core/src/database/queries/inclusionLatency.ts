/**
 * The one definition of inclusion latency, shared by the CLI summary, `db stats`, the HTML report
 * and the equality test: `included_at − sent_at` of every journal row that reached a block, where
 * `included_at` is when the run OBSERVED the block (wall clock, the same clock as `sent_at`).
 * Rows of internal tasks (names starting with "_", e.g. `_funding`) are left out, as the live
 * statistics leave them out.
 */

/**
 * How a run's inclusion times were measured. `observed`: the run's clock when it saw the block
 * (schema version 3 onwards). `block-timestamp`: older rows, where `included_at` holds the block's
 * timestamp (1 s resolution, often before the send: differences below 0 are counted as 0).
 *
 * @example
 * const method: InclusionLatencyMethod = "observed"
 */
export type InclusionLatencyMethod = "observed" | "block-timestamp"

/**
 * The fields of a journal row the latency needs (raw column values: SQLite and PostgreSQL may
 * return bigint columns as strings).
 *
 * @example
 * const row: InclusionLatencyRow = { task: "transfer", sentAt: 1_700_000_000_000, includedAt: 1_700_000_000_812, blockTimestamp: 1_700_000_000_000 }
 */
export type InclusionLatencyRow = {
  task: string
  sentAt: number | string
  includedAt: number | string | null | undefined
  blockTimestamp?: number | string | null | undefined
}

/**
 * True when a task name is the runner's own (funding, reclaim), not a catalog task.
 *
 * @example
 * isInternalTask("_funding") // true
 */
export function isInternalTask(task: string): boolean {
  return task.startsWith("_")
}

/**
 * The method the rows were measured with: `observed` as soon as one included row carries a
 * block timestamp (written only by code that also writes the observed time).
 *
 * @example
 * inclusionLatencyMethod(rows) // "observed"
 */
export function inclusionLatencyMethod(rows: readonly InclusionLatencyRow[]): InclusionLatencyMethod {
  return rows.some((row) => row.includedAt != null && row.blockTimestamp != null)
    ? "observed"
    : "block-timestamp"
}

/**
 * Inclusion latencies in ms, ascending, of the rows that reached a block. Negative differences
 * (only possible with block timestamps) are counted as 0 and reported in `clampedToZero`.
 *
 * @example
 * const { samples } = inclusionLatencies(rows)
 * percentile(samples, 50) // 812
 */
export function inclusionLatencies(rows: readonly InclusionLatencyRow[]): {
  samples: number[]
  clampedToZero: number
  method: InclusionLatencyMethod
} {
  let clampedToZero = 0
  const samples: number[] = []
  for (const row of rows) {
    if (row.includedAt == null || isInternalTask(row.task)) continue
    const difference = Number(row.includedAt) - Number(row.sentAt)
    if (difference < 0) clampedToZero += 1
    samples.push(Math.max(0, difference))
  }
  samples.sort((left, right) => left - right)
  return { samples, clampedToZero, method: inclusionLatencyMethod(rows) }
}
