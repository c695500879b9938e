import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../devnet/index.js"
import { createSenderLimit } from "../inflight/senderLimit.js"
import { createRpcClient } from "../rpc/client.js"
import { createTestPipeline } from "../testing/runner/anvilPipeline.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import { createWallet } from "../wallet/wallet.js"
import type { SubmittedTransaction } from "./submitter.js"

// A base-fee spike on a generic EVM devnet (anvil, 1 s blocks). The rule simulated is EIP-1559's:
// a transaction whose maxFeePerGas is below the block's base fee cannot be included, and every
// later nonce of its sender waits behind it. Live networks spike on their own (Tempo since T7,
// TIP-1067: up to ~7× in one block; any EIP-1559 chain under load); here
// `anvil_setNextBlockBaseFeePerGas` is set before every block: 1 gwei, then 3, 6, 10 gwei (10×)
// and back to 1. Transactions signed just before a step are stuck until the tracker replaces them.

const chainId = 31337
const gwei = 1_000_000_000n
let devnet: Devnet

beforeAll(async () => {
  const started = await startDevnet({ chainId, blockTimeSeconds: 1 })
  if (started.isErr()) throw started.error
  devnet = started.value
})

afterAll(async () => {
  await devnet?.stop()
})

describe("a base-fee spike mid-run (EIP-1559, generic EVM devnet)", () => {
  it("replaces every stuck transaction, journals the link, leaves no pending row and no nonce gap", async () => {
    const rpc = createRpcClient({ endpoints: [devnet.rpcUrl] })
    const { rows, final, recorder } = createMemoryRecorder()
    const { tracker, submitter } = createTestPipeline({
      rpc,
      recorder,
      chainId,
      gas: { minPriorityFeePerGas: gwei / 10n },
      tracker: { pollIntervalMs: 100 },
      submitter: { senderLimit: createSenderLimit({ limit: 16 }) },
    })
    let target = 1n * gwei
    let driving = true
    // Sets the NEXT block's base fee over and over, so every block of a step has it.
    const driver = (async () => {
      while (driving) {
        await rpc.request("anvil_setNextBlockBaseFeePerGas", [`0x${target.toString(16)}`])
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    const steps: [number, bigint][] = [
      [3_000, 1n],
      [3_000, 3n],
      [3_000, 6n],
      [4_000, 10n],
      [3_000, 3n],
      [6_000, 1n],
    ]
    const spikeEndsAt = steps.slice(0, -1).reduce((sum, [ms]) => sum + ms, 0)
    try {
      await tracker.start()
      const wallets = [1, 2, 3, 4].map((index) => createWallet(devnet.accounts[index]!.privateKey).unwrap())
      const startedAt = Date.now()
      const tasks: { startedAt: number; sent: Promise<SubmittedTransaction | undefined> }[] = []
      const sending = (async () => {
        for (const [durationMs, multiple] of steps) {
          target = multiple * gwei
          const stepEnds = Date.now() + durationMs
          while (Date.now() < stepEnds) {
            for (const wallet of wallets) {
              const sent = submitter
                .send({
                  wallet,
                  taskName: "transfer",
                  request: { to: hexlify(randomBytes(20)), value: 1n, gasLimit: 21_000n },
                })
                .then((result) => (result.isOk() ? result.value : undefined))
              tasks.push({ startedAt: Date.now() - startedAt, sent })
            }
            await new Promise((resolve) => setTimeout(resolve, 400))
          }
        }
      })()
      await sending
      expect(await tracker.waitForSettled(20_000)).toBe(true)
      const outcomes = await Promise.all(
        tasks.map(async (task) => {
          const sent = await task.sent
          const outcome = sent === undefined ? undefined : await sent.outcome
          return { startedAt: task.startedAt, ok: outcome?.status === "included" }
        }),
      )
      // Task success after the spike ended: at least 99 %.
      const after = outcomes.filter((outcome) => outcome.startedAt >= spikeEndsAt)
      expect(after.length).toBeGreaterThan(20)
      expect(after.filter((outcome) => outcome.ok).length / after.length).toBeGreaterThanOrEqual(0.99)
      // Every stuck transaction was replaced and journaled with a link to its replacement.
      const replaced = rows.filter((row) => final.get(row.hash)?.status === "replaced")
      expect(tracker.stats().replacements).toBeGreaterThan(0)
      expect(replaced.length).toBeGreaterThan(0)
      const byHash = new Map(rows.map((row) => [row.hash, row]))
      for (const row of replaced) {
        const link = final.get(row.hash)?.replacedBy
        expect(link, row.hash).toBeDefined()
        const replacement = byHash.get(link ?? "")
        expect(replacement?.nonce).toBe(row.nonce)
        expect(replacement?.wallet).toBe(row.wallet)
      }
      // 0 pending rows; per wallet one included row per mined nonce, no gap, nothing else mined.
      const statuses = rows.map((row) => final.get(row.hash)?.status ?? "pending")
      expect(statuses.filter((status) => status === "pending")).toEqual([])
      for (const wallet of wallets) {
        const included = rows
          .filter((row) => row.wallet === wallet.address && final.get(row.hash)?.status === "included")
          .map((row) => row.nonce)
          .sort((a, b) => (a < b ? -1 : 1))
        const mined = BigInt(
          (await rpc.request<string>("eth_getTransactionCount", [wallet.address, "latest"])).unwrap(),
        )
        expect(included.length).toBe(Number(mined))
        expect(included.every((nonce, index) => nonce === BigInt(index))).toBe(true)
      }
    } finally {
      driving = false
      await driver
      tracker.stop()
      await rpc.close()
    }
  }, 60_000)
})
