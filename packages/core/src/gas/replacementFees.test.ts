import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bumpValue } from "./feeMath.js"
import { defineFeePolicy, type FeePolicy, policyMaxFeePerGas } from "./feePolicy.js"
import type { Eip1559Fees } from "./fees.js"
import { replacementFees } from "./replacementFees.js"

const gwei = 1_000_000_000n
const numRuns = 500

// Err results capture stack traces, which vitest source-maps at a high price; the properties never read them.
const stackTraceLimit = Error.stackTraceLimit
beforeAll(() => {
  Error.stackTraceLimit = 0
})
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit
})

const policyArbitrary: fc.Arbitrary<FeePolicy> = fc
  .tuple(
    fc.oneof(
      fc.record({
        kind: fc.constant("ceiling" as const),
        maxFeePerGas: fc.bigInt({ min: 1n, max: 50n * gwei }),
      }),
      fc.record({
        kind: fc.constant("headroom" as const),
        multiplier: fc.double({ min: 1, max: 4, noNaN: true, noDefaultInfinity: true }),
      }),
    ),
    fc.integer({ min: 0, max: 50 }),
  )
  .map(([maxFee, replacementMinimumPercent]) => defineFeePolicy({ maxFee, replacementMinimumPercent }))

/** A base-fee path: each step may rise up to ~7× (TIP-1067's worst single block) or fall. */
const basePath = fc.array(fc.bigInt({ min: 1n, max: 100n * gwei }), { minLength: 1, maxLength: 30 })

/** Signs at policy fees under `cap`, as the gas manager does; undefined when the plan is refused. */
function initialFees(policy: FeePolicy, baseFee: bigint, tip: bigint, cap: bigint): Eip1559Fees | undefined {
  if (baseFee + tip > cap) return undefined
  const wanted = policyMaxFeePerGas(policy, baseFee, tip)
  return { maxFeePerGas: wanted > cap ? cap : wanted, maxPriorityFeePerGas: tip }
}

describe("replacementFees", () => {
  it("bumps both fields by the minimum and follows the policy at the new base fee", () => {
    const policy = defineFeePolicy()
    expect(
      replacementFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 80n, policy, 1_000n).unwrap(),
    ).toEqual({
      maxFeePerGas: 171n,
      maxPriorityFeePerGas: 11n,
    })
    expect(
      replacementFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 1n, policy, undefined).unwrap(),
    ).toEqual({
      maxFeePerGas: 110n,
      maxPriorityFeePerGas: 11n,
    })
    expect(replacementFees({ gasPrice: 100n }, null, policy, undefined).unwrap()).toEqual({ gasPrice: 110n })
  })

  it("lowers to the cap, and refuses when even the minimum bump is above it", () => {
    const policy = defineFeePolicy()
    expect(
      replacementFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 80n, policy, 150n).unwrap(),
    ).toEqual({
      maxFeePerGas: 150n,
      maxPriorityFeePerGas: 11n,
    })
    const refused = replacementFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 80n, policy, 105n)
    expect(refused.isErr() && refused.error.code).toBe("GAS_FEE_ABOVE_CAP")
    expect(refused.isErr() && refused.error.fee).toBe(110n)
  })

  it("property: a transaction replaced whenever the base fee passes its maxFeePerGas is never stranded below the cap", () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        basePath,
        fc.bigInt({ min: 0n, max: 5n * gwei }),
        fc.bigInt({ min: 1n, max: 200n * gwei }),
        (policy, path, tip, cap) => {
          const [first = 1n, ...rest] = path
          let fees = initialFees(policy, first, tip, cap)
          if (fees === undefined) return
          expect(fees.maxFeePerGas).toBeGreaterThanOrEqual(first)
          for (const baseFee of rest) {
            if (baseFee <= fees.maxFeePerGas) continue // still includable: nothing to do
            const previous: Eip1559Fees = fees
            const replaced = replacementFees(previous, baseFee, policy, cap)
            const minimumMax = bumpValue(previous.maxFeePerGas, policy.replacementMinimumPercent)
            const minimumTip = bumpValue(previous.maxPriorityFeePerGas, policy.replacementMinimumPercent)
            if (replaced.isErr()) {
              // Only when the cap leaves no room for a valid replacement.
              expect(minimumMax > cap || minimumTip > cap).toBe(true)
              return
            }
            const next = replaced.value as Eip1559Fees
            expect(next.maxFeePerGas).toBeLessThanOrEqual(cap)
            expect(next.maxFeePerGas).toBeGreaterThanOrEqual(minimumMax)
            expect(next.maxPriorityFeePerGas).toBeGreaterThanOrEqual(minimumTip)
            expect(next.maxPriorityFeePerGas).toBeLessThanOrEqual(next.maxFeePerGas)
            // Includable whenever the cap allows it at all.
            if (baseFee <= cap) expect(next.maxFeePerGas).toBeGreaterThanOrEqual(baseFee)
            if (baseFee + next.maxPriorityFeePerGas <= cap)
              expect(next.maxFeePerGas).toBeGreaterThanOrEqual(baseFee + next.maxPriorityFeePerGas)
            fees = next
          }
        },
      ),
      { numRuns },
    )
  })

  it("property: under a ceiling at the protocol bound, no base fee inside the bound ever strands a transaction", () => {
    const tempoLike = defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12n * gwei } })
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 600_000_000n, max: 12n * gwei }), { minLength: 1, maxLength: 30 }),
        fc.bigInt({ min: 0n, max: gwei }),
        (path, tip) => {
          const fees = initialFees(tempoLike, path[0] ?? 0n, tip, 12n * gwei + tip)
          expect(fees).toBeDefined()
          for (const baseFee of path) expect(fees?.maxFeePerGas).toBeGreaterThanOrEqual(baseFee)
        },
      ),
      { numRuns },
    )
  })
})
