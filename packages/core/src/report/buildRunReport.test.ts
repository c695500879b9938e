import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type DatabaseManager, openDatabase } from "../database/openDatabase.js"
import { fundingTaskName } from "../funding/fundWallets.js"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { runShortLoad } from "../testing/report/shortRun.js"
import { testChain } from "../testing/runner/testChain.js"
import { buildRunReport } from "./buildRunReport.js"
import type { RunReport } from "./types.js"
import { writeReport } from "./writeReport.js"

const directory = mkdtempSync(join(tmpdir(), "report-build-"))
let database: DatabaseManager
let databaseUrl = ""
let firstRunId = ""
let secondRunId = ""
/** Built in afterRun, while the devnet still answers: block totals come from the chain. */
let withChain: RunReport | undefined

beforeAll(async () => {
  const first = await runShortLoad({ directory, durationSeconds: 3, targetTps: 15, seed: 1 })
  const second = await runShortLoad({
    directory,
    durationSeconds: 3,
    targetTps: 25,
    seed: 2,
    afterRun: async (inspection) => {
      withChain = (
        await buildRunReport(inspection.database, { runId: inspection.runId }, { rpc: inspection.rpc })
      ).unwrap()
    },
  })
  firstRunId = first.runId
  secondRunId = second.runId
  databaseUrl = second.databaseUrl
  database = (await openDatabase({ url: databaseUrl })).unwrap()
}, 60_000)

afterAll(async () => {
  await database?.close()
  rmSync(directory, { recursive: true, force: true })
})

