import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../database/openDatabase.js"
import { createProxyManager } from "../proxy/proxyManager.js"
import { startRunReporting } from "../report/runReporting.js"
import { runShortLoad } from "../report/testing/shortRun.js"
import type { Runner } from "../runner/runner.js"
import type { RunSnapshot } from "../runner/statistics.js"
import { instrumentRpc } from "./instrumentRpc.js"
import { createMetricsServer } from "./metricsServer.js"
import { createMetricsEvents, observeRunner } from "./observeRunner.js"
import { createRunMetrics } from "./runMetrics.js"

const directory = mkdtempSync(join(tmpdir(), "metrics-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** `name{labels} value` lines of a scrape, as a map (comments dropped). */
function parseScrape(text: string): Map<string, number> {
  const values = new Map<string, number>()
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue
    const space = line.lastIndexOf(" ")
    values.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return values
}

async function scrape(
  url: string,
): Promise<{ status: number; type: string; values: Map<string, number>; text: string }> {
  const response = await fetch(url)
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    values: parseScrape(text),
    text,
  }
}

describe("Prometheus metrics", () => {
  it("are scraped over HTTP during a real run on the embedded devnet, and move", async () => {
    const reporting = (await startRunReporting({ metricsPort: 0, reportDirectory: directory })).unwrap()
    const url = reporting.metricsUrl ?? ""
    const scrapes: Map<string, number>[] = []
    let timer: ReturnType<typeof setInterval> | undefined
    let rpcScrape = ""
    try {
      const report = await runShortLoad({
        directory,
        durationSeconds: 4,
        targetTps: 20,
        onRunner: (runner: Runner) => {
          reporting.hooks.onRunner(runner)
          timer = setInterval(() => {
            scrape(url).then(
              (result) => scrapes.push(result.values),
              () => undefined,
            )
          }, 500)
        },
        afterRun: async (inspection) => {
          const metrics = createRunMetrics({ withDefaults: false })
          const instrumented = instrumentRpc(inspection.rpc, metrics)
          ;(await instrumented.request<string>("eth_blockNumber", [])).unwrap()
          rpcScrape = await metrics.registry.metrics()
          await reporting.hooks.afterRun(inspection)
        },
      })
      clearInterval(timer)
      const overHttp = await scrape(url)
      expect(overHttp.status).toBe(200)
      expect(overHttp.type).toContain("text/plain")
      // The report of the run was written at its end, while the devnet was still up.
      expect(reporting.reportError()).toBeUndefined()
      expect(reporting.reportPath()).toBe(join(directory, `runnertest-${report.runId}.html`))
      // close() takes a last sample first: the final counts match the run's summary exactly.
      await reporting.close()
      const text = (await reporting.metrics?.server.registry.metrics()) ?? ""
      const final = { text, values: parseScrape(text) }
      for (const name of [
        "testnet_transactions_sent_total",
        "testnet_transactions_included_total",
        "testnet_transactions_failed_total",
        "testnet_tasks_finished_total",
        "testnet_inclusion_latency_seconds",
        "testnet_tasks_in_flight",
        "testnet_transactions_pending",
        "testnet_current_tps",
        "testnet_nonce_gaps",
        "testnet_proxy_up",
        "testnet_rpc_request_duration_seconds",
        "testnet_recorder_queue_depth",
        "testnet_process_cpu_user_seconds_total",
      ])
        expect(final.text, name).toContain(`# TYPE ${name} `)
      const { summary } = report
      expect(final.values.get('testnet_transactions_sent_total{task="all"}')).toBe(summary.transactions.sent)
      expect(final.values.get('testnet_transactions_included_total{task="all"}')).toBe(
        summary.transactions.included,
      )
      expect(final.values.get("testnet_target_tps")).toBe(20)

      // Values moved while the run was going: the sent counter grew between scrapes, work was in flight.
      const sent = scrapes.map((values) => values.get('testnet_transactions_sent_total{task="all"}') ?? 0)
      expect(scrapes.length).toBeGreaterThanOrEqual(4)
      expect(new Set(sent).size).toBeGreaterThanOrEqual(3)
      expect([...sent].sort((left, right) => left - right)).toEqual(sent)
      expect(
        Math.max(...scrapes.map((values) => values.get("testnet_tasks_in_flight") ?? 0)),
      ).toBeGreaterThan(0)
      expect(Math.max(...scrapes.map((values) => values.get("testnet_current_tps") ?? 0))).toBeGreaterThan(0)
      expect(rpcScrape).toMatch(
        /testnet_rpc_request_duration_seconds_count\{method="eth_blockNumber",outcome="ok"\} 1/,
      )
    } finally {
      clearInterval(timer)
      await reporting.close()
    }
  }, 60_000)

  it("counts per task and code, and observes latency, through the runner events", async () => {
    const metrics = createRunMetrics({ withDefaults: false })
    const events = createMetricsEvents(metrics)
    events.transactionSent("transfer")
    events.transactionSent("transfer")
    events.transactionSettled("transfer", "included", 1500)
    events.transactionSettled("transfer", "reverted", 900)
    events.transactionRejected("deploy", "RPC_NONCE_TOO_LOW")
    const values = parseScrape(await metrics.registry.metrics())
    expect(values.get('testnet_transactions_sent_total{task="transfer"}')).toBe(2)
    expect(values.get('testnet_transactions_included_total{task="transfer"}')).toBe(1)
    expect(values.get('testnet_transactions_failed_total{task="transfer",code="REVERTED"}')).toBe(1)
    expect(values.get('testnet_transactions_failed_total{task="deploy",code="RPC_NONCE_TOO_LOW"}')).toBe(1)
    expect(values.get('testnet_inclusion_latency_seconds_bucket{le="1",task="transfer"}')).toBe(1)
    expect(values.get('testnet_inclusion_latency_seconds_bucket{le="2",task="transfer"}')).toBe(2)
    expect(values.get('testnet_inclusion_latency_seconds_sum{task="transfer"}')).toBe(2.4)
  })

  it("sets the recorder, proxy and nonce-gap gauges from real sources", async () => {
    const metrics = createRunMetrics({ withDefaults: false })
    const database = (await openDatabase({ url: ":memory:" })).unwrap()
    // A proxy nobody listens on: checking it fails, and its gauge drops to 0.
    const proxies = createProxyManager({
      proxies: ["http://user:secret@127.0.0.1:9"],
      mode: "sticky",
      directFallback: false,
      maxFailures: 1,
    }).unwrap()
    let gaps = 2
    const snapshot = {
      snapshot: () =>
        ({
          elapsedMs: 0,
          tasksStarted: 0,
          tasksInFlight: 0,
          tasksSucceeded: 0,
          tasksFailed: 0,
          skippedStarts: 0,
          sent: 0,
          included: 0,
          reverted: 0,
          rejected: 0,
          dropped: 0,
          pendingTransactions: 0,
          currentTps: 0,
          currentTaskStartsPerSecond: 0,
          targetTps: 5,
          inclusionLatencyMs: { p50: undefined, p95: undefined },
          topErrors: [],
        }) satisfies RunSnapshot,
    }
    const observer = observeRunner(
      { runner: snapshot, recorder: database.recorder, proxies, nonceGaps: () => gaps },
      metrics,
      { intervalMs: 60_000 },
    )
    try {
      let values = parseScrape(await metrics.registry.metrics())
      expect(values.get("testnet_recorder_queue_depth")).toBe(0)
      expect(values.get("testnet_nonce_gaps")).toBe(2)
      const label = [...values.keys()].find((key) => key.startsWith("testnet_proxy_up{"))
      expect(label).toBeDefined()
      expect(label).not.toContain("secret")
      expect(values.get(label ?? "")).toBe(1)
      await proxies.checkAll({ url: "http://127.0.0.1:9/", timeoutMs: 2000 })
      gaps = 0
      observer.sample()
      values = parseScrape(await metrics.registry.metrics())
      expect(values.get(label ?? "")).toBe(0)
      expect(values.get("testnet_nonce_gaps")).toBe(0)
    } finally {
      observer.stop()
      await proxies.close()
      await database.close()
    }
  })

  it("returns MetricsPortInUseError when the port is taken, and 404 off /metrics", async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const taken = await createMetricsServer({ port })
      expect(taken.isErr() && taken.error.code).toBe("METRICS_PORT_IN_USE")
      expect(taken.isErr() && taken.error.details).toBe("EADDRINUSE")
    } finally {
      blocker.close()
    }
    const server = (
      await createMetricsServer({ port: 0, metrics: createRunMetrics({ withDefaults: false }) })
    ).unwrap()
    try {
      expect((await fetch(server.url.replace("/metrics", "/other"))).status).toBe(404)
    } finally {
      await server.close()
    }
  })
})
