import { describe, expect, it } from "vitest"
import { parseWeiAmount } from "./amount.js"
import { resolveDatabaseUrl } from "./defaults.js"

describe("parseWeiAmount", () => {
  it("reads integers, digit strings and amounts with units", () => {
    expect(parseWeiAmount(21_000)).toBe(21_000n)
    expect(parseWeiAmount(2n ** 80n)).toBe(2n ** 80n)
    expect(parseWeiAmount("123")).toBe(123n)
    expect(parseWeiAmount("30 gwei")).toBe(30_000_000_000n)
    expect(parseWeiAmount("1.5gwei")).toBe(1_500_000_000n)
    expect(parseWeiAmount("0.5 ETHER")).toBe(500_000_000_000_000_000n)
  })

  it("rejects negatives, fractions of a wei and other text", () => {
    for (const input of [-1, -1n, 1.5, "1.5", "0.0000000001 gwei", "ten", "", true, null]) {
      expect(parseWeiAmount(input), String(input)).toBeUndefined()
    }
  })
})

describe("resolveDatabaseUrl", () => {
  it("fills the chain name into the default location", () => {
    expect(resolveDatabaseUrl({ database: "./data/{chain}.db" }, "tempo")).toBe("./data/tempo.db")
    expect(resolveDatabaseUrl({ database: ":memory:" }, "tempo")).toBe(":memory:")
  })
})
