import type { Eip1559Fees } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"

const gwei = 1_000_000_000n

// Tempo declares a 12 gwei ceiling (TIP-1067's cap); the embedded devnet (anvil, T4) keeps a fixed
// base fee above it, so the signed maxFeePerGas must follow the base fee, never the ceiling alone.
describe("Tempo's fee policy on the embedded devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("declares the 12 gwei ceiling, 10 % replacement minimum and 16 in flight per sender", () => {
    expect(tempo.feePolicy).toEqual({
      maxFee: { kind: "ceiling", maxFeePerGas: 12n * gwei },
      replacementMinimumPercent: 10,
    })
    expect(tempo.maxInFlightPerSender).toBe(16)
  })

  it("signs with headroom while the devnet's base fee is above the ceiling, at the ceiling once below", async () => {
    // anvil's Tempo mode (T4) is not TIP-1067: the base fee starts at 20 gwei (T1+) and follows
    // EIP-1559 (−12.5 % per empty block), so both branches of the policy show within seconds.
    const seen: { baseFee: bigint; maxFee: bigint }[] = []
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const fees = harness.gas.currentFees()
      const baseFee = harness.gas.getLatestBlock()?.baseFeePerGas
      if (fees.isOk() && baseFee !== undefined && baseFee !== null) {
        const { maxFeePerGas, maxPriorityFeePerGas } = fees.value as Eip1559Fees
        if (seen.at(-1)?.baseFee !== baseFee) seen.push({ baseFee, maxFee: maxFeePerGas })
        if (baseFee + maxPriorityFeePerGas > 12n * gwei)
          expect(maxFeePerGas).toBe(2n * baseFee + maxPriorityFeePerGas)
        else {
          expect(maxFeePerGas).toBe(12n * gwei)
          break
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(seen[0]?.baseFee).toBe(20n * gwei)
    expect(seen.at(-1)?.maxFee).toBe(12n * gwei)
    expect(seen.length).toBeGreaterThan(2)
  }, 60_000)
})
