import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client"

/**
 * The run's Prometheus metrics, registered in one (non-global) registry. Names follow the
 * Prometheus conventions: `_total` counters, base units (seconds), `testnet_` prefix.
 *
 * @example
 * const metrics = createRunMetrics()
 * metrics.transactionsSent.inc({ task: "transfer" })
 * const text = await metrics.registry.metrics()
 */
export type RunMetrics = {
  registry: Registry
  /** `testnet_tasks_started_total{task}` */
  tasksStarted: Counter<"task">
  /** `testnet_transactions_sent_total{task}` */
  transactionsSent: Counter<"task">
  /** `testnet_transactions_included_total{task}` */
  transactionsIncluded: Counter<"task">
  /** `testnet_transactions_failed_total{task,code}`: reverted, rejected by the node, dropped. */
  transactionsFailed: Counter<"task" | "code">
  /** `testnet_tasks_finished_total{task,outcome,code}` (`success` | `expected_failure` | `failure`; code "none" on success). */
  tasksFinished: Counter<"task" | "outcome" | "code">
  /** `testnet_inclusion_latency_seconds` */
  inclusionLatency: Histogram<"task">
  /** `testnet_tasks_in_flight` */
  tasksInFlight: Gauge
  /** `testnet_transactions_pending`: sent, not yet included, reverted or dropped. */
  transactionsPending: Gauge
  /** `testnet_target_task_starts_per_second`: the target (`--tps`), task starts, not transactions. */
  targetTaskStartsPerSecond: Gauge
  /** `testnet_task_starts_per_second`: achieved task starts per second over the last seconds. */
  taskStartsPerSecond: Gauge
  /** `testnet_transactions_sent_per_second`: achieved sends per second over the last seconds. */
  transactionsPerSecond: Gauge
  /** `testnet_nonce_gaps`: lanes waiting on a missing nonce. */
  nonceGaps: Gauge
  /** `testnet_proxy_up{proxy}`: 1 when the proxy is usable, 0 when failing or banned. */
  proxyUp: Gauge<"proxy">
  /** `testnet_proxy_requests_total{proxy}`: requests that went through the proxy (answered or failed). */
  proxyRequests: Counter<"proxy">
  /** `testnet_proxy_failures_total{proxy}`: requests through the proxy that failed at the proxy. */
  proxyFailures: Counter<"proxy">
  /** `testnet_proxy_bans_total{proxy}`: times the proxy was banned. */
  proxyBans: Counter<"proxy">
  /** `testnet_rpc_request_duration_seconds{method,outcome}` */
  rpcRequestDuration: Histogram<"method" | "outcome">
  /** `testnet_recorder_queue_depth`: rows waiting to be written. */
  recorderQueueDepth: Gauge
}

/** Seconds; spans sub-second devnets to slow public testnets. */
const latencyBuckets = [0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 60, 120]
const rpcBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * Creates the run metrics in a fresh registry (or the given one). Without `withDefaults: false`
 * the process metrics of prom-client (CPU, memory, event loop lag) are registered too.
 *
 * @example
 * const metrics = createRunMetrics({ withDefaults: false })
 */
export function createRunMetrics(options: { registry?: Registry; withDefaults?: boolean } = {}): RunMetrics {
  const registry = options.registry ?? new Registry()
  const registers = [registry]
  const metrics: RunMetrics = {
    registry,
    tasksStarted: new Counter({
      name: "testnet_tasks_started_total",
      help: "Task executions started, by task",
      labelNames: ["task"],
      registers,
    }),
    transactionsSent: new Counter({
      name: "testnet_transactions_sent_total",
      help: "Transactions broadcast by the run",
      labelNames: ["task"],
      registers,
    }),
    transactionsIncluded: new Counter({
      name: "testnet_transactions_included_total",
      help: "Transactions included in a block with status 1",
      labelNames: ["task"],
      registers,
    }),
    transactionsFailed: new Counter({
      name: "testnet_transactions_failed_total",
      help: "Transactions reverted, rejected by the node or dropped, by error code",
      labelNames: ["task", "code"],
      registers,
    }),
    tasksFinished: new Counter({
      name: "testnet_tasks_finished_total",
      help: "Task executions finished, by task, outcome and error code",
      labelNames: ["task", "outcome", "code"],
      registers,
    }),
    inclusionLatency: new Histogram({
      name: "testnet_inclusion_latency_seconds",
      help: "Time from sending a transaction to observing the block that includes it",
      labelNames: ["task"],
      buckets: latencyBuckets,
      registers,
    }),
    tasksInFlight: new Gauge({ name: "testnet_tasks_in_flight", help: "Tasks running now", registers }),
    transactionsPending: new Gauge({
      name: "testnet_transactions_pending",
      help: "Transactions sent and not yet settled",
      registers,
    }),
    targetTaskStartsPerSecond: new Gauge({
      name: "testnet_target_task_starts_per_second",
      help: "Target task starts per second (--tps)",
      registers,
    }),
    taskStartsPerSecond: new Gauge({
      name: "testnet_task_starts_per_second",
      help: "Task starts per second over the last few seconds",
      registers,
    }),
    transactionsPerSecond: new Gauge({
      name: "testnet_transactions_sent_per_second",
      help: "Transactions sent per second over the last few seconds",
      registers,
    }),
    nonceGaps: new Gauge({ name: "testnet_nonce_gaps", help: "Nonce lanes waiting on a gap", registers }),
    proxyUp: new Gauge({
      name: "testnet_proxy_up",
      help: "1 when the proxy is usable, 0 when failing or banned",
      labelNames: ["proxy"],
      registers,
    }),
    proxyRequests: new Counter({
      name: "testnet_proxy_requests_total",
      help: "Requests that went through the proxy (masked URL), answered or failed",
      labelNames: ["proxy"],
      registers,
    }),
    proxyFailures: new Counter({
      name: "testnet_proxy_failures_total",
      help: "Requests through the proxy (masked URL) that failed at the proxy",
      labelNames: ["proxy"],
      registers,
    }),
    proxyBans: new Counter({
      name: "testnet_proxy_bans_total",
      help: "Times the proxy (masked URL) was banned",
      labelNames: ["proxy"],
      registers,
    }),
    rpcRequestDuration: new Histogram({
      name: "testnet_rpc_request_duration_seconds",
      help: "JSON-RPC request duration by method and outcome (ok or error code)",
      labelNames: ["method", "outcome"],
      buckets: rpcBuckets,
      registers,
    }),
    recorderQueueDepth: new Gauge({
      name: "testnet_recorder_queue_depth",
      help: "Rows waiting in the recorder's queue",
      registers,
    }),
  }
  // Collected on scrape (no timers): process CPU, memory, event-loop lag, as testnet_process_… .
  if (options.withDefaults ?? true) {
    collectDefaultMetrics({ register: registry, prefix: "testnet_" })
    dropTotalGauges(registry)
  }
  return metrics
}

/**
 * prom-client's default metrics include gauges named `*_total` (`nodejs_active_handles_total` …),
 * which the Prometheus conventions reserve for counters (`promtool check metrics` fails on them).
 * They are dropped: the same counts stay available, by type, as `testnet_nodejs_active_handles`,
 * `testnet_nodejs_active_requests` and `testnet_nodejs_active_resources` (sum them for the total).
 */
function dropTotalGauges(registry: Registry) {
  for (const metric of registry.getMetricsAsArray()) {
    const { name } = metric
    if (name.endsWith("_total") && metric instanceof Gauge) registry.removeSingleMetric(name)
  }
}
