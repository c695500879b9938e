import type { ProxyDiagnostic } from "../proxy/proxyManager.js"
import type { RunSnapshot } from "../runner/statistics.js"
import type { RunMetrics } from "./runMetrics.js"

/**
 * What {@link observeRunner} reads. Only `snapshot` is required; the others feed their gauge
 * when given.
 *
 * @example
 * const sources: RunnerMetricsSources = { runner, recorder: database.recorder, proxies }
 */
export type RunnerMetricsSources = {
  runner: { snapshot(): RunSnapshot }
  recorder?: { stats(): { queued: number } }
  proxies?: { diagnose(): ProxyDiagnostic[] }
  nonceGaps?: () => number
}

/**
 * A running observation; `stop()` takes a last sample first, so the final counts are exported.
 *
 * @example
 * const observer = observeRunner({ runner }, metrics)
 * await runner.run()
 * observer.stop()
 */
export type RunnerObserver = { sample(): void; stop(): void }

/**
 * Label value of counters derived from snapshots, which have no per-task breakdown.
 *
 * @example
 * metrics.transactionsSent.get() // values labelled { task: allTasksLabel }
 */
export const allTasksLabel = "all"

/**
 * Polls the runner's `snapshot()` (once per second by default) into the metrics: gauges are
 * set, counters grow by the difference since the previous snapshot. The runner exposes no
 * per-transaction events, so snapshot-derived counters carry `task="all"` and failure codes
 * `REVERTED`, `REJECTED`, `DROPPED`, and the latency histogram stays empty. When the runner
 * forwards its events through {@link createMetricsEvents}, pass `counters: false` so that
 * nothing is counted twice.
 *
 * @example
 * const server = (await createMetricsServer({ port: 9464 })).unwrap()
 * const observer = observeRunner({ runner, recorder: database.recorder }, server.metrics)
 */
export function observeRunner(
  sources: RunnerMetricsSources,
  metrics: RunMetrics,
  options: { intervalMs?: number; counters?: boolean } = {},
): RunnerObserver {
  const deriveCounters = options.counters ?? true
  const previous = { sent: 0, included: 0, reverted: 0, rejected: 0, dropped: 0, succeeded: 0, failed: 0 }
  const grow = (key: keyof typeof previous, value: number, increment: (delta: number) => void) => {
    const delta = value - previous[key]
    if (delta > 0) increment(delta)
    previous[key] = Math.max(previous[key], value)
  }
  function sample() {
    const snapshot = sources.runner.snapshot()
    metrics.tasksInFlight.set(snapshot.tasksInFlight)
    metrics.transactionsPending.set(Math.max(0, snapshot.pendingTransactions))
    metrics.targetTps.set(snapshot.targetTps)
    metrics.currentTps.set(snapshot.currentTps)
    if (sources.recorder !== undefined) metrics.recorderQueueDepth.set(sources.recorder.stats().queued)
    if (sources.nonceGaps !== undefined) metrics.nonceGaps.set(sources.nonceGaps())
    if (sources.proxies !== undefined)
      for (const proxy of sources.proxies.diagnose())
        metrics.proxyUp.set(
          { proxy: proxy.proxy },
          proxy.status === "ok" || proxy.status === "unchecked" ? 1 : 0,
        )
    if (!deriveCounters) return
    const task = { task: allTasksLabel }
    grow("sent", snapshot.sent, (delta) => metrics.transactionsSent.inc(task, delta))
    grow("included", snapshot.included, (delta) => metrics.transactionsIncluded.inc(task, delta))
    grow("reverted", snapshot.reverted, (delta) =>
      metrics.transactionsFailed.inc({ ...task, code: "REVERTED" }, delta),
    )
    grow("rejected", snapshot.rejected, (delta) =>
      metrics.transactionsFailed.inc({ ...task, code: "REJECTED" }, delta),
    )
    grow("dropped", snapshot.dropped, (delta) =>
      metrics.transactionsFailed.inc({ ...task, code: "DROPPED" }, delta),
    )
    grow("succeeded", snapshot.tasksSucceeded, (delta) =>
      metrics.tasksFinished.inc({ outcome: "success" }, delta),
    )
    grow("failed", snapshot.tasksFailed, (delta) => metrics.tasksFinished.inc({ outcome: "failure" }, delta))
  }
  const timer = setInterval(sample, options.intervalMs ?? 1000)
  timer.unref()
  sample()
  return {
    sample,
    stop() {
      clearInterval(timer)
      sample()
    },
  }
}

/**
 * Exact per-task, per-code metric updates, shaped like the runner's submitter and receipt-tracker
 * callbacks (`onSent`, `onRejected`, `onSettled`), for a runner that forwards them.
 *
 * @example
 * const events = createMetricsEvents(metrics)
 * events.transactionSent("transfer")
 * events.transactionSettled("transfer", "included", 1800)
 */
export function createMetricsEvents(metrics: RunMetrics) {
  return {
    transactionSent(task: string) {
      metrics.transactionsSent.inc({ task })
    },
    transactionRejected(task: string, code: string) {
      metrics.transactionsFailed.inc({ task, code })
    },
    transactionSettled(task: string, status: "included" | "reverted" | "dropped", latencyMs: number) {
      if (status === "included") metrics.transactionsIncluded.inc({ task })
      else metrics.transactionsFailed.inc({ task, code: status === "reverted" ? "REVERTED" : "DROPPED" })
      if (status !== "dropped") metrics.inclusionLatency.observe({ task }, latencyMs / 1000)
    },
    taskFinished(outcome: "success" | "failure") {
      metrics.tasksFinished.inc({ outcome })
    },
  }
}
