import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { SCHEMA_VERSION } from "./migrations.js"
import { type DatabaseManager, openDatabase } from "./openDatabase.js"
import type { JournalRow, TaskMetricRow } from "./rows.js"
import { createTaskDatabase } from "./taskDatabase.js"

const WALLET_A = "0x00000000000000000000000000000000000000aA"
const WALLET_B = "0x00000000000000000000000000000000000000bB"
const CHAIN_ID = 42431

function journalRow(runId: string, index: number, task: string, wallet = WALLET_A): JournalRow {
  return {
    hash: `0x${runId.slice(0, 8)}${index.toString(16).padStart(56, "0")}`,
    runId,
    chainId: CHAIN_ID,
    wallet,
    nonceKey: index % 2 === 0 ? 0n : 2n ** 200n,
    nonce: BigInt(index),
    task,
    sentAt: 1_000_000 + index * 10,
  }
}

function metric(
  runId: string,
  task: string,
  wallet: string,
  durationMs: number,
  success = true,
): TaskMetricRow {
  return {
    runId,
    workerId: 1,
    walletAddress: wallet,
    taskName: task,
    category: "token",
    status: success ? "success" : "failure",
    ...(success ? {} : { message: "reverted", errorCode: "TASK_REVERTED" }),
    durationMs,
    timestamp: 2_000_000 + durationMs,
  }
}

