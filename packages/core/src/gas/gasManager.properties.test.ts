import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Eip1559Fees, Fees } from "./fees.js"
import { createGasManager } from "./gasManager.js"

// Properties of the fee rules over random blocks, multipliers, caps and bumps.

const wei = fc.bigInt({ min: 0n, max: 10n ** 15n })
const multiplier = fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true })
const percent = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })
const numRuns = 1000

const feeOf = (fees: Fees) => ("gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas)

// Error results (Err, BaseError) capture stack traces, which vitest source-maps at a high price;
// the properties never read them, so skip them while the properties run.
const stackTraceLimit = Error.stackTraceLimit
beforeAll(() => {
  Error.stackTraceLimit = 0
})
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit
})

describe("gas manager properties", () => {
  it("never returns Ok fees above the cap", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        multiplier,
        multiplier,
        wei,
        fc.option(wei, { nil: null }),
        wei,
        wei,
        (eip1559, baseFeeMultiplier, priorityFeeMultiplier, cap, baseFee, priority, minimum) => {
          const gas = createGasManager({
            eip1559,
            baseFeeMultiplier,
            priorityFeeMultiplier,
            maxFeePerGas: cap,
            minPriorityFeePerGas: minimum,
          })
          gas.updateFromBlock({ number: 1n, baseFeePerGas: baseFee, gasLimit: 30_000_000n }, priority)
          const fees = gas.currentFees()
          if (fees.isOk()) {
            expect(feeOf(fees.value)).toBeLessThanOrEqual(cap)
            if ("maxFeePerGas" in fees.value) {
              expect(fees.value.maxPriorityFeePerGas).toBeLessThanOrEqual(fees.value.maxFeePerGas)
              expect(fees.value.maxPriorityFeePerGas).toBeGreaterThanOrEqual(minimum)
            }
          } else {
            expect(["GAS_FEE_ABOVE_CAP", "GAS_CAP_BELOW_BASE_FEE", "GAS_FEES_UNAVAILABLE"]).toContain(
              fees.error.code,
            )
          }
          const bumped = gas.bump({ maxFeePerGas: cap, maxPriorityFeePerGas: 0n })
          if (bumped.isOk()) expect(feeOf(bumped.value)).toBeLessThanOrEqual(cap)
          else expect(bumped.error.code).toBe("GAS_FEE_ABOVE_CAP")
        },
      ),
      { numRuns },
    )
  })

  it("bumps every fee by at least the percentage and at least 1 wei", () => {
    fc.assert(
      fc.property(percent, wei, wei, fc.boolean(), (bumpPercent, first, second, legacy) => {
        const gas = createGasManager({ eip1559: !legacy, replacementBumpPercent: bumpPercent })
        const [priority, maximum] = first < second ? [first, second] : [second, first]
        const fees: Fees = legacy
          ? { gasPrice: maximum }
          : { maxFeePerGas: maximum, maxPriorityFeePerGas: priority }
        const bumped = gas.bump(fees).unwrap()
        // value × (100 + percent) / 100 ≤ bumped, checked in integers at the percentage's 1/100 precision.
        const atLeast = (before: bigint, after: bigint) => {
          expect(after).toBeGreaterThan(before)
          expect(after * 10_000n).toBeGreaterThanOrEqual(
            before * (10_000n + BigInt(Math.ceil(bumpPercent * 100))),
          )
        }
        if ("gasPrice" in fees && "gasPrice" in bumped) atLeast(fees.gasPrice, bumped.gasPrice)
        else {
          const before = fees as Eip1559Fees
          const after = bumped as Eip1559Fees
          atLeast(before.maxFeePerGas, after.maxFeePerGas)
          atLeast(before.maxPriorityFeePerGas, after.maxPriorityFeePerGas)
          expect(after.maxPriorityFeePerGas).toBeLessThanOrEqual(after.maxFeePerGas)
        }
      }),
      { numRuns },
    )
  })

  it("is monotonic in both multipliers and in the base fee", () => {
    fc.assert(
      fc.property(
        multiplier,
        multiplier,
        multiplier,
        multiplier,
        wei,
        wei,
        wei,
        (b1, b2, p1, p2, baseA, baseB, priority) => {
          const feesFor = (baseFeeMultiplier: number, priorityFeeMultiplier: number, baseFee: bigint) => {
            const gas = createGasManager({ eip1559: true, baseFeeMultiplier, priorityFeeMultiplier })
            gas.updateFromBlock({ number: 1n, baseFeePerGas: baseFee, gasLimit: 1n }, priority)
            return gas.currentFees().unwrap() as Eip1559Fees
          }
          const [lowBase, highBase] = b1 <= b2 ? [b1, b2] : [b2, b1]
          const [lowPriority, highPriority] = p1 <= p2 ? [p1, p2] : [p2, p1]
          const [lowFee, highFee] = baseA <= baseB ? [baseA, baseB] : [baseB, baseA]
          const low = feesFor(lowBase, lowPriority, lowFee)
          const high = feesFor(highBase, highPriority, highFee)
          expect(low.maxFeePerGas).toBeLessThanOrEqual(high.maxFeePerGas)
          expect(low.maxPriorityFeePerGas).toBeLessThanOrEqual(high.maxPriorityFeePerGas)
        },
      ),
      { numRuns },
    )
  })
})
