import { describe, expect, it } from "vitest"
import { checkFeePlan } from "./feePlan.js"
import { defineFeePolicy, policyMaxFeePerGas } from "./feePolicy.js"

const gwei = 1_000_000_000n
const tempoLike = defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12n * gwei } })

describe("defineFeePolicy", () => {
  it("defaults to 2 × base fee + tip and a 10 % replacement minimum", () => {
    expect(defineFeePolicy()).toEqual({
      maxFee: { kind: "headroom", multiplier: 2 },
      replacementMinimumPercent: 10,
    })
  })

  it("rejects impossible declarations", () => {
    expect(() => defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 0n } })).toThrow(RangeError)
    expect(() => defineFeePolicy({ maxFee: { kind: "headroom", multiplier: 0.5 } })).toThrow(RangeError)
    expect(() => defineFeePolicy({ replacementMinimumPercent: -1 })).toThrow(RangeError)
  })
})

describe("policyMaxFeePerGas", () => {
  it("signs at the ceiling while the base fee is below it (TIP-1067 range 0.6–12 gwei)", () => {
    expect(policyMaxFeePerGas(tempoLike, 600_000_000n, gwei)).toBe(12n * gwei)
    expect(policyMaxFeePerGas(tempoLike, 10n * gwei, gwei)).toBe(12n * gwei)
  })

  it("falls back to headroom when base fee + tip exceed the ceiling (anvil's Tempo mode starts at 20 gwei)", () => {
    expect(policyMaxFeePerGas(tempoLike, 20n * gwei, 1n)).toBe(40n * gwei + 1n)
    expect(policyMaxFeePerGas(tempoLike, 12n * gwei, 1n)).toBe(24n * gwei + 1n)
    const steep = defineFeePolicy({
      maxFee: { kind: "ceiling", maxFeePerGas: 12n * gwei, aboveCeilingMultiplier: 1 },
    })
    expect(policyMaxFeePerGas(steep, 20n * gwei, 1n)).toBe(20n * gwei + 1n)
    expect(() =>
      defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 1n, aboveCeilingMultiplier: 0.5 } }),
    ).toThrow(RangeError)
  })

  it("uses the headroom multiplier otherwise", () => {
    expect(policyMaxFeePerGas(defineFeePolicy(), 5n * gwei, gwei)).toBe(11n * gwei)
  })
})

describe("checkFeePlan", () => {
  it("passes without a cap or with a cap above base fee + tip", () => {
    expect(checkFeePlan({ baseFeePerGas: 20n * gwei, priorityFeePerGas: 0n, cap: undefined }).isOk()).toBe(
      true,
    )
    expect(
      checkFeePlan({ baseFeePerGas: 20n * gwei, priorityFeePerGas: 1n, cap: 20n * gwei + 1n }).isOk(),
    ).toBe(true)
  })

  it("refuses a cap below the current base fee + tip, with the numbers", () => {
    const plan = checkFeePlan({ baseFeePerGas: 20n * gwei, priorityFeePerGas: gwei, cap: 12n * gwei })
    expect(plan.isErr() && plan.error.code).toBe("GAS_CAP_BELOW_BASE_FEE")
    expect(plan.isErr() && plan.error.shortMessage).toBe(
      "The fee cap 12000000000 wei (12 gwei) is below the current base fee 20000000000 wei (20 gwei) plus the priority fee 1000000000 wei (1 gwei) (21000000000 wei (21 gwei)): no transaction could be included.",
    )
  })
})
