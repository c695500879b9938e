import { describe, expect, it } from "vitest"
import { bumpFees, bumpValue, multiplyCeil } from "./feeMath.js"

describe("multiplyCeil", () => {
  it("multiplies with 6-decimal precision and rounds up", () => {
    expect(multiplyCeil(7n, 1.5)).toBe(11n)
    expect(multiplyCeil(10n, 1.1)).toBe(11n)
    expect(multiplyCeil(1_000_000_000n, 2)).toBe(2_000_000_000n)
    expect(multiplyCeil(3n, 0)).toBe(0n)
    expect(multiplyCeil(0n, 5)).toBe(0n)
  })

  it("rejects negative and non-finite multipliers (a bug: config validation lets none through)", () => {
    expect(() => multiplyCeil(1n, -1)).toThrow(RangeError)
    expect(() => multiplyCeil(1n, Number.NaN)).toThrow(/finite number/)
  })
})

describe("bumpValue and bumpFees", () => {
  it("raises by the percentage, rounded up, and by at least 1 wei", () => {
    expect(bumpValue(100n, 10)).toBe(110n)
    expect(bumpValue(101n, 10)).toBe(112n) // 111.1 → 112
    expect(bumpValue(1n, 10)).toBe(2n)
    expect(bumpValue(0n, 10)).toBe(1n)
    expect(bumpValue(1000n, 12.5)).toBe(1125n)
    expect(bumpValue(5n, 0)).toBe(6n)
  })

  it("keeps the kind of fees and maxFee ≥ priority", () => {
    expect(bumpFees({ gasPrice: 100n }, 10)).toEqual({ gasPrice: 110n })
    expect(bumpFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 10)).toEqual({
      maxFeePerGas: 110n,
      maxPriorityFeePerGas: 11n,
    })
    expect(bumpFees({ maxFeePerGas: 5n, maxPriorityFeePerGas: 5n }, 10)).toEqual({
      maxFeePerGas: 6n,
      maxPriorityFeePerGas: 6n,
    })
  })
})
