import { toBeArray } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { rlpInteger } from "./rlpInteger.js"

describe("rlpInteger", () => {
  it("is ethers' minimal big-endian bytes (empty for zero) for numbers and bigints of every size", () => {
    const value = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    )
    fc.assert(
      fc.property(value, (integer) => {
        const expected = BigInt(integer) === 0n ? new Uint8Array(0) : toBeArray(integer)
        expect([...rlpInteger(integer)]).toEqual([...expected])
      }),
      { numRuns: 2000 },
    )
  })

  it("refuses negative and non-integer numbers", () => {
    expect(() => rlpInteger(-1n)).toThrow(RangeError)
    expect(() => rlpInteger(1.5)).toThrow(RangeError)
  })
})
