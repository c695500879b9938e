import type { ProxyDiagnostic } from "../proxy/proxyManager.js"
import type { RunnerEvents } from "../runner/runnerEvents.js"
import type { RunSnapshot } from "../runner/statistics/statistics.js"
import { codeLabel, createTaskLabeler, methodLabel } from "./labels.js"
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
 * Polls the runner's `snapshot()` (once per second by default) into the gauges. With
 * `counters: true` (for a runner without events), counters also grow by the difference since the
 * previous snapshot, labelled `task="all"` and codes `REVERTED`, `REJECTED`, `DROPPED`. A run
 * started through `runLoad` forwards its events through {@link createMetricsEvents} instead
 * (exact per-task counters and the latency histogram): pass `counters: false` then, so that
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
  // The proxy manager keeps running totals; the counters grow by the difference since the last sample.
  const proxyTotals = new Map<string, { requests: number; failures: number; bans: number }>()
  function growProxy(proxy: ProxyDiagnostic) {
    const label = { proxy: proxy.proxy }
    const last = proxyTotals.get(proxy.proxy) ?? { requests: 0, failures: 0, bans: 0 }
    const now = { requests: proxy.successes + proxy.failures, failures: proxy.failures, bans: proxy.bans }
    if (now.requests > last.requests) metrics.proxyRequests.inc(label, now.requests - last.requests)
    if (now.failures > last.failures) metrics.proxyFailures.inc(label, now.failures - last.failures)
    if (now.bans > last.bans) metrics.proxyBans.inc(label, now.bans - last.bans)
    proxyTotals.set(proxy.proxy, {
      requests: Math.max(now.requests, last.requests),
      failures: Math.max(now.failures, last.failures),
      bans: Math.max(now.bans, last.bans),
    })
  }
  function sample() {
    const snapshot = sources.runner.snapshot()
    metrics.tasksInFlight.set(snapshot.tasksInFlight)
    metrics.transactionsPending.set(Math.max(0, snapshot.pendingTransactions))
    metrics.targetTaskStartsPerSecond.set(snapshot.targetTps)
    metrics.taskStartsPerSecond.set(snapshot.currentTaskStartsPerSecond)
    metrics.transactionsPerSecond.set(snapshot.currentTps)
    if (sources.recorder !== undefined) metrics.recorderQueueDepth.set(sources.recorder.stats().queued)
    if (sources.nonceGaps !== undefined) metrics.nonceGaps.set(sources.nonceGaps())
    if (sources.proxies !== undefined)
      for (const proxy of sources.proxies.diagnose()) {
        metrics.proxyUp.set(
          { proxy: proxy.proxy },
          proxy.status === "ok" || proxy.status === "unchecked" ? 1 : 0,
        )
        growProxy(proxy)
      }
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
      metrics.tasksFinished.inc({ ...task, outcome: "success", code: "none" }, delta),
    )
    grow("failed", snapshot.tasksFailed, (delta) =>
      metrics.tasksFinished.inc({ ...task, outcome: "failure", code: "other" }, delta),
    )
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
 * Exact per-task, per-code metric updates as {@link RunnerEvents} (pass them to `runLoad`'s
 * `events`): counters labelled by task, outcome and code, and the inclusion-latency histogram fed
 * by every inclusion. Labels stay bounded: task names from `tasks` (the chain's catalog; others
 * become "other"), codes from a fixed list (labels.ts).
 *
 * @example
 * const events = createMetricsEvents(metrics, { tasks: ["transfer"] })
 * events.transactionSent("transfer")
 * events.transactionSettled("transfer", "included", 1800)
 */
export function createMetricsEvents(
  metrics: RunMetrics,
  options: { tasks?: readonly string[] } = {},
): Required<RunnerEvents> {
  const taskLabel = createTaskLabeler(options.tasks)
  return {
    taskStarted(task) {
      metrics.tasksStarted.inc({ task: taskLabel(task) })
    },
    taskFinished(task, outcome, code) {
      metrics.tasksFinished.inc({ task: taskLabel(task), outcome, code: codeLabel(code) })
    },
    transactionSent(task) {
      metrics.transactionsSent.inc({ task: taskLabel(task) })
    },
    transactionRejected(task, code) {
      metrics.transactionsFailed.inc({ task: taskLabel(task), code: codeLabel(code) })
    },
    transactionSettled(task, status, latencyMs) {
      const label = taskLabel(task)
      if (status === "included") metrics.transactionsIncluded.inc({ task: label })
      else
        metrics.transactionsFailed.inc({ task: label, code: status === "reverted" ? "REVERTED" : "DROPPED" })
      if (status !== "dropped") metrics.inclusionLatency.observe({ task: label }, latencyMs / 1000)
    },
  }
}

/**
 * Records one RPC request's duration (seconds) under bounded labels: the method and `ok` or the
 * error code.
 *
 * @example
 * observeRpcRequest(metrics, "eth_blockNumber", undefined, 12)
 */
export function observeRpcRequest(
  metrics: RunMetrics,
  method: string,
  errorCode: string | undefined,
  durationMs: number,
): void {
  metrics.rpcRequestDuration.observe(
    { method: methodLabel(method), outcome: errorCode === undefined ? "ok" : codeLabel(errorCode) },
    durationMs / 1000,
  )
}
