import { startNetworkConditionsProxy } from "@testnet/test-helpers"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Devnet, startDevnet } from "../devnet/index.js"
import { createSenderLimit } from "../inflight/senderLimit.js"
import { createRpcClient } from "../rpc/client.js"
import { createTestPipeline } from "../testing/runner/anvilPipeline.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import { createWallet } from "../wallet/wallet.js"

// Pools cap one sender at 16 pending transactions (reth `max_account_slots`, tempo
// `crates/transaction-pool/src/tt_2d_pool.rs`). A proxy in front of anvil refuses the 17th with
// reth's "txpool is full". One wallet sends 40 transfers at once and waits for all of them: the
// pipeline keeps ≤ 16 in flight, slots come back as transactions are mined, nothing deadlocks.

const chainId = 31337
let devnet: Devnet

beforeAll(async () => {
  const started = await startDevnet({ chainId, blockTimeSeconds: 1 })
  if (started.isErr()) throw started.error
  devnet = started.value
})

afterAll(async () => {
  await devnet?.stop()
})

const { recorder } = createMemoryRecorder()

describe("at most 16 in flight per sender", () => {
  it("sends 40 from one wallet at once through a 16-per-sender pool: all included, none refused", async () => {
    const proxy = await startNetworkConditionsProxy({
      upstream: devnet.rpcUrl,
      conditions: { senderPendingCap: 16 },
      seed: 3,
    })
    const rpc = createRpcClient({ endpoints: [proxy.url] })
    const limit = createSenderLimit({ limit: 16 })
    const { tracker, submitter } = createTestPipeline({
      rpc,
      recorder,
      chainId,
      gas: { minPriorityFeePerGas: 1_000_000_000n },
      tracker: { pollIntervalMs: 100 },
      submitter: { senderLimit: limit },
    })
    const wallet = createWallet(devnet.accounts[5]!.privateKey).unwrap()
    let mostInFlight = 0
    const sampler = setInterval(() => {
      mostInFlight = Math.max(mostInFlight, limit.inFlight(wallet.address))
    }, 5)
    try {
      await tracker.start()
      const sent = await Promise.all(
        Array.from({ length: 40 }, () =>
          submitter.send({
            wallet,
            taskName: "transfer",
            request: { to: hexlify(randomBytes(20)), value: 1n, gasLimit: 21_000n },
          }),
        ),
      )
      expect(sent.filter((result) => result.isErr())).toEqual([])
      const outcomes = await Promise.all(sent.map((result) => result.unwrap().outcome))
      expect(outcomes.every((outcome) => outcome.status === "included")).toBe(true)
      expect(proxy.counters.senderCapRefusals).toBe(0)
      expect(mostInFlight).toBe(16)
      expect(limit.inFlight(wallet.address)).toBe(0)
    } finally {
      clearInterval(sampler)
      tracker.stop()
      await rpc.close()
      await proxy.close()
    }
  }, 40_000)
})
