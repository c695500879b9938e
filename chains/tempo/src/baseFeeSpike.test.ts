import { parseConfig, type RpcClient, runLoad } from "@testnet/core/testing"
import { expect, it } from "vitest"
import { tempo } from "./chain.js"

// A base-fee spike mid-run on the embedded Tempo devnet (anvil --network tempo, T4, 1 s blocks).
// The rule simulated is TIP-1067 (Tempo's dynamic base fee since T7, tempo
// `crates/hardfork/src/constants.rs`: it may rise ~7× in one block) on top of EIP-1559's: a
// transaction whose maxFeePerGas is below the block's base fee is not included, and its sender's
// later nonces wait behind it. anvil's T4 mode does not move the base fee that way, so the test
// sets it before every block with `anvil_setNextBlockBaseFeePerGas`: 1×, 3×, 6×, 10× the starting
// base fee and back to 1×. The run must replace what got stuck and end clean.

const steps: readonly [number, bigint][] = [
  [5_000, 1n],
  [3_000, 3n],
  [3_000, 6n],
  [4_000, 10n],
  [2_000, 3n],
]

it("replaces every stuck transaction during a 10× base-fee spike and ends with nothing pending", async () => {
  const config = parseConfig({
    durationSeconds: 26,
    targetTps: 4,
    workers: 6,
    wallets: { count: 6 },
    tasks: ["tip20_transfer_random", "tip20_transfer_self"],
    database: ":memory:",
    seed: 11,
    logLevel: "silent",
  }).unwrap()
  let rpc: RpcClient | undefined
  let driving = true
  let spikeEndsAt = Number.POSITIVE_INFINITY
  let driver: Promise<void> = Promise.resolve()
  const startDriver = () => {
    driver = (async () => {
      const client = rpc as RpcClient
      const latest = await client.request<{ baseFeePerGas: string }>("eth_getBlockByNumber", [
        "latest",
        false,
      ])
      const start = BigInt(latest.unwrap().baseFeePerGas)
      for (const [durationMs, multiple] of steps) {
        const endsAt = Date.now() + durationMs
        while (driving && Date.now() < endsAt) {
          await client.request("anvil_setNextBlockBaseFeePerGas", [`0x${(start * multiple).toString(16)}`])
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      // Back to the start and left alone: EIP-1559 takes over again.
      await client.request("anvil_setNextBlockBaseFeePerGas", [`0x${start.toString(16)}`])
      spikeEndsAt = Date.now()
    })()
  }
  let replaced: { hash: string; nonce: string; wallet: string; replaced_by?: string | null | undefined }[] =
    []
  let linkedSameNonce = 0
  let afterSpike: { status: string }[] = []
  const report = (
    await runLoad({
      chain: tempo,
      config,
      handleSignals: false,
      // Ample fee tokens: a 10× base fee makes every transaction's fee-balance check 10× larger.
      fundingTarget: 50n * 10n ** 6n,
      wrapRpc: (client) => {
        rpc = client
        return client
      },
      onRunner: () => startDriver(),
      afterRun: async ({ database, runId }) => {
        driving = false
        await driver
        const rows = await database.db
          .selectFrom("transactions")
          .select(["hash", "nonce", "nonce_key", "wallet", "status", "replaced_by"])
          .where("run_id", "=", runId)
          .execute()
        replaced = rows.filter((row) => row.status === "replaced")
        const byHash = new Map(rows.map((row) => [row.hash, row]))
        linkedSameNonce = replaced.filter((row) => {
          const replacement = byHash.get(row.replaced_by ?? "")
          return replacement?.nonce === row.nonce && replacement.wallet === row.wallet
        }).length
        const metrics = await database.db
          .selectFrom("task_metrics")
          .select(["status", "timestamp", "duration_ms"])
          .where("run_id", "=", runId)
          .execute()
        afterSpike = metrics.filter((metric) => metric.timestamp - metric.duration_ms >= spikeEndsAt)
      },
    })
  ).unwrap()
  expect(report.summary.transactions.pending).toBe(0)
  expect(report.reconciliation?.mismatches).toEqual([])
  // Stuck transactions were replaced, each journaled `replaced` with a link to its same-nonce successor.
  expect(replaced.length).toBeGreaterThan(0)
  expect(linkedSameNonce).toBe(replaced.length)
  expect(afterSpike.length).toBeGreaterThan(10)
  const succeeded = afterSpike.filter((metric) => metric.status === "success").length
  expect(succeeded / afterSpike.length).toBeGreaterThanOrEqual(0.99)
}, 60_000)
