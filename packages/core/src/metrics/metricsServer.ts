import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { MetricsPortInUseError, type MetricsPortInUseErrorType } from "../errors/report.js"
import { Err, Ok, type Result } from "../result.js"
import { createRunMetrics, type RunMetrics } from "./runMetrics.js"

/**
 * A running `/metrics` endpoint.
 *
 * @example
 * const server = (await createMetricsServer({ port: 9464 })).unwrap()
 * server.metrics.transactionsSent.inc({ task: "transfer" })
 * await server.close()
 */
export type MetricsServer = {
  registry: RunMetrics["registry"]
  metrics: RunMetrics
  /** The bound port (the chosen one when `port` was 0). */
  port: number
  /** `http://host:port/metrics` */
  url: string
  close(): Promise<void>
}

/**
 * Serves the run metrics in the Prometheus text format on `GET /metrics` (default host
 * 127.0.0.1: scraping from elsewhere is an explicit choice). A taken port is a
 * {@link MetricsPortInUseError}.
 *
 * @example
 * const server = await createMetricsServer({ port: 9464 })
 * if (server.isErr()) console.error(server.error.message)
 */
export async function createMetricsServer(parameters: {
  port: number
  host?: string
  metrics?: RunMetrics
}): Promise<Result<MetricsServer, MetricsPortInUseErrorType>> {
  const host = parameters.host ?? "127.0.0.1"
  const metrics = parameters.metrics ?? createRunMetrics()
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0]
    if (request.method !== "GET" || (path !== "/metrics" && path !== "/")) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found: try /metrics\n")
      return
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { "content-type": "text/plain" }).end(`${String(error)}\n`),
    )
  })
  const listening = await listen(server, parameters.port, host)
  if (listening !== undefined)
    return Err(
      new MetricsPortInUseError({
        host,
        port: parameters.port,
        cause: listening,
      }) as MetricsPortInUseErrorType,
    )
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(":") ? `[${host}]` : host
  return Ok({
    registry: metrics.registry,
    metrics,
    port,
    url: `http://${urlHost}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  })
}

/** Resolves undefined once listening, or the listen error. */
function listen(server: Server, port: number, host: string): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const onError = (error: Error) => resolve(error)
    server.once("error", onError)
    server.listen(port, host, () => {
      server.off("error", onError)
      resolve(undefined)
    })
  })
}
