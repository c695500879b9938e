import { getAddress, hexlify, Interface, type ParamType } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { accountKeychainAbi } from "./accountKeychain.js"
import { FastInterface } from "./fastInterface.js"
import { feeManagerAbi } from "./feeManager.js"
import { nonceAbi } from "./nonce.js"
import { stablecoinDexAbi } from "./stablecoinDex.js"
import { tip20Abi } from "./tip20.js"
import { tip20FactoryAbi } from "./tip20Factory.js"
import { tip403RegistryAbi } from "./tip403Registry.js"

/** Shapes the Tempo ABIs do not use yet, and ones that must fall back to ethers (tuple, T[2]). */
const shapesAbi = [
  "function words(uint8 a, int16 b, uint64 c, int256 d, bytes4 e, bytes32 f, bool g, address h)",
  "function dynamics(string a, uint256 b, bytes c, address[] d, uint128[] e, bool[] f, int24[] g, bytes32[] h)",
  "function empty()",
  "function fallbacks((address to, uint256 amount) call, uint256[2] pair, string[] names)",
  "function overloaded(uint256 a)",
  "function overloaded(address a)",
]

const abis: Record<string, readonly string[]> = {
  tip20: tip20Abi,
  feeManager: feeManagerAbi,
  nonce: nonceAbi,
  stablecoinDex: stablecoinDexAbi,
  tip20Factory: tip20FactoryAbi,
  tip403Registry: tip403RegistryAbi,
  accountKeychain: accountKeychainAbi,
  shapes: shapesAbi,
}

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).chain((bytes) => {
  const checksummed = getAddress(hexlify(bytes))
  const wrong = checksummed.replace(/[a-f]/, (letter) => letter.toUpperCase())
  return fc.constantFrom(
    checksummed,
    checksummed.toLowerCase(),
    `0x${checksummed.slice(2).toUpperCase()}`,
    wrong,
    "0x12",
  )
})

function integer(bits: number, signed: boolean): fc.Arbitrary<unknown> {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n
  return fc.oneof(
    { weight: 8, arbitrary: fc.bigInt({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(min - 1n, max + 1n, "12", 1.5) },
    { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  )
}

function hexBytes(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.uint8Array({ minLength, maxLength }).map((bytes) => hexlify(bytes))
}

function argumentValue(parameter: ParamType): fc.Arbitrary<unknown> {
  const { type, baseType } = parameter
  if (baseType === "array" && parameter.arrayChildren !== null)
    return fc.array(argumentValue(parameter.arrayChildren), { maxLength: 4 })
  if (baseType === "tuple") return fc.tuple(...(parameter.components ?? []).map(argumentValue))
  if (type === "address") return address
  if (type === "bool")
    return fc.oneof({ weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(1) })
  if (type === "string")
    return fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("\uD800", "a\uDC00b", ""))
  if (type === "bytes") return fc.oneof(hexBytes(0, 70), fc.constantFrom("0x1", "0xzz"))
  const fixed = /^bytes([0-9]+)$/.exec(type)
  if (fixed !== null) {
    const size = Number(fixed[1])
    return fc.oneof({ weight: 9, arbitrary: hexBytes(size, size) }, { weight: 1, arbitrary: hexBytes(0, 33) })
  }
  const number = /^(u?)int([0-9]+)$/.exec(type)
  if (number !== null) return integer(Number(number[2]), number[1] === "")
  throw new Error(`no generator for ${type}`)
}

function outcome(run: () => string): string {
  try {
    return run()
  } catch (error) {
    return `throws ${(error as Error).message}`
  }
}

describe("FastInterface.encodeFunctionData", () => {
  for (const [name, abi] of Object.entries(abis)) {
    it(`is ethers' result or error for every function of ${name}, on valid and invalid values`, () => {
      const ethers = new Interface(abi)
      const fast = new FastInterface(abi)
      ethers.forEachFunction((fragment) => {
        const key = name === "shapes" && fragment.name === "overloaded" ? fragment.format() : fragment.name
        fc.assert(
          fc.property(fc.tuple(...fragment.inputs.map(argumentValue)), fc.boolean(), (values, dropOne) => {
            const args = dropOne && values.length > 0 ? values.slice(1) : values
            expect(outcome(() => fast.encodeFunctionData(key, args))).toBe(
              outcome(() => ethers.encodeFunctionData(key, args)),
            )
          }),
          { numRuns: 60 },
        )
      })
    })
  }

  for (const [name, abi] of Object.entries(abis)) {
    it(`finds and parses every event of ${name} as ethers does, and no event for other topics`, () => {
      const ethers = new Interface(abi)
      const fast = new FastInterface(abi)
      ethers.forEachEvent((fragment) => {
        fc.assert(
          fc.property(fc.tuple(...fragment.inputs.map(argumentValue)), fc.boolean(), (values, upper) => {
            let log: { topics: string[]; data: string }
            try {
              log = ethers.encodeEventLog(fragment, values)
            } catch {
              return // values ethers cannot encode make no log
            }
            const topics = upper ? log.topics.map((topic) => `0x${topic.slice(2).toUpperCase()}`) : log.topics
            const parse = (contract: Interface) => {
              const parsed = contract.parseLog({ topics, data: log.data })
              return parsed === null
                ? null
                : [parsed.name, parsed.signature, parsed.topic, parsed.args.toArray()]
            }
            expect(parse(fast)).toEqual(parse(ethers))
            expect(parse(fast)).not.toBeNull()
          }),
          { numRuns: 20 },
        )
      })
      for (const key of [
        `0x${"ab".repeat(32)}`,
        "0x",
        "0x12",
        "Transfer",
        "Transfer(address,address,uint256)",
      ])
        expect(fast.getEvent(key)?.format() ?? null).toBe(ethers.getEvent(key)?.format() ?? null)
    })
  }

  it("covers the shapes the fast path is for, and leaves ambiguous names to ethers", () => {
    const fast = new FastInterface(shapesAbi)
    const ethers = new Interface(shapesAbi)
    const args = [
      "héllo",
      7n,
      "0xabcdef",
      ["0x000000000000000000000000000000000000bEEF"],
      [1n, 2n],
      [true],
      [-1],
      [],
    ]
    expect(fast.encodeFunctionData("dynamics", args)).toBe(ethers.encodeFunctionData("dynamics", args))
    expect(outcome(() => fast.encodeFunctionData("overloaded", [1n]))).toMatch(
      /^throws ambiguous function description/,
    )
  })
})