describe("buildRunReport on real runs", () => {
  it("agrees with the journal and the task metrics, section by section", async () => {
    const report = (
      await buildRunReport(database, { runId: firstRunId }, { feeCurrency: testChain.feeCurrency })
    ).unwrap()
    const data = report.primary
    const journal = await database.db
      .selectFrom("transactions")
      .selectAll()
      .where("run_id", "=", firstRunId)
      .execute()
    const work = journal.filter((row) => row.task !== fundingTaskName)
    const metrics = await database.db
      .selectFrom("task_metrics")
      .selectAll()
      .where("run_id", "=", firstRunId)
      .execute()

    expect(report.schemaVersion).toBe(1)
    expect(report.comparison).toBeNull()
    expect(data.run.id).toBe(firstRunId)
    expect(data.run.parameters).toMatchObject({ targetTps: 15, seed: 1 })
    expect(data.totals.sent).toBe(work.length)
    expect(data.totals.sent).toBeGreaterThan(10)
    expect(data.totals.funding).toBe(journal.length - work.length)
    expect(data.totals.included).toBe(work.filter((row) => row.status === "included").length)
    expect(data.totals.failed + data.totals.dropped + data.totals.pending + data.totals.replaced).toBe(
      work.length - data.totals.included,
    )
    expect(data.totals.tasks).toBe(metrics.length)
    expect(data.totals.gasUsed).toBe(
      work.reduce((sum, row) => sum + BigInt(row.gas_used ?? 0), 0n).toString(),
    )

    // Throughput buckets account for every transaction exactly once.
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
    expect(sum(data.throughput.sentTps) * data.throughput.bucketSeconds).toBe(data.totals.sent)
    expect(sum(data.throughput.includedTps) * data.throughput.bucketSeconds).toBe(data.totals.included)
    expect(data.throughput.time.length).toBe(data.throughput.sentTps.length)

    // Latency: one sample per transaction that reached a block; ordered percentiles.
    const latency = data.inclusionLatency
    expect(latency.count).toBe(work.filter((row) => row.included_block !== null).length)
    expect(sum(latency.counts)).toBe(latency.count)
    expect(latency.p50Ms).not.toBeNull()
    expect(latency.p50Ms ?? 0).toBeLessThanOrEqual(latency.p90Ms ?? 0)
    expect(latency.p90Ms ?? 0).toBeLessThanOrEqual(latency.p99Ms ?? 0)

    // Per task: the three tasks of the test chain, adding up to the totals.
    expect(data.tasks.map((task) => task.task)).toEqual([
      "deploy_counter",
      "increment_counter",
      "self_transfer",
    ])
    expect(sum(data.tasks.map((task) => task.transactions))).toBe(data.totals.sent)
    expect(sum(data.tasks.map((task) => task.count))).toBe(data.totals.tasks)
    // Fees in units of the chain's native currency (a native-gas chain), base units kept.
    const fee = data.tasks.find((task) => task.task === "self_transfer")?.fees[0]
    expect(fee?.token).toBe("native")
    expect(fee?.symbol).toBe(testChain.nativeCurrency.symbol)
    expect(BigInt(fee?.amount ?? "0")).toBeGreaterThan(0n)
    expect(fee?.units).toMatch(/^0\.\d+$/)

    // Gas per block from the journal only: sums to the run's gas.
    expect(data.gasPerBlock.source).toBe("journal")
    expect(
      data.gasPerBlock.blocks.reduce((total, block) => total + BigInt(block.runGasUsed), 0n).toString(),
    ).toBe(data.totals.gasUsed)
    expect(data.gasPerBlock.blocks.every((block) => block.runShare === null)).toBe(true)

    // Per wallet: every active wallet counted, the table sorted by tasks.
    expect(data.wallets.total).toBe(10)
    expect(sum(data.wallets.top.map((wallet) => wallet.tasks))).toBe(data.totals.tasks)
    const tasks = data.wallets.top.map((wallet) => wallet.tasks)
    expect([...tasks].sort((left, right) => right - left)).toEqual(tasks)

    // The JSON form is lossless.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })

  it("reads block totals from the chain while it is reachable", () => {
    const blocks = withChain?.primary.gasPerBlock
    expect(blocks?.source).toBe("chain")
    expect(blocks?.blocks.length).toBeGreaterThan(0)
    for (const block of blocks?.blocks ?? []) {
      expect(BigInt(block.blockGasUsed ?? 0)).toBeGreaterThanOrEqual(BigInt(block.runGasUsed))
      expect(block.gasLimit).toBe("1000000000")
      expect(block.runShare).toBeGreaterThan(0)
      expect(block.runShare).toBeLessThanOrEqual(1)
    }
  })

  it("selects the newest run with last, and puts a second run side by side", async () => {
    const report = (await buildRunReport(database, { last: true }, { compareRunId: firstRunId })).unwrap()
    expect(report.primary.run.id).toBe(secondRunId)
    expect(report.comparison?.run.id).toBe(firstRunId)
    expect(report.primary.run.parameters).toMatchObject({ targetTps: 25 })
  })

  it("lists the latest runs when the id is unknown, and says when there are none", async () => {
    const missing = await buildRunReport(database, { runId: "no-such-run" })
    expect(missing.isErr() && missing.error.code).toBe("REPORT_RUN_NOT_FOUND")
    expect(missing.isErr() && missing.error.message).toContain(secondRunId)
    expect(missing.isErr() && missing.error.message).toContain(firstRunId)
    const empty = (await openDatabase({ url: ":memory:" })).unwrap()
    const none = await buildRunReport(empty, { last: true })
    expect(none.isErr() && none.error.code).toBe("REPORT_NO_RUNS")
    await empty.close()
  })

  it("writes the HTML and the JSON to ./reports/<chain>-<runId> by default", async () => {
    const html = (await writeReport({ database, runId: firstRunId, directory })).unwrap()
    expect(html).toBe(join(directory, `runnertest-${firstRunId}.html`))
    expect(readFileSync(html, "utf8")).toContain(`<h2>Run <code>${firstRunId}</code></h2>`)
    const json = (await writeReport({ database, json: true, directory })).unwrap()
    expect(json).toBe(join(directory, `runnertest-${secondRunId}.json`))
    expect(JSON.parse(readFileSync(json, "utf8")).primary.run.id).toBe(secondRunId)
  })

  it("returns ReportOutputNotWritableError when the folder cannot be created", async () => {
    const file = join(directory, "a-file")
    writeFileSync(file, "")
    const written = await writeReport({ database, runId: firstRunId, out: join(file, "report.html") })
    expect(written.isErr() && written.error.code).toBe("REPORT_OUTPUT_NOT_WRITABLE")
    expect(written.isErr() && written.error.details).toMatch(/^E(EXIST|NOTDIR)$/)
  })

  it("serves `report` on the CLI: --run, --compare, --json --out -, and errors", async () => {
    const out = join(directory, "cli.html")
    const written = await runTestCli([
      "report",
      "--db",
      databaseUrl,
      "--run",
      secondRunId,
      "--compare",
      firstRunId,
      "--out",
      out,
    ])
    expect(written.stderr).toBe("")
    expect(written.code).toBe(0)
    expect(written.stdout).toBe(`Report: ${out}\n`)
    expect(readFileSync(out, "utf8")).toContain("Side by side")

    const printed = await runTestCli([
      "report",
      "--db",
      databaseUrl,
      "--run",
      firstRunId,
      "--json",
      "--out",
      "-",
    ])
    expect(printed.code).toBe(0)
    expect((JSON.parse(printed.stdout) as RunReport).primary.run.id).toBe(firstRunId)

    // The CLI's test chain has no runs in this database.
    const none = await runTestCli(["report", "--db", databaseUrl, "--last"])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain("No run of testchain is recorded")
    const both = await runTestCli(["report", "--db", databaseUrl, "--last", "--run", firstRunId])
    expect(both.code).toBe(2)
  })
})
