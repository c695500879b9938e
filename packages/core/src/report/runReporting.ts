import type { MetricsPortInUseErrorType } from "../errors/report.js"
import { instrumentRpc } from "../metrics/instrumentRpc.js"
import { createMetricsEvents } from "../metrics/observeRunner.js"
import { type RunMetricsService, serveRunMetrics } from "../metrics/serveRunMetrics.js"
import { labelShard } from "../metrics/shardLabels.js"
import type { ProxyDiagnostic } from "../proxy/proxyManager.js"
import { Ok, type Result } from "../result.js"
import type { RpcClient } from "../rpc/client.js"
import type { RunLoadInspection } from "../runner/load/runLoad.js"
import type { Runner } from "../runner/run/runner.js"
import type { RunnerEvents } from "../runner/runnerEvents.js"
import type { ChainFeeCurrency } from "../tasks/feeCurrency.js"
import { writeRunReport } from "./writeReport.js"

/**
 * What `start` adds around a run: the metrics endpoint and the end-of-run report, as hooks
 * to spread into `runLoad`'s options.
 *
 * @example
 * const reporting = (await startRunReporting({ metricsPort: 9464 })).unwrap()
 * const result = await runLoad({ chain, config, ...reporting.hooks })
 * await reporting.close()
 * if (reporting.reportPath() !== undefined) console.log(`Report: ${reporting.reportPath()}`)
 */
export type RunReporting = {
  hooks: {
    onProxies(proxies: { diagnose(): ProxyDiagnostic[] }): void
    onRunner(runner: Runner): void
    /** Labels the metrics with the run's shard and campaign once the run's row exists. */
    onRunOpened(run: {
      runId: string
      shard: { index: number; count: number } | undefined
      campaign: string | undefined
    }): void
    afterRun(inspection: RunLoadInspection): Promise<void>
    /** With a metrics port: per-task counters and every inclusion into the latency histogram. */
    events?: RunnerEvents
    /** With a metrics port: every RPC request into `testnet_rpc_request_duration_seconds`. */
    wrapRpc?: (rpc: RpcClient) => RpcClient
  }
  /** `http://127.0.0.1:<port>/metrics`, when a metrics port was given. */
  metricsUrl: string | undefined
  /** The metrics endpoint and its registry, when a metrics port was given. */
  metrics: RunMetricsService | undefined
  /** The report written after the run (undefined before, when disabled, or when writing failed). */
  reportPath(): string | undefined
  /** Why the report could not be written, if it could not (the run itself still succeeded). */
  reportError(): { code: string; message: string } | undefined
  /** Closes the metrics endpoint, after keeping it up `lingerMs` (`--metrics-linger`). */
  close(options?: { lingerMs?: number }): Promise<void>
}

/**
 * Binds the metrics endpoint first (a taken port fails before any work is done) and returns the
 * `onRunner` / `afterRun` hooks that attach the runner to it and write the HTML report while the
 * chain and the database are still open (so block totals come from the chain).
 *
 * @example
 * const reporting = await startRunReporting({ metricsPort: options.metricsPort, report: options.report !== false })
 * if (reporting.isErr()) return reporting
 */
export async function startRunReporting(parameters: {
  metricsPort?: number
  metricsHost?: string
  /** Write the HTML report at the end (default true). */
  report?: boolean
  reportDirectory?: string
  /** The chain's task names: the only `task` label values besides "other" (bounded cardinality). */
  tasks?: readonly string[]
  /** The chain's fee currency (the report's fees in units with symbols). */
  feeCurrency?: ChainFeeCurrency
}): Promise<Result<RunReporting, MetricsPortInUseErrorType>> {
  let metrics: RunMetricsService | undefined
  if (parameters.metricsPort !== undefined) {
    const served = await serveRunMetrics({
      port: parameters.metricsPort,
      ...(parameters.metricsHost === undefined ? {} : { host: parameters.metricsHost }),
    })
    if (served.isErr()) return served
    metrics = served.value
  }
  let reportPath: string | undefined
  // Given by runLoad before the runner exists (onProxies comes first), read by the metrics observer.
  let proxies: { diagnose(): ProxyDiagnostic[] } | undefined
  let reportError: { code: string; message: string } | undefined
  return Ok({
    hooks: {
      onProxies(opened) {
        proxies = opened
      },
      onRunOpened(run) {
        if (metrics !== undefined) labelShard(metrics.server.metrics.registry, run)
      },
      onRunner(runner) {
        // Gauges from the snapshots; counters and histograms from the events below.
        metrics?.attach({ runner, ...(proxies === undefined ? {} : { proxies }) }, { counters: false })
      },
      ...(metrics === undefined
        ? {}
        : {
            events: createMetricsEvents(metrics.server.metrics, {
              ...(parameters.tasks === undefined ? {} : { tasks: parameters.tasks }),
            }),
            wrapRpc: (rpc: RpcClient) => instrumentRpc(rpc, metrics.server.metrics),
          }),
      async afterRun({ database, runId, rpc }) {
        if (parameters.report === false) return
        const written = await writeRunReport({
          database,
          runId,
          rpc,
          ...(parameters.reportDirectory === undefined ? {} : { directory: parameters.reportDirectory }),
          ...(parameters.feeCurrency === undefined ? {} : { feeCurrency: parameters.feeCurrency }),
        })
        if (written.isOk()) reportPath = written.value
        else reportError = { code: written.error.code, message: written.error.shortMessage }
      },
    },
    metricsUrl: metrics?.url,
    metrics,
    reportPath: () => reportPath,
    reportError: () => reportError,
    close: async (options = {}) => {
      await metrics?.close(options)
    },
  })
}
