import type { ChainDefinition } from "@testnet/core"
import { createRpcClient, type Devnet, parseConfig, runLoad } from "@testnet/core/testing"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { expiringNonceKey } from "../../transaction/constants.js"
import { createTempoKeyedNonceFetcher, expiringNonce, noncesTasks, parallelNonceKeys } from "./index.js"

type Row = { task: string; nonce_key: string; nonce: string; status: string }
type Metric = { task_name: string; status: string; message: string | null }

// Keyed lanes need the chain's nonce fetcher, which only runLoad takes (`fetchKeyedNonce`): so each
// task runs once through runLoad — the CLI's `run <task>` path — against one shared devnet, with a
// fresh wallet funded by dev account 0 and an in-memory database.
describe("nonce tasks through runLoad on the embedded Tempo devnet", () => {
  let devnet: Devnet
  const chain: ChainDefinition = { ...tempo, tasks: noncesTasks }

  beforeAll(async () => {
    devnet = await startTempoTestDevnet()
  })
  afterAll(async () => {
    await devnet?.stop()
  })

  async function runTaskOnce(task: string, seed: number, walletKey = hexlify(randomBytes(32))) {
    const variable = `TEMPO_NONCES_TEST_KEY_${seed}`
    process.env[variable] = walletKey
    const config = parseConfig({
      rpcUrls: [devnet.rpcUrl],
      chainId: devnet.chainId,
      targetTps: 5,
      workers: 1,
      wallets: { count: 1, sources: [{ kind: "environment", variable }] },
      count: 1,
      tasks: [task],
      database: ":memory:",
      seed,
      logLevel: "silent",
      funder: { key: devnet.accounts[0]?.privateKey },
    }).unwrap()
    const rpc = createRpcClient({ endpoints: [devnet.rpcUrl] })
    let rows: Row[] = []
    let metrics: Metric[] = []
    let protocolNonce = -1n
    const report = await runLoad({
      chain,
      config,
      handleSignals: false,
      fundingTarget: 10n ** 6n,
      fetchKeyedNonce: createTempoKeyedNonceFetcher(rpc),
      afterRun: async ({ database, runId, wallets, rpc: runRpc }) => {
        const journal = database.db
          .selectFrom("transactions")
          .select(["task", "nonce_key", "nonce", "status"])
        rows = await journal.where("run_id", "=", runId).where("task", "=", task).execute()
        const taskMetrics = database.db.selectFrom("task_metrics").select(["task_name", "status", "message"])
        metrics = await taskMetrics.where("run_id", "=", runId).execute()
        const count = await runRpc.request<string>("eth_getTransactionCount", [wallets[0], "latest"])
        protocolNonce = BigInt(count.unwrap())
      },
    })
    await rpc.close()
    delete process.env[variable]
    return { report: report.unwrap(), rows, metrics, protocolNonce }
  }

  it("exports both tasks, requiring keyed nonces", () => {
    expect(noncesTasks.map((task) => [task.name, task.requires])).toEqual([
      ["parallel_nonce_keys", ["keyedNonces"]],
      ["expiring_nonce", ["keyedNonces"]],
    ])
  })

  it("parallel_nonce_keys mines 3–5 transactions on distinct keys without touching the protocol nonce", async () => {
    const { report, rows, metrics, protocolNonce } = await runTaskOnce(parallelNonceKeys.name, 11)
    expect(metrics).toEqual([{ task_name: "parallel_nonce_keys", status: "success", message: null }])
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.length).toBeLessThanOrEqual(5)
    expect(rows.every((row) => row.status === "included" && row.nonce === "0")).toBe(true)
    const keys = new Set(rows.map((row) => row.nonce_key))
    expect(keys.size).toBe(rows.length)
    expect(keys.has("0")).toBe(false)
    expect(protocolNonce).toBe(0n) // a fresh wallet that only used keyed lanes
    // The fetcher reads the lanes back from the nonce precompile: used keys are at 1, others at 0.
    const rpc = createRpcClient({ endpoints: [devnet.rpcUrl] })
    const fetch = createTempoKeyedNonceFetcher(rpc)
    const lane = (nonceKey: bigint) => ({
      chainId: devnet.chainId,
      address: report.wallets[0] ?? "",
      nonceKey,
    })
    const used = BigInt(rows[0]?.nonce_key ?? "0")
    // The run drew its keys above 2^64 (new to the chain); its other keys (same prefix) are unused.
    expect(used > 2n ** 64n && used < 2n ** 192n).toBe(true)
    const unused = used + 100n
    expect((await fetch(lane(used))).unwrap()).toBe(1n)
    expect((await fetch(lane(unused))).unwrap()).toBe(0n)
    expect((await fetch(lane(expiringNonceKey))).unwrap()).toBe(0n)
    await rpc.close()
  })

  it("parallel_nonce_keys draws new keys in each run: a wallet's second run starts its lanes at 0 again", async () => {
    const walletKey = hexlify(randomBytes(32))
    const first = await runTaskOnce(parallelNonceKeys.name, 13, walletKey)
    const second = await runTaskOnce(parallelNonceKeys.name, 13, walletKey)
    expect(second.report.wallets).toEqual(first.report.wallets)
    for (const run of [first, second]) {
      expect(run.metrics.map((metric) => metric.status)).toEqual(["success"])
      expect(run.rows.every((row) => row.status === "included" && row.nonce === "0")).toBe(true)
    }
    // Same seed, same choices, but not the same keys: each run's lanes are new on chain.
    const firstKeys = new Set(first.rows.map((row) => row.nonce_key))
    expect(second.rows.some((row) => firstKeys.has(row.nonce_key))).toBe(false)
  })

  it("expiring_nonce mines one transaction on key 2^256−1", async () => {
    const { rows, metrics, protocolNonce } = await runTaskOnce(expiringNonce.name, 12)
    expect(metrics.map((metric) => metric.status)).toEqual(["success"])
    expect(rows).toEqual([
      { task: "expiring_nonce", nonce_key: expiringNonceKey.toString(), nonce: "0", status: "included" },
    ])
    expect(protocolNonce).toBe(0n)
  })
})