describe.each(bothDialects)("database queries on %s", (dialect) => {
  const target = createTestTarget(dialect)
  let manager: DatabaseManager
  let runId: string
  let earlierRunId: string

  beforeAll(async () => {
    await target.start()
    const opened = await openDatabase({ url: await target.newUrl() })
    if (opened.isErr()) throw opened.error
    manager = opened.value

    const earlier = await manager.createRun({
      chain: "tempo",
      chainId: CHAIN_ID,
      config: { workers: 1 },
      toolVersion: "0.0.9",
      startedAt: 1000,
      id: "run-earlier",
    })
    earlierRunId = earlier.unwrap().id
    const current = await manager.createRun({
      chain: "tempo",
      chainId: CHAIN_ID,
      host: "box-1",
      shard: "1/2",
      config: {
        funder: { key: "0xsecret" },
        database: "postgres://u:hunter2@db/x",
        gas: { maxFeePerGas: 10n },
      },
      toolVersion: "0.1.0",
      startedAt: 2000,
    })
    runId = current.unwrap().id

    const recorder = manager.recorder
    // Earlier run deployed a counter that the current run must still find.
    recorder.recordCreatedContract({
      kind: "counter",
      address: "0x0000000000000000000000000000000000000001",
      chainId: CHAIN_ID,
      wallet: WALLET_A,
      runId: earlierRunId,
      metadata: { initial: 5n },
      createdAt: 100,
    })
    recorder.recordCreatedContract({
      kind: "counter",
      address: "0x0000000000000000000000000000000000000002",
      chainId: CHAIN_ID,
      wallet: WALLET_B,
      transactionHash: "0xdeploy",
      runId,
      createdAt: 200,
    })
    recorder.recordCreatedContract({
      kind: "counter",
      address: "0x0000000000000000000000000000000000000003",
      chainId: 1,
      wallet: WALLET_B,
      runId,
      createdAt: 300,
    })
    recorder.recordCreatedAsset({
      kind: "tip20",
      address: "0x0000000000000000000000000000000000000004",
      chainId: CHAIN_ID,
      wallet: WALLET_A,
      runId,
      metadata: { symbol: "TST" },
      createdAt: 400,
    })
    for (let duration = 1; duration <= 100; duration++) {
      recorder.recordTaskMetric(metric(runId, "transfer", duration % 2 === 0 ? WALLET_A : WALLET_B, duration))
    }
    recorder.recordTaskMetric(metric(runId, "deploy_counter", WALLET_A, 500, false))
    recorder.recordTaskMetric(metric(earlierRunId, "old_task", WALLET_B, 7))

    const rows = Array.from({ length: 10 }, (_, index) =>
      journalRow(runId, index, index < 8 ? "transfer" : "deploy_counter"),
    )
    ;(await recorder.journalTransactions(rows)).unwrap()
    recorder.updateTransactions(
      rows.slice(0, 6).map((row, index) => ({
        hash: row.hash,
        status: "included" as const,
        includedBlock: 10n + BigInt(index),
        includedAt: row.sentAt + 100 * (index + 1),
        gasUsed: 21_000n,
        effectiveGasPrice: 2n ** 70n,
      })),
    )
    recorder.updateTransactions([{ hash: rows[6]!.hash, status: "dropped", errorCode: "DEADLINE" }])
    ;(await recorder.flush()).unwrap()
  })

  afterAll(async () => {
    await manager?.close()
    await target.stop()
  })

  it("migrates to the current schema version", async () => {
    const row = await manager.db.selectFrom("schema_version").select("version").executeTakeFirstOrThrow()
    expect(Number(row.version)).toBe(SCHEMA_VERSION)
    expect(manager.dialect).toBe(dialect)
  })

  it("stores runs without secrets and finds the latest one", async () => {
    const latest = (await manager.queries.latestRun({ chain: "tempo" })).unwrap()
    expect(latest?.id).toBe(runId)
    expect(latest).toMatchObject({
      host: "box-1",
      shard: "1/2",
      status: "running",
      toolVersion: "0.1.0",
      chainId: CHAIN_ID,
    })
    expect(latest?.config).toEqual({
      funder: { key: "[redacted]" },
      database: "postgres://***:***@db/x",
      gas: { maxFeePerGas: "10" },
    })
    const stored = await manager.db
      .selectFrom("runs")
      .select("config")
      .where("id", "=", runId)
      .executeTakeFirstOrThrow()
    expect(stored.config).not.toContain("secret")
    expect(stored.config).not.toContain("hunter2")

    ;(await manager.finishRun({ runId: earlierRunId, status: "completed", endedAt: 1500 })).unwrap()
    const earlier = (await manager.queries.getRun({ runId: earlierRunId })).unwrap()
    expect(earlier).toMatchObject({ status: "completed", endedAt: 1500 })
    expect((await manager.queries.latestRun({ chain: "nothing" })).unwrap()).toBeUndefined()
  })

  it("finds contracts by kind and chain across runs, newest first", async () => {
    const counters = (await manager.queries.contractsByKind({ kind: "counter", chainId: CHAIN_ID })).unwrap()
    expect(counters.map((contract) => contract.address.slice(-1))).toEqual(["2", "1"])
    expect(counters[1]).toMatchObject({
      runId: earlierRunId,
      metadata: { initial: "5" },
      transactionHash: undefined,
    })
    expect(counters[0]?.transactionHash).toBe("0xdeploy")
    const byWallet = (
      await manager.queries.contractsByKind({ kind: "counter", chainId: CHAIN_ID, wallet: WALLET_A })
    ).unwrap()
    expect(byWallet).toHaveLength(1)
  })

  it("lists created assets", async () => {
    const assets = (await manager.queries.createdAssets({ kind: "tip20", chainId: CHAIN_ID })).unwrap()
    expect(assets).toHaveLength(1)
    expect(assets[0]).toMatchObject({ metadata: { symbol: "TST" }, tokenId: undefined, wallet: WALLET_A })
    expect((await manager.queries.createdAssets({ kind: "nft" })).unwrap()).toEqual([])
    // What tasks see: one wallet's own records, filtered in SQL.
    const tasks = createTaskDatabase({ queries: manager.queries, chainId: CHAIN_ID })
    expect((await tasks.assetsByKind({ kind: "tip20", wallet: WALLET_A })).unwrap()).toHaveLength(1)
    expect((await tasks.assetsByKind({ kind: "tip20", wallet: WALLET_B })).unwrap()).toEqual([])
    expect((await tasks.contractsByKind({ kind: "counter", wallet: WALLET_B })).unwrap()).toHaveLength(1)
  })

  it("reads metrics: all, by wallet, by task, unique tasks and active wallets", async () => {
    expect((await manager.queries.taskMetrics({ runId })).unwrap()).toHaveLength(101)
    expect((await manager.queries.taskMetrics()).unwrap()).toHaveLength(102)
    const ofA = (await manager.queries.metricsByWallet({ wallet: WALLET_A, runId })).unwrap()
    expect(ofA).toHaveLength(51)
    expect(ofA.every((row) => row.walletAddress === WALLET_A)).toBe(true)
    const deploys = (await manager.queries.metricsByTask({ taskName: "deploy_counter" })).unwrap()
    expect(deploys).toEqual([
      expect.objectContaining({ status: "failure", errorCode: "TASK_REVERTED", message: "reverted" }),
    ])
    expect((await manager.queries.uniqueTasks({ runId })).unwrap()).toEqual(["deploy_counter", "transfer"])
    expect((await manager.queries.uniqueTasks()).unwrap()).toEqual(["deploy_counter", "old_task", "transfer"])
    expect((await manager.queries.walletsWithActivity({ runId })).unwrap()).toEqual([WALLET_A, WALLET_B])
  })

  it("computes wallet statistics", async () => {
    const stats = (await manager.queries.walletStats({ runId })).unwrap()
    const a = stats.find((row) => row.wallet === WALLET_A)
    // Wallet A: even durations 2..100 (successes) plus one failed 500 ms deploy.
    expect(a).toEqual({
      wallet: WALLET_A,
      count: 51,
      successes: 50,
      successRate: 50 / 51,
      p50DurationMs: 52,
      p95DurationMs: 98, // nearest rank: ceil(0.95 × 51) = 49th of 2, 4, …, 100, 500
      lastActivity: 2_000_500,
    })
  })

  it("summarises a run per task with percentiles, inclusion latency, gas and fees", async () => {
    const summary = (await manager.queries.runSummary({ runId })).unwrap()
    expect(summary.run?.id).toBe(runId)
    expect(summary.tasks.map((task) => task.taskName)).toEqual(["deploy_counter", "transfer"])
    const transfer = summary.tasks[1]!
    expect(transfer).toMatchObject({
      count: 100,
      successes: 100,
      p50DurationMs: 50,
      p95DurationMs: 95,
      p99DurationMs: 99,
      transactions: 8,
      transactionsByStatus: { included: 6, dropped: 1, pending: 1 },
      p50InclusionMs: 300,
      p99InclusionMs: 600,
      gasUsed: 6n * 21_000n,
      fees: 6n * 21_000n * 2n ** 70n,
    })
    expect(summary.tasks[0]).toMatchObject({
      count: 1,
      failures: 1,
      successRate: 0,
      transactionsByStatus: { pending: 2 },
    })
    expect(summary.totals).toMatchObject({ count: 101, successes: 100, transactions: 10 })
  })

  it("lists transactions by status for reconciliation, with big integers intact", async () => {
    const pending = (await manager.queries.transactionsByStatus({ runId, statuses: ["pending"] })).unwrap()
    expect(pending.map((row) => row.nonce)).toEqual([7n, 8n, 9n])
    expect(pending[0]).toMatchObject({ nonceKey: 2n ** 200n, status: "pending", includedBlock: undefined })
    const included = (
      await manager.queries.transactionsByStatus({ runId, statuses: ["included", "dropped"] })
    ).unwrap()
    expect(included).toHaveLength(7)
    expect(included[0]).toMatchObject({ includedBlock: 10n, gasUsed: 21_000n, effectiveGasPrice: 2n ** 70n })
    expect(included[6]).toMatchObject({ status: "dropped", errorCode: "DEADLINE" })
    expect((await manager.queries.transactionsByStatus({ runId, statuses: [] })).unwrap()).toEqual([])
    const one = (await manager.queries.getTransaction({ hash: included[0]!.hash })).unwrap()
    expect(one?.hash).toBe(included[0]!.hash)
  })
})
