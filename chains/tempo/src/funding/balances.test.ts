import { getAddress, hexlify } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { encodeTip20BalanceOf } from "../contracts/tip20.js"
import { decodeAggregate3, encodeAggregate3, multicall3Interface } from "./balances.js"

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hexlify(bytes)))

describe("hand-encoded Multicall3 aggregate3 of balanceOf calls", () => {
  it("encodes exactly as ethers does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(address, address), { minLength: 0, maxLength: 12 }), (pairs) => {
        const calls = pairs.map(([token, holder]) => ({
          target: token,
          allowFailure: false,
          callData: encodeTip20BalanceOf(holder),
        }))
        expect(encodeAggregate3(calls)).toBe(multicall3Interface.encodeFunctionData("aggregate3", [calls]))
      }),
      { numRuns: 100 },
    )
  })

  it("decodes what ethers encodes, and refuses truncated answers", () => {
    const result = fc.record({
      success: fc.boolean(),
      returnData: fc.uint8Array({ minLength: 0, maxLength: 70 }).map((bytes) => hexlify(bytes)),
    })
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 10 }), (results) => {
        const encoded = multicall3Interface.encodeFunctionResult("aggregate3", [results])
        expect(decodeAggregate3(encoded)).toEqual(results)
        expect(decodeAggregate3(encoded.slice(0, encoded.length - 64))).toBeUndefined()
      }),
      { numRuns: 100 },
    )
  })
})
