import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import {
  GasCapBelowBaseFeeError,
  GasEstimationFailedError,
  GasFeeAboveCapError,
  GasFeesUnavailableError,
} from "./gas.js"

describe("gas errors", () => {
  it("GasFeeAboveCapError shows the fee, the cap and how to raise it", () => {
    const error = new GasFeeAboveCapError({ fee: 61_500_000_000n, cap: 50_000_000_000n })
    expect(error.code).toBe("GAS_FEE_ABOVE_CAP")
    expect(error.name).toBe("GasFeeAboveCapError")
    expect([error.fee, error.cap]).toEqual([61_500_000_000n, 50_000_000_000n])
    expect(BaseError.isInstance(error)).toBe(true)
    expect(error.message).toMatchInlineSnapshot(`
      "The fee 61500000000 wei (61.5 gwei) per gas is above the cap of 50000000000 wei (50 gwei).

      Nothing was sent. Raise the cap with \`gas.max_fee_per_gas\` in the config or TESTNET_GAS_MAX_FEE_PER_GAS (or remove it),
      lower \`gas.base_fee_multiplier\` / \`gas.priority_fee_multiplier\`, or wait for the base fee to fall."
    `)
  })

  it("GasCapBelowBaseFeeError gives the cap, the base fee and the priority fee", () => {
    const error = new GasCapBelowBaseFeeError({
      baseFeePerGas: 20_000_000_000n,
      priorityFeePerGas: 0n,
      cap: 12_000_000_000n,
    })
    expect(error.code).toBe("GAS_CAP_BELOW_BASE_FEE")
    expect([error.baseFeePerGas, error.priorityFeePerGas, error.cap]).toEqual([
      20_000_000_000n,
      0n,
      12_000_000_000n,
    ])
    expect(error.shortMessage).toContain(
      "12000000000 wei (12 gwei) is below the current base fee 20000000000 wei (20 gwei)",
    )
  })

  it("GasEstimationFailedError names the shape and keeps the cause", () => {
    const cause = new Error("execution reverted")
    const error = new GasEstimationFailedError({ shapeKey: "erc20.transfer", cause })
    expect(error.code).toBe("GAS_ESTIMATION_FAILED")
    expect(error.cause).toBe(cause)
    expect(error.shapeKey).toBe("erc20.transfer")
    expect(error.message).toMatchInlineSnapshot(`
      "Could not estimate the gas limit of transaction shape "erc20.transfer".

      The cause says why (often a revert: the call would fail). Give the task a fixed gas limit to skip estimation."
    `)
  })

  it("GasFeesUnavailableError", () => {
    const error = new GasFeesUnavailableError({ reason: "no block has been seen yet" })
    expect(error.code).toBe("GAS_FEES_UNAVAILABLE")
    expect(error.message).toMatchInlineSnapshot(`
      "Fees are not known yet.

      Fees come from the latest block: feed one with gas.updateFromBlock() before sending.

      Details: no block has been seen yet"
    `)
  })
})
