import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { parseConfig } from "../../config/parse.js"
import { getRunningDevnetPids } from "../../devnet/processRegistry.js"
import { fundingTaskName } from "../../funding/fundWallets.js"
import type { RpcClient } from "../../rpc/clientTypes.js"
import { testChain } from "../../testing/runner/testChain.js"
import { type RunLoadInspection, runLoad } from "./runLoad.js"

const directory = mkdtempSync(join(tmpdir(), "runner-load-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

type TransactionOnChain = { hash: string; nonce: string; from: string; blockNumber: string | null } | null

describe("runLoad on the embedded devnet", () => {
  it("keeps the journal, the chain and the summary in exact agreement", async () => {
    const config = parseConfig({
      rpcUrls: [],
      targetTps: 30,
      workers: 20,
      wallets: { count: 20 },
      durationSeconds: 10,
      database: join(directory, "{chain}.db"),
      seed: 42,
      logLevel: "silent",
      blockTimeSeconds: 1,
    })
    if (config.isErr()) throw config.error
    let checked: RunLoadInspection | undefined
    let onChainFailures: string[] = []
    let journal: {
      hash: string
      wallet: string
      nonce: string
      status: string
      task: string
      error_code: string | null
      gas_used: string | null
      effective_gas_price: string | null
    }[] = []
    let receiptMismatches: string[] = []
    /** Receipt lookups this test makes itself (after the run), subtracted from the client's counts. */
    let ownReceiptCalls = 0
    let snapshots = 0
    let runClient: RpcClient | undefined
    let nonceReadsWhenSettled: number | undefined
    let settledBeforeAfterRun = false
    const report = await runLoad({
      chain: testChain,
      config: config.value,
      handleSignals: false,
      onSnapshot: () => {
        snapshots += 1
      },
      wrapRpc: (client) => {
        runClient = client
        return client
      },
      onSettled: () => {
        nonceReadsWhenSettled = runClient?.stats().byMethod.eth_getTransactionCount ?? 0
      },
      afterRun: async (inspection) => {
        settledBeforeAfterRun = nonceReadsWhenSettled !== undefined
        checked = inspection
        journal = await inspection.database.db
          .selectFrom("transactions")
          .select([
            "hash",
            "wallet",
            "nonce",
            "status",
            "task",
            "error_code",
            "gas_used",
            "effective_gas_price",
          ])
          .where("run_id", "=", inspection.runId)
          .execute()
        // Every included journal row is on chain with that hash, sender and nonce (one batch).
        const included = journal.filter((row) => row.status === "included")
        const answers = await Promise.all(
          included.map((row) =>
            inspection.rpc.request<TransactionOnChain>("eth_getTransactionByHash", [row.hash]),
          ),
        )
        onChainFailures = included.flatMap((row, index) => {
          const answer = answers[index]
          if (answer === undefined || answer.isErr() || answer.value === null) return [`${row.hash}: missing`]
          const onChain = answer.value
          if (onChain.blockNumber === null) return [`${row.hash}: not mined`]
          if (BigInt(onChain.nonce) !== BigInt(row.nonce)) return [`${row.hash}: nonce`]
          if (onChain.from.toLowerCase() !== row.wallet.toLowerCase()) return [`${row.hash}: sender`]
          return []
        })
        // Most self-transfers were settled from their block, not from a receipt: the journal's
        // gas and price must equal what the node's receipts say.
        ownReceiptCalls = included.length
        const receipts = await Promise.all(
          included.map((row) =>
            inspection.rpc.request<{ gasUsed: string; effectiveGasPrice: string; status: string }>(
              "eth_getTransactionReceipt",
              [row.hash],
            ),
          ),
        )
        receiptMismatches = included.flatMap((row, index) => {
          const answer = receipts[index]
          if (answer === undefined || answer.isErr()) return [`${row.hash}: no receipt`]
          const { gasUsed, effectiveGasPrice, status } = answer.value
          if (status !== "0x1") return [`${row.hash}: status ${status}`]
          if (row.gas_used === null || BigInt(row.gas_used) !== BigInt(gasUsed))
            return [`${row.task}: gas ${row.gas_used} vs ${BigInt(gasUsed)}`]
          if (
            row.effective_gas_price === null ||
            BigInt(row.effective_gas_price) !== BigInt(effectiveGasPrice)
          )
            return [`${row.hash}: price`]
          return []
        })
      },
    })
    if (report.isErr()) throw report.error
    const { summary, reconciliation } = report.value
    if (process.env.RUNNER_TEST_VERBOSE)
      console.info(JSON.stringify({ summary, rpc: report.value.rpcStats }, null, 1))
    // One eth_sendRawTransaction per transaction; receipts per block, never per transaction; and
    // once a wallet's first self-transfer proved it codeless, later ones settle from their block
    // (the journal's gas and price are checked against the node's receipts above).
    const byMethod = report.value.rpcStats.byMethod
    expect(byMethod.eth_sendRawTransaction).toBe(
      summary.transactions.sent + summary.transactions.rejected + 20,
    )
    expect(summary.tasks.self_transfer?.transactions.sent ?? 0).toBeGreaterThan(40)
    expect((byMethod.eth_getTransactionReceipt ?? 0) - ownReceiptCalls).toBe(0)
    expect(byMethod.eth_getBlockReceipts ?? 0).toBeLessThanOrEqual(byMethod.eth_getBlockByNumber ?? 0)
    expect(checked).toBeDefined()
    expect(snapshots).toBeGreaterThanOrEqual(5)

    // The run did real work across all three tasks.
    expect(summary.transactions.sent).toBeGreaterThan(60)
    expect(Object.keys(summary.tasks).sort()).toEqual([
      "deploy_counter",
      "increment_counter",
      "self_transfer",
    ])
    expect(summary.tasks.increment_counter?.transactions.included).toBeGreaterThan(0)
    expect(summary.tasks.deploy_counter?.success).toBeGreaterThan(0)

    // Chain ⇄ journal: every included row is on chain as journaled…
    expect(onChainFailures).toEqual([])
    expect(receiptMismatches).toEqual([])
    // …and every transaction the worker wallets have on chain is in the journal.
    expect(reconciliation).toBeDefined()
    expect(reconciliation?.mismatches).toEqual([])
    expect(reconciliation?.wallets).toBe(20)
    // onSettled comes after the load and before the reconciliation's one nonce read per wallet.
    expect(settledBeforeAfterRun).toBe(true)
    expect((byMethod.eth_getTransactionCount ?? 0) - (nonceReadsWhenSettled ?? 0)).toBe(20)

    // Summary ⇄ journal, counted the same way (funding rows are not part of the run's numbers).
    const work = journal.filter((row) => row.task !== fundingTaskName)
    const count = (predicate: (row: (typeof work)[number]) => boolean) => work.filter(predicate).length
    expect(count((row) => row.status === "pending")).toBe(0)
    expect(count((row) => row.status === "included")).toBe(summary.transactions.included)
    expect(count((row) => row.status === "failed" && row.error_code === "REVERTED")).toBe(
      summary.transactions.reverted,
    )
    expect(count((row) => row.status === "failed" && row.error_code !== "REVERTED")).toBe(
      summary.transactions.rejected,
    )
    expect(count((row) => row.status === "dropped")).toBe(summary.transactions.dropped)
    expect(work.length).toBe(summary.transactions.sent + summary.transactions.rejected)
    expect(reconciliation?.minedInJournal).toBe(summary.transactions.included + summary.transactions.reverted)
    // The funder paid every wallet once, journaled too.
    expect(journal.filter((row) => row.task === fundingTaskName && row.status === "included")).toHaveLength(
      20,
    )

    // Inclusion latency is per block, not per 4 s polling.
    expect(summary.inclusionLatencyMs.p50).toBeLessThan(2_000)
    // No anvil outlives the run.
    expect(getRunningDevnetPids()).toEqual([])
  }, 50_000)

  it("refills wallets that fall below the threshold during the run", async () => {
    const config = parseConfig({
      rpcUrls: [],
      targetTps: 20,
      workers: 10,
      wallets: { count: 10 },
      durationSeconds: 5,
      database: join(directory, "refill-{chain}.db"),
      seed: 3,
      logLevel: "silent",
      blockTimeSeconds: 1,
      tasks: ["self_transfer"],
    })
    if (config.isErr()) throw config.error
    let fundingRows = 0
    const target = 10n ** 15n // ≈ 15 transfers at 3 gwei
    const report = await runLoad({
      chain: testChain,
      config: config.value,
      handleSignals: false,
      fundingTarget: target,
      fundingThreshold: (target * 9n) / 10n,
      refillIntervalMs: 1_000,
      afterRun: async ({ database, runId }) => {
        const rows = await database.db
          .selectFrom("transactions")
          .select("status")
          .where("run_id", "=", runId)
          .where("task", "=", fundingTaskName)
          .execute()
        fundingRows = rows.filter((row) => row.status === "included").length
      },
    })
    if (report.isErr()) throw report.error
    // 10 initial top-ups, then refills of the wallets that spent.
    expect(fundingRows).toBeGreaterThan(10)
    expect(report.value.summary.transactions.rejected).toBe(0)
    expect(report.value.reconciliation?.mismatches).toEqual([])
  }, 40_000)
})
