import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type DatabaseManager, openDatabase } from "../database/openDatabase.js"
import type { JournalRow } from "../database/rows.js"
import { fundingTaskName } from "../funding/fundWallets.js"
import { buildCampaignReport } from "./buildCampaignReport.js"
import { buildRunReport } from "./buildRunReport.js"
import { renderHtmlReport } from "./html/renderHtmlReport.js"

// Two shards of one campaign (and a run outside it) written by hand: the merged report must be the
// sum of its shards, and a shard's own report must equal its row in the campaign's table.

const directory = mkdtempSync(join(tmpdir(), "campaign-report-"))
let manager: DatabaseManager
const wallet = (shard: number, index: number) =>
  `0x${String(shard).repeat(2)}${String(index).padStart(38, "0")}`
const runIds: string[] = []

/** `count` task transactions of which the first `included` are mined, plus one funding transfer. */
async function recordShard(shard: number, count: number, included: number, startedAt: number) {
  const run = (
    await manager.createRun({
      chain: "tempo",
      chainId: 1,
      config: { targetTps: 5 },
      toolVersion: "t",
      shard: `${shard}/2`,
      startedAt,
      campaign: { kind: "named", id: "soak-1" },
    })
  ).unwrap()
  runIds.push(run.id)
  const rows: JournalRow[] = Array.from({ length: count + 1 }, (_, index) => ({
    hash: `0x${String(shard)}${index.toString(16).padStart(63, "0")}`,
    runId: run.id,
    chainId: 1,
    wallet: wallet(shard, index % 2),
    nonceKey: 0n,
    nonce: BigInt(index),
    task: index === count ? fundingTaskName : index % 2 === 0 ? "transfer" : "swap",
    sentAt: startedAt + 1000 + index * 100,
  }))
  ;(await manager.recorder.journalTransactions(rows)).unwrap()
  manager.recorder.updateTransactions(
    [...rows.slice(0, included), rows[count] as JournalRow].map((row, index) => ({
      hash: row.hash,
      status: "included" as const,
      includedBlock: BigInt(10 + index),
      includedAt: row.sentAt + 200 * shard,
      gasUsed: 21_000n,
      effectiveGasPrice: 7n,
    })),
  )
  for (const row of rows.slice(0, count))
    manager.recorder.recordTaskMetric({
      runId: run.id,
      workerId: 1,
      walletAddress: row.wallet,
      taskName: row.task,
      status: "success",
      durationMs: 50,
      timestamp: row.sentAt + 50,
    })
  ;(await manager.recorder.flush()).unwrap()
  ;(
    await manager.finishRun({
      runId: run.id,
      status: "completed",
      endedAt: startedAt + 10_000,
      sendingWindow: { startedAt: startedAt + 1000, endedAt: startedAt + 1000 + count * 100 },
    })
  ).unwrap()
}

beforeAll(async () => {
  manager = (await openDatabase({ url: join(directory, "runs.db") })).unwrap()
  await recordShard(1, 6, 5, 1_000_000)
  await recordShard(2, 4, 4, 1_000_500)
  // Not in the campaign: must not be merged.
  ;(await manager.createRun({ chain: "tempo", chainId: 1, config: {}, toolVersion: "t" })).unwrap()
})
afterAll(async () => {
  await manager?.close()
  rmSync(directory, { recursive: true, force: true })
})

describe("buildCampaignReport", () => {
  it("merges every shard's journal and metrics, and lists each shard's own totals", async () => {
    const report = (await buildCampaignReport(manager, "soak-1", { now: 0 })).unwrap()
    const { primary } = report
    expect(primary.run.id).toBe("soak-1")
    expect(primary.run.shard).toBe("1/2, 2/2")
    expect(primary.totals.sent).toBe(10)
    expect(primary.totals.included).toBe(9)
    expect(primary.totals.funding).toBe(2)
    expect(primary.totals.tasks).toBe(10)
    // The campaign's target is the shards' together.
    expect(primary.totals.targetTaskStartsPerSecond).toBe(10)
    expect(primary.tasks.map((task) => [task.task, task.count])).toEqual([
      ["swap", 5],
      ["transfer", 5],
    ])
    expect(primary.inclusionLatency.count).toBe(9)
    const shards = primary.campaign?.shards ?? []
    expect(shards.map((shard) => shard.shard)).toEqual(["1/2", "2/2"])
    for (const key of ["sent", "included", "funding", "tasks", "taskSuccesses"] as const)
      expect(primary.totals[key]).toBe(shards.reduce((sum, shard) => sum + shard.totals[key], 0))
    // A shard's row is what its own run report says.
    const own = (await buildRunReport(manager, { runId: runIds[1] ?? "" }, { now: 0 })).unwrap()
    expect(shards[1]?.totals).toEqual(own.primary.totals)
    // The merged window spans both shards' sending windows.
    expect(primary.run.durationMs).toBe(1_000_500 + 1000 + 400 - (1_000_000 + 1000))
  })

  it("names the campaigns the database holds when asked for an unknown one", async () => {
    const missing = await buildCampaignReport(manager, "soak-2")
    expect(missing.isErr() && missing.error.code).toBe("REPORT_CAMPAIGN_NOT_FOUND")
    expect(missing.isErr() && missing.error.message).toContain("soak-1")
  })
})

describe("the campaign's HTML page", () => {
  it("is titled as a campaign and has the per-shard table", async () => {
    const html = renderHtmlReport((await buildCampaignReport(manager, "soak-1", { now: 0 })).unwrap())
    expect(html).toContain("<title>tempo campaign soak-1</title>")
    expect(html).toContain("<h3>Per shard</h3>")
    for (const runId of runIds) expect(html).toContain(runId)
  })
})
