import { describe, expect, it } from "vitest"
import { dynamicFees, highestGasPrice } from "./fees.js"

describe("fee helpers", () => {
  const dynamic = { maxFeePerGas: 30n, maxPriorityFeePerGas: 2n }
  const legacy = { gasPrice: 7n }

  it("highestGasPrice is the fee cap, or the legacy price", () => {
    expect(highestGasPrice(dynamic)).toBe(30n)
    expect(highestGasPrice(legacy)).toBe(7n)
  })

  it("dynamicFees keeps EIP-1559 fields and turns a legacy price into cap and tip", () => {
    expect(dynamicFees(dynamic)).toEqual(dynamic)
    expect(dynamicFees(legacy)).toEqual({ maxFeePerGas: 7n, maxPriorityFeePerGas: 7n })
  })
})
