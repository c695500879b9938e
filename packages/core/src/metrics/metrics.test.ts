import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { openDatabase } from "../database/openDatabase.js"
import { createProxyManager } from "../proxy/proxyManager.js"
import { startRunReporting } from "../report/runReporting.js"
import type { Runner } from "../runner/run/runner.js"
import type { RunSnapshot } from "../runner/statistics/statistics.js"
import { checkMetrics, ensurePromtool } from "../testing/metrics/ensurePromtool.js"
import { runShortLoad } from "../testing/report/shortRun.js"
import { testChain } from "../testing/runner/testChain.js"
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
  it("are scraped over HTTP during a real run on the embedded devnet, move, and pass promtool", async () => {
    const reporting = (
      await startRunReporting({
        metricsPort: 0,
        reportDirectory: directory,
        tasks: testChain.tasks.map((task) => task.name),
      })
    ).unwrap()
    const url = reporting.metricsUrl ?? ""
    const scrapes: Map<string, number>[] = []
    let timer: ReturnType<typeof setInterval> | undefined
    try {
      const report = await runShortLoad({
        directory,
        durationSeconds: 4,
        targetTps: 20,
        ...(reporting.hooks.events === undefined ? {} : { events: reporting.hooks.events }),
        ...(reporting.hooks.wrapRpc === undefined ? {} : { wrapRpc: reporting.hooks.wrapRpc }),
        onRunner: (runner: Runner) => {
          reporting.hooks.onRunner(runner)
          timer = setInterval(() => {
            scrape(url).then(
              (result) => scrapes.push(result.values),
              () => undefined,
            )
          }, 500)
        },
        afterRun: (inspection) => reporting.hooks.afterRun(inspection),
      })
      clearInterval(timer)
      // The report of the run was written at its end, while the devnet was still up.
      expect(reporting.reportError()).toBeUndefined()
      expect(reporting.reportPath()).toBe(join(directory, `runnertest-${report.runId}.html`))
      // close() takes a last sample, then lingers: the final values are scraped over HTTP.
      const closed = reporting.close({ lingerMs: 1500 })
      await new Promise((resolve) => setTimeout(resolve, 300))
      const final = await scrape(url)
      await closed
      expect(final.status).toBe(200)
      expect(final.type).toContain("text/plain")
      // After the linger the endpoint is gone.
      await expect(fetch(url)).rejects.toThrow()
      for (const name of [
        "testnet_tasks_started_total",
        "testnet_transactions_sent_total",
        "testnet_transactions_included_total",
        "testnet_transactions_failed_total",
        "testnet_tasks_finished_total",
        "testnet_inclusion_latency_seconds",
        "testnet_tasks_in_flight",
        "testnet_transactions_pending",
        "testnet_target_task_starts_per_second",
        "testnet_task_starts_per_second",
        "testnet_transactions_sent_per_second",
        "testnet_nonce_gaps",
        "testnet_proxy_up",
        "testnet_rpc_request_duration_seconds",
        "testnet_recorder_queue_depth",
        "testnet_process_cpu_user_seconds_total",
        "testnet_nodejs_active_handles",
      ])
        expect(final.text, name).toContain(`# TYPE ${name} `)
      // No gauge named like a counter (prom-client's defaults were renamed).
      for (const match of final.text.matchAll(/^# TYPE (\S+) (\S+)$/gm))
        if (match[2] !== "counter") expect(match[1], match[1]).not.toMatch(/_total$/)
      // Exact, per task: the counters sum to the run's summary; no "all" label any more.
      const { summary } = report
      const sum = (prefix: string) =>
        [...final.values.entries()]
          .filter(([key]) => key.startsWith(prefix))
          .reduce((total, [, value]) => total + value, 0)
      expect(sum("testnet_transactions_sent_total{")).toBe(summary.transactions.sent)
      expect(sum("testnet_transactions_included_total{")).toBe(summary.transactions.included)
      expect(sum("testnet_tasks_started_total{")).toBe(summary.tasksStarted)
      expect(final.text).not.toContain('task="all"')
      for (const task of Object.keys(summary.tasks))
        expect(final.values.get(`testnet_transactions_sent_total{task="${task}"}`) ?? 0).toBe(
          summary.tasks[task]?.transactions.sent,
        )
      expect(final.values.get("testnet_target_task_starts_per_second")).toBe(20)
      // Every histogram got samples: each inclusion, each RPC request of the run.
      const histogramCounts = [...final.text.matchAll(/^# TYPE (\S+) histogram$/gm)].map((match) => [
        match[1] ?? "",
        sum(`${match[1]}_count`),
      ])
      expect(histogramCounts.map(([name]) => name)).toEqual(
        expect.arrayContaining(["testnet_inclusion_latency_seconds", "testnet_rpc_request_duration_seconds"]),
      )
      for (const [name, count] of histogramCounts) expect(count, String(name)).toBeGreaterThan(0)
      expect(sum("testnet_inclusion_latency_seconds_count")).toBe(
        summary.transactions.included + summary.transactions.reverted,
      )
      expect(final.text).toMatch(
        /testnet_rpc_request_duration_seconds_count\{method="eth_getBlockReceipts",outcome="ok"\} [1-9]/,
      )

      // Values moved while the run was going: the sent counter grew between scrapes, work was in flight.
      const sent = scrapes.map((values) =>
        [...values.entries()]
          .filter(([key]) => key.startsWith("testnet_transactions_sent_total{"))
          .reduce((total, [, value]) => total + value, 0),
      )
      expect(scrapes.length).toBeGreaterThanOrEqual(4)
      expect(new Set(sent).size).toBeGreaterThanOrEqual(3)
      expect([...sent].sort((left, right) => left - right)).toEqual(sent)
      expect(
        Math.max(...scrapes.map((values) => values.get("testnet_tasks_in_flight") ?? 0)),
      ).toBeGreaterThan(0)
      expect(
        Math.max(...scrapes.map((values) => values.get("testnet_transactions_sent_per_second") ?? 0)),
      ).toBeGreaterThan(0)

      // Prometheus's own linter on the live scrape (Debian's promtool; installed when root).
      const promtool = ensurePromtool()
      if ("reason" in promtool) console.warn(`promtool check skipped: ${promtool.reason}`)
      else {
        const checked = checkMetrics(promtool.path, final.text)
        expect(checked.output).toBe("")
        expect(checked.status).toBe(0)
      }
    } finally {
      clearInterval(timer)
      await reporting.close()
    }
  }, 120_000)

  it("counts per task and code, and observes latency, through the runner events", async () => {
    const metrics = createRunMetrics({ withDefaults: false })
    const events = createMetricsEvents(metrics, { tasks: ["transfer", "deploy"] })
    events.transactionSent("transfer")
    events.transactionSent("transfer")
    events.transactionSettled("transfer", "included", 1500)
    events.transactionSettled("transfer", "reverted", 900)
    events.transactionRejected("deploy", "RPC_NONCE_TOO_LOW")
    events.transactionRejected("deploy", "SOMETHING_UNHEARD_OF")
    events.taskFinished("transfer", "failure", "RPC_TIMEOUT", 10)
    events.taskFinished("not_in_catalog", "success", undefined, 10)
    const values = parseScrape(await metrics.registry.metrics())
    expect(values.get('testnet_transactions_sent_total{task="transfer"}')).toBe(2)
    expect(values.get('testnet_transactions_included_total{task="transfer"}')).toBe(1)
    expect(values.get('testnet_transactions_failed_total{task="transfer",code="REVERTED"}')).toBe(1)
    expect(values.get('testnet_transactions_failed_total{task="deploy",code="RPC_NONCE_TOO_LOW"}')).toBe(1)
    // Bounded labels: unknown codes and tasks outside the catalog collapse to "other".
    expect(values.get('testnet_transactions_failed_total{task="deploy",code="other"}')).toBe(1)
    expect(
      values.get('testnet_tasks_finished_total{task="transfer",outcome="failure",code="RPC_TIMEOUT"}'),
    ).toBe(1)
    expect(values.get('testnet_tasks_finished_total{task="other",outcome="success",code="none"}')).toBe(1)
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
          draining: false,
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
