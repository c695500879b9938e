import { type LaggingPendingFront, startLaggingPendingFront } from "@testnet/test-helpers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseConfig } from "../config/parse.js"
import { getDevAccounts } from "../devnet/devAccounts.js"
import { type Devnet, startDevnet } from "../devnet/startDevnet.js"
import { fundingTaskName } from "../funding/fundWallets.js"
import { runLoad } from "../runner/load/runLoad.js"
import { fundConfiguredWallets } from "../runner/walletFunding/fundingCommands.js"
import { startTestPostgres, type TestPostgres } from "../testing/database/postgresServer.js"
import { testChain } from "../testing/runner/testChain.js"
import { openDatabase } from "./openDatabase.js"

// Two shards refilling their wallets during the run from one funder key, each with its own nonce
// manager and its own lock connection (as two processes), through an RPC whose pending nonce lags
// (a load-balanced endpoint: laggingPendingFront). A refill must take the lock AND re-read the
// funder's nonce: the shard's cached nonce is stale once the other shard has funded.

let devnet: Devnet | undefined
let postgres: TestPostgres | undefined
let front: LaggingPendingFront | undefined

beforeAll(async () => {
  ;[devnet, postgres] = await Promise.all([
    startDevnet({ chainId: testChain.chainId, blockTimeSeconds: 0.5, accounts: 1 }).then((started) =>
      started.unwrap(),
    ),
    startTestPostgres(),
  ])
  front = await startLaggingPendingFront(devnet.rpcUrl)
}, 60_000)
afterAll(async () => {
  await front?.close()
  await devnet?.stop()
  await postgres?.stop()
})

describe("refills of two shards from one funder under the PostgreSQL funding lock", () => {
  it("never reuse a funder nonce: every funding transaction of both shards is mined", async () => {
    if (devnet === undefined || postgres === undefined || front === undefined) throw new Error("setup failed")
    const url = await postgres.createDatabase("refills")
    const [funder] = getDevAccounts(1)
    const config = parseConfig({
      rpcUrls: [front.url],
      targetTps: 16,
      workers: 8,
      wallets: { count: 8 },
      durationSeconds: 4,
      database: url,
      seed: 5,
      logLevel: "silent",
      tasks: ["self_transfer"],
      funder: { key: funder?.privateKey },
    }).unwrap()
    const target = 10n ** 15n // ≈ 15 transfers: wallets fall below 90 % within a second
    const shard = (index: number) =>
      runLoad({
        chain: testChain,
        config,
        handleSignals: false,
        shard: { index, count: 2 },
        fundingTarget: target,
        fundingThreshold: (target * 9n) / 10n,
        refillIntervalMs: 700,
      })
    const reports = await Promise.all([shard(1), shard(2)])
    for (const report of reports) {
      if (report.isErr()) throw report.error
      expect(report.value.summary.transactions.rejected).toBe(0)
    }
    const database = (await openDatabase({ url })).unwrap()
    try {
      const funding = await database.db
        .selectFrom("transactions")
        .select(["run_id", "wallet", "nonce", "status", "error_code"])
        .where("task", "=", fundingTaskName)
        .execute()
      const fromFunder = funding.filter((row) => row.wallet.toLowerCase() === funder?.address.toLowerCase())
      // Both shards funded, then refilled (more rounds than the 4 + 4 initial transfers)…
      expect(new Set(fromFunder.map((row) => row.run_id)).size).toBe(2)
      expect(fromFunder.length).toBeGreaterThan(8)
      // …and no round lost a nonce race: every transfer mined, every funder nonce used once.
      expect(fromFunder.filter((row) => row.status !== "included" || row.error_code !== null)).toEqual([])
      expect(new Set(fromFunder.map((row) => row.nonce)).size).toBe(fromFunder.length)
    } finally {
      await database.close()
    }
    expect(front.rewritten).toBeGreaterThan(0)
  }, 60_000)

  it("`wallets fund` of two shards at once takes the same lock: both rounds are mined", async () => {
    if (devnet === undefined || postgres === undefined || front === undefined) throw new Error("setup failed")
    const url = await postgres.createDatabase("wallets_fund")
    const [funder] = getDevAccounts(1)
    const config = parseConfig({
      rpcUrls: [front.url],
      wallets: { count: 8, seed: "wallets-fund-lock" },
      database: url,
      logLevel: "silent",
      funder: { key: funder?.privateKey },
    }).unwrap()
    const fund = (index: number) =>
      fundConfiguredWallets({ chain: testChain, config, shard: { index, count: 2 }, target: 10n ** 16n })
    const [first, second] = await Promise.all([fund(1), fund(2)])
    expect(first?.unwrap().transfers).toHaveLength(4)
    expect(second?.unwrap().transfers).toHaveLength(4)
  }, 60_000)
})
