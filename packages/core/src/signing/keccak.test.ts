import { keccak256 } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { bytesToHex } from "./hex.js"
import { keccakJs, selectKeccak } from "./keccak.js"
import { getNativeKeccakStatus } from "./nativeKeccak.js"

const status = getNativeKeccakStatus()
const native = status.available ? status.keccak256 : () => new Uint8Array()

// Lengths around the sponge's 136-byte rate, where padding spills into a new block.
const aroundRate = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -2, max: 1 }))
  .map(([block, delta]) => Math.max(0, block * 136 + delta))
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  aroundRate.chain((length) => fc.uint8Array({ minLength: length, maxLength: length })),
  fc.uint8Array({ minLength: 500, maxLength: 2000 }),
)

describe("keccak-256", () => {
  it("loads the native keccak on this machine, once", () => {
    expect(status.available).toBe(true)
    const again = getNativeKeccakStatus()
    expect(again.available && again.keccak256).toBe(native)
    expect(selectKeccak(true)).toEqual({ backend: "native", keccak256: native })
    expect(selectKeccak(false)).toEqual({ backend: "js", keccak256: keccakJs })
  })

  it("matches the known answer for empty input on both backends", () => {
    const empty = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    expect([bytesToHex(native(new Uint8Array())), bytesToHex(keccakJs(new Uint8Array()))]).toEqual([
      empty,
      empty,
    ])
  })

  it("hashes 5000 random inputs byte-identically natively, in JS and in ethers, views at offsets included", () => {
    fc.assert(
      fc.property(bytes, fc.nat({ max: 7 }), (data, offset) => {
        const expected = keccak256(data)
        expect(bytesToHex(native(data))).toBe(expected)
        expect(bytesToHex(keccakJs(data))).toBe(expected)
        // A view into a larger buffer (like a Buffer from the pool) must hash only its own bytes.
        const padded = new Uint8Array(offset + data.length + 3).fill(0xaa)
        padded.set(data, offset)
        expect(bytesToHex(native(padded.subarray(offset, offset + data.length)))).toBe(expected)
      }),
      { numRuns: 5000 },
    )
  })

  it("starts every hash from a fresh state (the native sponge is reused)", () => {
    const first = bytesToHex(native(new Uint8Array([1, 2, 3])))
    native(new Uint8Array(300).fill(9))
    expect(bytesToHex(native(new Uint8Array([1, 2, 3])))).toBe(first)
  })
})
