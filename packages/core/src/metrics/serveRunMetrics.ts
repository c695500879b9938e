import type { MetricsPortInUseErrorType } from "../errors/report.js"
import { Ok, type Result } from "../result.js"
import { createMetricsServer, type MetricsServer } from "./metricsServer.js"
import { observeRunner, type RunnerMetricsSources, type RunnerObserver } from "./observeRunner.js"

/**
 * The `--metrics-port` service of a run: the endpoint, and the runner it watches once attached.
 *
 * @example
 * const service = (await serveRunMetrics({ port: 9464 })).unwrap()
 * await runLoad({ chain, config, onRunner: (runner) => service.attach({ runner }) })
 * await service.close()
 */
export type RunMetricsService = {
  server: MetricsServer
  url: string
  /**
   * Starts polling the runner (and the optional sources) into the gauges. A second call replaces
   * the first. `counters: true` also derives `task="all"` counters from the snapshots — only for a
   * runner whose events are not forwarded (the default, `false`, expects `createMetricsEvents`).
   */
  attach(sources: RunnerMetricsSources, options?: { counters?: boolean }): void
  /**
   * Takes a last sample, stops polling, keeps the endpoint up `lingerMs` more (so a scraper gets
   * the final values) and closes it.
   */
  close(options?: { lingerMs?: number }): Promise<void>
}

/**
 * Starts the metrics endpoint before a run (so a taken port fails fast, before any work) and
 * returns a handle to attach the runner once it exists.
 *
 * @example
 * const service = await serveRunMetrics({ port: options.metricsPort })
 * if (service.isErr()) return service
 * io.stderr.write(`Metrics: ${service.value.url}\n`)
 */
export async function serveRunMetrics(parameters: {
  port: number
  host?: string
  intervalMs?: number
}): Promise<Result<RunMetricsService, MetricsPortInUseErrorType>> {
  const server = await createMetricsServer({
    port: parameters.port,
    ...(parameters.host === undefined ? {} : { host: parameters.host }),
  })
  if (server.isErr()) return server
  let observer: RunnerObserver | undefined
  return Ok({
    server: server.value,
    url: server.value.url,
    attach(sources, options = {}) {
      observer?.stop()
      observer = observeRunner(sources, server.value.metrics, {
        counters: options.counters ?? false,
        ...(parameters.intervalMs === undefined ? {} : { intervalMs: parameters.intervalMs }),
      })
    },
    async close(options = {}) {
      observer?.stop()
      observer = undefined
      const lingerMs = options.lingerMs ?? 0
      if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs))
      await server.value.close()
    },
  })
}
