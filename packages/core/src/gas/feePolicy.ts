import { maxBigInt, multiplyCeil } from "./feeMath.js"

/**
 * How a chain wants its fee ceiling (maxFeePerGas) chosen, declared in `defineChain` and enforced
 * by the gas manager — core never asks which chain it runs.
 */

/**
 * Sign maxFeePerGas at a fixed protocol ceiling while the base fee plus the priority fee fits under
 * it. For chains whose base fee can jump faster than a multiplier can follow but is bounded by the
 * protocol (Tempo since T7: 0.6–12 gwei, TIP-1067), signing at the bound keeps every transaction
 * includable for its whole life. A base fee above the ceiling means the network is not bounded by it
 * (an older hardfork, or anvil's Tempo mode, which starts at 20 gwei and follows EIP-1559): then the
 * fee is `ceil(baseFee × aboveCeilingMultiplier) + priority` (default 2), like a headroom policy.
 *
 * @example
 * const ceiling: BaseFeeCeiling = { kind: "ceiling", maxFeePerGas: 12_000_000_000n }
 */
export type BaseFeeCeiling = {
  readonly kind: "ceiling"
  readonly maxFeePerGas: bigint
  /** Headroom used when base fee + priority fee exceed the ceiling. Default 2. */
  readonly aboveCeilingMultiplier?: number
}

/**
 * Sign maxFeePerGas = ceil(baseFee × multiplier) + priority fee: the generic EVM rule. With 2, a
 * transaction survives six consecutive full blocks (+12.5 % each under EIP-1559).
 *
 * @example
 * const headroom: BaseFeeHeadroom = { kind: "headroom", multiplier: 2 }
 */
export type BaseFeeHeadroom = { readonly kind: "headroom"; readonly multiplier: number }

/**
 * A chain's fee rules, complete (see {@link defineFeePolicy} for the defaults).
 *
 * @example
 * const policy: FeePolicy = { maxFee: { kind: "headroom", multiplier: 2 }, replacementMinimumPercent: 10 }
 */
export type FeePolicy = {
  /** How maxFeePerGas relates to the base fee. */
  readonly maxFee: BaseFeeCeiling | BaseFeeHeadroom
  /**
   * A replacement (same sender and nonce) must raise BOTH maxFeePerGas and maxPriorityFeePerGas by
   * at least this percentage, or the pool answers "replacement transaction underpriced"
   * (geth `txpool.pricebump` 10; reth `price_bumps.default_price_bump` 10).
   */
  readonly replacementMinimumPercent: number
}

/**
 * What a chain author writes in `defineChain({ feePolicy })`; every field is optional.
 *
 * @example
 * const tempoFees: FeePolicyDeclaration = { maxFee: { kind: "ceiling", maxFeePerGas: 12_000_000_000n } }
 */
export type FeePolicyDeclaration = {
  maxFee?: BaseFeeCeiling | BaseFeeHeadroom
  replacementMinimumPercent?: number
}

/** The generic EVM default: 2 × base fee + tip, and geth/reth's 10 % replacement bump. */
const defaultMaxFee: BaseFeeHeadroom = Object.freeze({ kind: "headroom", multiplier: 2 })
const defaultReplacementMinimumPercent = 10

/**
 * Fills a fee policy's defaults (headroom ×2, 10 % replacement minimum) and validates it. An
 * invalid declaration is a chain bug, so it throws a RangeError.
 *
 * @example
 * defineFeePolicy({}) // { maxFee: { kind: "headroom", multiplier: 2 }, replacementMinimumPercent: 10 }
 * defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12_000_000_000n } })
 */
export function defineFeePolicy(declaration: FeePolicyDeclaration = {}): FeePolicy {
  const maxFee = declaration.maxFee ?? defaultMaxFee
  const replacementMinimumPercent = declaration.replacementMinimumPercent ?? defaultReplacementMinimumPercent
  if (maxFee.kind === "ceiling" && maxFee.maxFeePerGas <= 0n)
    throw new RangeError(`A fee ceiling must be positive, got ${maxFee.maxFeePerGas} wei.`)
  const aboveCeiling = maxFee.kind === "ceiling" ? maxFee.aboveCeilingMultiplier : undefined
  if (aboveCeiling !== undefined && (!Number.isFinite(aboveCeiling) || aboveCeiling < 1))
    throw new RangeError(`An above-ceiling multiplier must be a finite number ≥ 1, got ${aboveCeiling}.`)
  if (maxFee.kind === "headroom" && (!Number.isFinite(maxFee.multiplier) || maxFee.multiplier < 1))
    throw new RangeError(
      `A base-fee headroom multiplier must be a finite number ≥ 1, got ${maxFee.multiplier}.`,
    )
  if (!Number.isFinite(replacementMinimumPercent) || replacementMinimumPercent < 0)
    throw new RangeError(
      `A replacement minimum must be a finite percentage ≥ 0, got ${replacementMinimumPercent}.`,
    )
  return Object.freeze({ maxFee: Object.freeze({ ...maxFee }), replacementMinimumPercent })
}

/**
 * The maxFeePerGas a policy asks for at `baseFeePerGas` with `priorityFeePerGas`, before any cap:
 * the ceiling while base fee + priority fee fit under it, else the headroom rule — never below base
 * fee + priority fee (EIP-1559: a transaction whose maxFeePerGas is below the
 * base fee cannot be included, and the priority fee is only paid out of what is above it).
 *
 * @example
 * policyMaxFeePerGas(defineFeePolicy({}), 5n, 1n) // 11n (2 × 5 + 1)
 * policyMaxFeePerGas(defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12n } }), 5n, 1n) // 12n
 * policyMaxFeePerGas(defineFeePolicy({ maxFee: { kind: "ceiling", maxFeePerGas: 12n } }), 20n, 1n) // 41n (above the ceiling: 2 × 20 + 1)
 */
export function policyMaxFeePerGas(
  policy: FeePolicy,
  baseFeePerGas: bigint,
  priorityFeePerGas: bigint,
): bigint {
  const floor = baseFeePerGas + priorityFeePerGas
  const { maxFee } = policy
  if (maxFee.kind === "ceiling" && floor <= maxFee.maxFeePerGas) return maxFee.maxFeePerGas
  const multiplier = maxFee.kind === "ceiling" ? (maxFee.aboveCeilingMultiplier ?? 2) : maxFee.multiplier
  return maxBigInt(multiplyCeil(baseFeePerGas, multiplier) + priorityFeePerGas, floor)
}
