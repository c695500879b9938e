import { getAddress } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checksumAddress } from "./checksumAddress.js"
import { getNativeKeccakStatus } from "./nativeKeccak.js"

const addressBytes = fc.uint8Array({ minLength: 20, maxLength: 20 })
const lowerAddress = addressBytes.map((bytes) => `0x${Buffer.from(bytes).toString("hex")}`)

function outcome(run: () => string): string {
  try {
    return run()
  } catch (error) {
    return `throws ${(error as Error).message}`
  }
}

describe("checksumAddress", () => {
  it("uses the native keccak on this machine (else the test below compares ethers with itself)", () => {
    expect(getNativeKeccakStatus().available).toBe(true)
  })

  it("equals ethers' getAddress for lowercase, uppercase and checksummed input", () => {
    fc.assert(
      fc.property(lowerAddress, (lower) => {
        const upper = `0x${lower.slice(2).toUpperCase()}`
        const expected = getAddress(lower)
        expect([checksumAddress(lower), checksumAddress(upper), checksumAddress(expected)]).toEqual([
          expected,
          expected,
          expected,
        ])
      }),
      { numRuns: 2000 },
    )
  })

  it("throws ethers' error on a mixed-case address with a wrong checksum, and on malformed input", () => {
    fc.assert(
      fc.property(lowerAddress, fc.nat({ max: 39 }), (lower, index) => {
        const checksummed = getAddress(lower)
        const character = checksummed[index + 2] ?? "0"
        const flipped =
          character === character.toUpperCase() ? character.toLowerCase() : character.toUpperCase()
        const wrong = `${checksummed.slice(0, index + 2)}${flipped}${checksummed.slice(index + 3)}`
        expect(outcome(() => checksumAddress(wrong))).toBe(outcome(() => getAddress(wrong)))
      }),
      { numRuns: 1000 },
    )
    for (const bad of ["0x123", "0xzz00000000000000000000000000000000000000", "not an address", ""])
      expect(outcome(() => checksumAddress(bad))).toBe(outcome(() => getAddress(bad)))
    expect(outcome(() => checksumAddress("0x123"))).toMatch(/^throws /)
  })
})
