/**
 * Per-event callbacks of a run, for observers that need more than the periodic snapshot (the
 * Prometheus metrics: per-task counters, and histograms fed by every inclusion). Funding
 * transfers are not reported. Callbacks run on the hot path: O(1), no I/O, never throw.
 *
 * @example
 * const events: RunnerEvents = { transactionSent: (task) => sent.inc({ task }) }
 * createRunner({ ...parameters, events })
 */
export type RunnerEvents = {
  taskStarted?(task: string): void
  /** `code` is the error code of a failed task (undefined otherwise). */
  taskFinished?(
    task: string,
    outcome: "success" | "expected_failure" | "failure",
    code: string | undefined,
    durationMs: number,
  ): void
  transactionSent?(task: string): void
  transactionRejected?(task: string, code: string): void
  /** `latencyMs`: from the send to observing the including block (undefined for drops). */
  transactionSettled?(task: string, status: "included" | "reverted" | "dropped", latencyMs: number): void
}
