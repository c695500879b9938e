/**
 * One truth: a real short run on the embedded devnet, then the CLI summary, the HTML report and
 * `db stats` must show the same inclusion p50/p95 to the millisecond, from the same journal rows.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renderRunSummary } from "../cli/summary.js"
import { type DatabaseManager, openDatabase } from "../database/openDatabase.js"
import { isInternalTask } from "../database/queries/inclusionLatency.js"
import type { RunLoadReport } from "../runner/load/runLoad.js"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { runShortLoad } from "../testing/report/shortRun.js"
import { testChain } from "../testing/runner/testChain.js"
import { buildRunReport } from "./buildRunReport.js"

const directory = mkdtempSync(join(tmpdir(), "latency-agreement-"))
let run: RunLoadReport
let database: DatabaseManager

beforeAll(async () => {
  run = await runShortLoad({ directory, durationSeconds: 3, targetTps: 20, seed: 3 })
  database = (await openDatabase({ url: run.databaseUrl })).unwrap()
}, 60_000)

afterAll(async () => {
  await database?.close()
  rmSync(directory, { recursive: true, force: true })
})

describe("inclusion latency, one truth", () => {
  it("journals the observed time and the block's timestamp for every included row", async () => {
    const rows = await database.db
      .selectFrom("transactions")
      .selectAll()
      .where("run_id", "=", run.runId)
      .where("included_block", "is not", null)
      .execute()
    expect(rows.length).toBeGreaterThan(10)
    for (const row of rows) {
      expect(row.included_at).not.toBeNull()
      expect(row.block_timestamp).not.toBeNull()
      // Observed after it was sent, on the same clock: never negative.
      expect(Number(row.included_at)).toBeGreaterThanOrEqual(Number(row.sent_at))
      // The block's time has 1 s resolution: it is at most a second past the observation.
      expect(Number(row.block_timestamp)).toBeLessThanOrEqual(Number(row.included_at) + 1000)
    }
  })

  it("gives the same p50/p95 in the CLI summary, the report and db stats", async () => {
    const cli = run.summary.inclusionLatencyMs
    const report = (await buildRunReport(database, { runId: run.runId })).unwrap().primary.inclusionLatency
    const stats = (await database.queries.runSummary({ runId: run.runId })).unwrap().totals
    expect(cli.p50).toBeDefined()
    expect(report.method).toBe("observed")
    expect(report.clampedToZero).toBe(0)
    expect([cli.p50, cli.p95]).toEqual([report.p50Ms, report.p95Ms])
    expect([stats.p50InclusionMs, stats.p95InclusionMs]).toEqual([report.p50Ms, report.p95Ms])
    // Per task too.
    const perTask = (await database.queries.runSummary({ runId: run.runId })).unwrap().tasks
    for (const task of perTask.filter((candidate) => !isInternalTask(candidate.taskName))) {
      expect(run.summary.tasks[task.taskName]?.inclusionLatencyMs).toEqual({
        p50: task.p50InclusionMs,
        p95: task.p95InclusionMs,
      })
    }
  })

  it("shows the same fees, in units, in the CLI summary and the report", async () => {
    const report = (
      await buildRunReport(database, { runId: run.runId }, { feeCurrency: testChain.feeCurrency })
    ).unwrap().primary
    expect(run.summary.fees?.length).toBeGreaterThan(0)
    expect(run.summary.fees).toEqual(report.totals.fees)
    expect(run.summary.fees?.[0]?.symbol).toBe(testChain.nativeCurrency.symbol)
    expect(renderRunSummary(run.summary)).toContain(
      `Fees paid: ${run.summary.fees?.[0]?.units} ${testChain.nativeCurrency.symbol}`,
    )
  })

  it("prints the same numbers in `db stats --json`, the run named by a prefix of its id", async () => {
    const report = (await buildRunReport(database, { runId: run.runId })).unwrap().primary.inclusionLatency
    // A unique prefix of the run id names the run (as `report --run cdacbee3`).
    const prefix = run.runId.slice(0, 8)
    const result = await runTestCli(["db", "stats", "--db", run.databaseUrl, "--run", prefix, "--json"])
    expect(result.code, result.stderr).toBe(0)
    const printed = JSON.parse(result.stdout) as {
      totals: { p50InclusionMs: number; p95InclusionMs: number }
      run: { id: string; seed: string }
      feesByToken: unknown
    }
    expect([printed.totals.p50InclusionMs, printed.totals.p95InclusionMs]).toEqual([
      report.p50Ms,
      report.p95Ms,
    ])
    // The seed is stored with the run; the fees per token in units match the summary's.
    expect(printed.run).toMatchObject({ id: run.runId, seed: String(run.seed) })
    expect(printed.feesByToken).toEqual(run.summary.fees)
  })
})
