import { encodeRlp as ethersEncodeRlp, hexlify, toBeArray } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { bytesToHex, hexToBytes } from "./hex.js"
import { encodeRlp, quantityBytes, type RlpItem, stripLeadingZeros } from "./rlp.js"

type EthersItem = string | EthersItem[]
const toEthers = (item: RlpItem): EthersItem =>
  item instanceof Uint8Array ? hexlify(item) : item.map((child) => toEthers(child))

const { item } = fc.letrec<{ item: RlpItem }>((tie) => ({
  item: fc.oneof(
    { depthSize: "small" },
    fc.uint8Array({ maxLength: 70 }),
    fc.uint8Array({ minLength: 250, maxLength: 300 }),
    fc.array(tie("item"), { maxLength: 5 }),
  ),
}))

describe("RLP encoder", () => {
  it("matches ethers' encodeRlp on random nested items, with and without a type prefix", () => {
    fc.assert(
      fc.property(item, (drawn) => {
        expect(bytesToHex(encodeRlp(drawn))).toBe(ethersEncodeRlp(toEthers(drawn)))
        expect(bytesToHex(encodeRlp(drawn, 2))).toBe(`0x02${ethersEncodeRlp(toEthers(drawn)).slice(2)}`)
      }),
      { numRuns: 500 },
    )
  })

  it("encodes quantities minimally, like ethers' toBeArray", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (value) => {
        expect(hexlify(quantityBytes(value))).toBe(value === 0n ? "0x" : hexlify(toBeArray(value)))
      }),
      { numRuns: 500 },
    )
    expect([...quantityBytes(2n ** 48n - 1n)]).toEqual([255, 255, 255, 255, 255, 255])
    expect([...quantityBytes(2n ** 48n)]).toEqual([1, 0, 0, 0, 0, 0, 0])
  })

  it("strips leading zeros and validates hex strictly", () => {
    expect([...stripLeadingZeros(new Uint8Array([0, 0, 7, 0]))]).toEqual([7, 0])
    expect([...stripLeadingZeros(new Uint8Array([0, 0]))]).toEqual([])
    expect([...(hexToBytes("0x0aFf") ?? [])]).toEqual([10, 255])
    expect([hexToBytes("0x1"), hexToBytes("0X01"), hexToBytes("0x0g"), hexToBytes("01")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })
})
