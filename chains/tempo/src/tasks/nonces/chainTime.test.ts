import { createWallet } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { expiringNonceWindow, expiringValidBefore, readChainTime } from "../shared/chainTime.js"
import { expiringNonce } from "./index.js"

describe("expiringValidBefore", () => {
  const running = { task: { name: "expiring_nonce", category: "nonces" } }
  it("adds a lifetime inside the node's window (> 3 s, ≤ 30 s) to the chain time", () => {
    expect(expiringValidBefore(running, 1_000n, 20n).unwrap()).toBe(1_020n)
    expect(expiringValidBefore(running, 1_000n, expiringNonceWindow.maximumSeconds).unwrap()).toBe(1_030n)
    for (const lifetime of [3n, 0n, 31n])
      expect(expiringValidBefore(running, 1_000n, lifetime).isErr()).toBe(true)
  })
})

// The chain's clock one hour ahead of this machine's: a deadline from the local clock would be an
// hour in the chain's past ("valid_before … must be > current time + 3s").
describe("expiring_nonce takes its deadline from the chain, not the local clock", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    ;(await harness.rpc.request("evm_increaseTime", [3600])).unwrap()
    ;(await harness.rpc.request("evm_mine", [])).unwrap()
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("mines with validBefore = latest block timestamp + 20 s while the chain runs an hour ahead", async () => {
    const funder = createWallet(
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", // anvil dev account 0
    ).unwrap()
    const [wallet] = [createWallet(hexlify(randomBytes(32))).unwrap()]
    if (wallet === undefined) throw new Error("no wallet")
    ;(
      await harness.fund(createTip20FundingHook({ sponsor: undefined }), funder, [wallet], 10n ** 6n)
    ).unwrap()
    const context = harness.contextFor(wallet, "check")
    const chainTime = (await readChainTime(context)).unwrap()
    const localTime = BigInt(Math.floor(Date.now() / 1000))
    expect(chainTime - localTime).toBeGreaterThan(3000n)
    const outcome = (await harness.run(expiringNonce, wallet)).unwrap()
    const validBefore = BigInt(/valid before (\d+)/.exec(outcome.notes[0] ?? "")?.[1] ?? "0")
    expect(validBefore - chainTime).toBeGreaterThanOrEqual(20n)
    expect(validBefore - chainTime).toBeLessThanOrEqual(25n)
  }, 60_000)
})
