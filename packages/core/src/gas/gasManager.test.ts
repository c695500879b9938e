import { describe, expect, it } from "vitest"
import { Ok } from "../result.js"
import { defineFeePolicy } from "./feePolicy.js"
import { createGasManager } from "./gasManager.js"

const gwei = 1_000_000_000n
const block = (number: bigint, baseFeePerGas: bigint | null, gasLimit = 30_000_000n) => ({
  number,
  baseFeePerGas,
  gasLimit,
})

describe("createGasManager: fees", () => {
  it("returns GasFeesUnavailableError before the first block", () => {
    const gas = createGasManager({ eip1559: true })
    const fees = gas.currentFees()
    expect(fees.isErr() && fees.error.code).toBe("GAS_FEES_UNAVAILABLE")
    expect(gas.getLatestBlock()).toBeUndefined()
  })

  it("computes EIP-1559 fees from the base fee and the observed priority fee", () => {
    const gas = createGasManager({ eip1559: true, baseFeeMultiplier: 2, priorityFeeMultiplier: 1.5 })
    gas.updateFromBlock(block(1n, 10n * gwei), 2n * gwei)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 23n * gwei, maxPriorityFeePerGas: 3n * gwei })
    // The observed priority fee is kept until a new one is given.
    gas.updateFromBlock(block(2n, 20n * gwei))
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 43n * gwei, maxPriorityFeePerGas: 3n * gwei })
  })

  it("applies the minimum priority fee and defaults (×2 base fee, ×1 priority)", () => {
    const gas = createGasManager({ eip1559: true, minPriorityFeePerGas: gwei })
    gas.updateFromBlock(block(1n, 7n), 5n)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 14n + gwei, maxPriorityFeePerGas: gwei })
  })

  it("serves the same cached result until the next block, and ignores older blocks", () => {
    const gas = createGasManager({ eip1559: true })
    gas.updateFromBlock(block(5n, 100n), 1n)
    const first = gas.currentFees()
    expect(gas.currentFees()).toBe(first)
    gas.updateFromBlock(block(4n, 1_000n), 1n)
    expect(gas.currentFees()).toBe(first)
    expect(gas.getLatestBlock()?.number).toBe(5n)
    gas.updateFromBlock(block(6n, 1_000n), 1n)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 2001n, maxPriorityFeePerGas: 1n })
  })

  it("lowers maxFeePerGas to the cap while base fee + tip fits, refuses below it, and recovers", () => {
    const gas = createGasManager({ eip1559: true, maxFeePerGas: 50n * gwei })
    gas.updateFromBlock(block(1n, 30n * gwei), gwei)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 50n * gwei, maxPriorityFeePerGas: gwei })
    gas.updateFromBlock(block(2n, 50n * gwei), gwei)
    const fees = gas.currentFees()
    expect(fees.isErr() && fees.error.code).toBe("GAS_CAP_BELOW_BASE_FEE")
    gas.updateFromBlock(block(3n, 20n * gwei), gwei)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 41n * gwei, maxPriorityFeePerGas: gwei })
  })

  it("signs at a declared ceiling, with headroom once the base fee is above it", () => {
    const gas = createGasManager({
      eip1559: true,
      feePolicy: defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12n * gwei } }),
    })
    gas.updateFromBlock(block(1n, 600_000_000n), gwei)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 12n * gwei, maxPriorityFeePerGas: gwei })
    gas.updateFromBlock(block(2n, 20n * gwei), 0n)
    expect(gas.currentFees().unwrap()).toEqual({ maxFeePerGas: 40n * gwei, maxPriorityFeePerGas: 0n })
    expect(gas.getFeePolicy().maxFee.kind).toBe("ceiling")
  })

  it("takes the larger of the chain's and the configured replacement minimum", () => {
    const gas = createGasManager({
      eip1559: true,
      feePolicy: defineFeePolicy({ replacementMinimumPercent: 10 }),
      replacementBumpPercent: 25,
    })
    expect(gas.getFeePolicy().replacementMinimumPercent).toBe(25)
  })

  it("uses a legacy gasPrice on chains without EIP-1559", () => {
    const gas = createGasManager({ eip1559: false, priorityFeeMultiplier: 1.2 })
    gas.updateFromBlock(block(1n, null), 10n * gwei) // eth_gasPrice, no base fee
    expect(gas.currentFees().unwrap()).toEqual({ gasPrice: 12n * gwei })
    gas.updateFromBlock(block(2n, 5n * gwei), gwei) // a base fee, legacy transactions
    expect(gas.currentFees().unwrap()).toEqual({ gasPrice: 10n * gwei + 1_200_000_000n })
  })

  it("reports an EIP-1559 chain whose block has no base fee as unavailable", () => {
    const gas = createGasManager({ eip1559: true })
    gas.updateFromBlock(block(3n, null), 1n)
    const fees = gas.currentFees()
    expect(fees.isErr() && fees.error.details).toBe(
      "block 3 has no base fee, but the chain is configured for EIP-1559",
    )
  })

  it("rejects invalid multipliers at creation", () => {
    expect(() => createGasManager({ eip1559: true, baseFeeMultiplier: -1 })).toThrow(RangeError)
    expect(() =>
      createGasManager({ eip1559: true, replacementBumpPercent: Number.POSITIVE_INFINITY }),
    ).toThrow(RangeError)
  })
})

describe("createGasManager: bump", () => {
  it("bumps by the configured percentage and never below the current market", () => {
    const gas = createGasManager({ eip1559: true, replacementBumpPercent: 10 })
    expect(gas.bump({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }).unwrap()).toEqual({
      maxFeePerGas: 110n,
      maxPriorityFeePerGas: 11n,
    })
    gas.updateFromBlock(block(1n, 1000n), 50n)
    expect(gas.bump({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }).unwrap()).toEqual({
      maxFeePerGas: 2050n,
      maxPriorityFeePerGas: 50n,
    })
    // A legacy transaction is raised to what is includable now, too.
    expect(gas.bump({ gasPrice: 100n }).unwrap()).toEqual({ gasPrice: 2050n })
  })

  it("returns GasFeeAboveCapError when the bump crosses the cap", () => {
    const gas = createGasManager({ eip1559: false, maxFeePerGas: 105n, replacementBumpPercent: 10 })
    const bumped = gas.bump({ gasPrice: 100n })
    expect(bumped.isErr() && bumped.error.code).toBe("GAS_FEE_ABOVE_CAP")
  })
})

describe("createGasManager: gas limits", () => {
  it("caps a limit with headroom at the latest block's gas limit, never below the estimate", async () => {
    const gas = createGasManager({ eip1559: true })
    gas.updateFromBlock(block(1n, 1n, 1_000_000n))
    expect((await gas.gasLimitFor("big", async () => Ok(900_000n))).unwrap()).toBe(1_000_000n)
    expect((await gas.gasLimitFor("huge", async () => Ok(1_200_000n))).unwrap()).toBe(1_200_000n)
    expect((await gas.gasLimitFor("small", async () => Ok(100_000n))).unwrap()).toBe(120_000n)
  })
})
