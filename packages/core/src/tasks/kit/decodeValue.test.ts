import { AbiCoder, hexlify } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeValue } from "./decodeValue.js"

function outcome(run: () => unknown): unknown {
  try {
    return run()
  } catch (error) {
    return `throws ${(error as Error).message}`
  }
}

const types = [
  "uint256",
  "uint",
  "uint128",
  "uint64",
  "uint8",
  "bool",
  "bytes32",
  "address",
  "int16",
  "string",
  "bytes4",
]
// Words as calls return them: small values, addresses, all bits set, plus trailing data.
const word = fc.oneof(
  fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }).map((value) => value.toString(16).padStart(64, "0")),
  fc.bigInt({ min: 0n, max: (1n << 160n) - 1n }).map((value) => value.toString(16).padStart(64, "0")),
  fc.integer({ min: 0, max: 300 }).map((value) => value.toString(16).padStart(64, "0")),
  fc.constant("f".repeat(64)),
)
const data = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(word, fc.uint8Array({ maxLength: 64 }))
      .map(([first, rest]) => `0x${first}${hexlify(rest).slice(2)}`),
  },
  { weight: 1, arbitrary: word.map((first) => `0x${first.toUpperCase()}`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes) => hexlify(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom("0x", "0x1", `0x${"zz".repeat(32)}`, `0x${"00".repeat(32)}0`) },
)

describe("decodeValue", () => {
  it("is AbiCoder's value or error for every type on every kind of return data", () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), data, (type, returned) => {
        expect(outcome(() => decodeValue(type, returned))).toEqual(
          outcome(() => AbiCoder.defaultAbiCoder().decode([type], returned)[0]),
        )
      }),
      { numRuns: 3000 },
    )
  })
})
