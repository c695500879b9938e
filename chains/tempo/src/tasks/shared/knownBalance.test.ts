import { Ok } from "@testnet/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { coverFromKnownBalance } from "./knownBalance.js"

describe("coverFromKnownBalance", () => {
  it("never answers covered beyond the real balance when only its callers spend (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.bigInt({ min: 0n, max: 10_000n }),
        fc.array(
          fc.oneof(
            fc.record({ spend: fc.bigInt({ min: 1n, max: 500n }) }),
            fc.record({ add: fc.bigInt({ min: 1n, max: 500n }) }),
          ),
          {
            maxLength: 60,
          },
        ),
        fc.uuid(),
        async (start, steps, runId) => {
          let real = start
          let reads = 0
          const context = { runId, chainId: 1 }
          for (const step of steps) {
            if ("add" in step) {
              real += step.add // a refill: the bound may only be below the balance
              continue
            }
            const answer = await coverFromKnownBalance(context, "sponsor:x", step.spend, async () => {
              reads += 1
              return Ok(real)
            })
            const { covered } = answer.unwrap()
            expect(covered).toBe(covered && real >= step.spend)
            if (covered) real -= step.spend
          }
          expect(reads).toBeLessThanOrEqual(steps.length)
        },
      ),
      { numRuns: 100 },
    )
  })

  it("reads once for many small spends of a large balance", async () => {
    let reads = 0
    const context = { runId: "run-reads", chainId: 1 }
    for (let index = 0; index < 100; index += 1)
      (
        await coverFromKnownBalance(context, "key", 10n, async () => {
          reads += 1
          return Ok(1_000_000n)
        })
      ).unwrap()
    expect(reads).toBe(1)
  })
})
