import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createRecentInclusions } from "./recentInclusions.js"

describe("createRecentInclusions", () => {
  it("answers the block of a hash among the last blocks kept, and nothing older (property)", () => {
    const hash = fc.integer({ min: 0, max: 30 }).map((value) => `0x${value.toString(16).padStart(64, "0")}`)
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(hash, { maxLength: 6 }), { maxLength: 12 }),
        (keep, blocks) => {
          const inclusions = createRecentInclusions(keep)
          for (const [index, hashes] of blocks.entries()) inclusions.record(BigInt(index + 1), hashes)
          const first = Math.max(0, blocks.length - keep)
          for (let value = 0; value <= 30; value += 1) {
            const wanted = `0x${value.toString(16).padStart(64, "0")}`
            let expected: bigint | undefined
            for (let index = first; index < blocks.length; index += 1)
              if (blocks[index]?.includes(wanted)) expected = BigInt(index + 1)
            expect(inclusions.blockOf(wanted)).toBe(expected)
          }
        },
      ),
    )
  })

  it("matches a checksummed spelling of a lower-case hash", () => {
    const inclusions = createRecentInclusions(2)
    inclusions.record(7n, [`0x${"ab".repeat(32)}`])
    expect(inclusions.blockOf(`0x${"AB".repeat(32)}`)).toBe(7n)
  })
})
