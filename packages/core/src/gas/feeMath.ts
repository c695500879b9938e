import type { Fees } from "./fees.js"

/** Multipliers are applied with 6 decimals of precision, in integer arithmetic. */
const multiplierScale = 1_000_000n

/**
 * `ceil(value × multiplier)` in integer arithmetic; the multiplier is rounded to 6 decimals.
 * Throws a RangeError for a negative or non-finite multiplier (config validation should have
 * caught it: that is a bug).
 *
 * @example
 * multiplyCeil(7n, 1.5) // 11n
 */
export function multiplyCeil(value: bigint, multiplier: number): bigint {
  if (!Number.isFinite(multiplier) || multiplier < 0) {
    throw new RangeError(`A fee multiplier must be a finite number ≥ 0, got ${multiplier}.`)
  }
  const numerator = BigInt(Math.round(multiplier * 1_000_000))
  return ceilDivide(value * numerator, multiplierScale)
}

/**
 * Raises a fee by at least `percent` (rounded up) and by at least 1 wei, as nodes require for a
 * replacement transaction (geth: +10 %).
 *
 * @example
 * bumpValue(100n, 10) // 110n
 * bumpValue(1n, 10)   // 2n
 */
export function bumpValue(value: bigint, percent: number): bigint {
  if (!Number.isFinite(percent) || percent < 0) {
    throw new RangeError(`A replacement bump must be a finite percentage ≥ 0, got ${percent}.`)
  }
  const basisPoints = BigInt(Math.ceil(percent * 100))
  const bumped = ceilDivide(value * (10_000n + basisPoints), 10_000n)
  return bumped > value ? bumped : value + 1n
}

/**
 * Bumps every fee field of `fees` with `bumpValue`, keeping the kind (EIP-1559 or legacy) and
 * `maxFeePerGas ≥ maxPriorityFeePerGas`.
 *
 * @example
 * bumpFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 10) // { maxFeePerGas: 110n, maxPriorityFeePerGas: 11n }
 */
export function bumpFees(fees: Fees, percent: number): Fees {
  if ("gasPrice" in fees) return { gasPrice: bumpValue(fees.gasPrice, percent) }
  const maxPriorityFeePerGas = bumpValue(fees.maxPriorityFeePerGas, percent)
  const maxFeePerGas = bumpValue(fees.maxFeePerGas, percent)
  return {
    maxFeePerGas: maxBigInt(maxFeePerGas, maxPriorityFeePerGas),
    maxPriorityFeePerGas,
  }
}

/**
 * The larger of two bigints.
 *
 * @example
 * maxBigInt(3n, 5n) // 5n
 */
export function maxBigInt(left: bigint, right: bigint): bigint {
  return left > right ? left : right
}

function ceilDivide(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator
}
