import { GasFeeAboveCapError, type GasFeeAboveCapErrorType } from "../errors/gas.js"
import { Err, Ok, type Result } from "../result.js"
import { bumpValue, maxBigInt } from "./feeMath.js"
import { type FeePolicy, policyMaxFeePerGas } from "./feePolicy.js"
import type { Fees } from "./fees.js"

function minBigInt(left: bigint, right: bigint): bigint {
  return left < right ? left : right
}

/**
 * The fees of a replacement for a transaction signed with `previous` (same sender and nonce), now
 * that the base fee is `baseFeePerGas`:
 *
 * - both fee fields rise by at least `policy.replacementMinimumPercent` (and 1 wei): geth
 *   (`txpool.pricebump`) and reth (`default_price_bump`) refuse a smaller bump of either field
 *   as "replacement transaction underpriced";
 * - maxFeePerGas is at least what the policy signs at this base fee (`policyMaxFeePerGas`), with
 *   the priority fee at least `priorityFeePerGas` (the market's);
 * - nothing exceeds `cap`: maxFeePerGas is lowered to the cap when the policy wants more, and when
 *   even the minimum bump is above the cap the answer is `GasFeeAboveCapError` (no valid
 *   replacement exists under this cap).
 *
 * So when `baseFeePerGas ≤ cap` and the result is Ok, its maxFeePerGas ≥ baseFeePerGas: the
 * replacement is includable. Legacy fees bump `gasPrice` the same way.
 *
 * @example
 * const policy = defineFeePolicy({})
 * replacementFees({ maxFeePerGas: 100n, maxPriorityFeePerGas: 10n }, 80n, policy, 1_000n)
 * // Ok({ maxFeePerGas: 171n, maxPriorityFeePerGas: 11n }): 2 × 80 + 11
 */
export function replacementFees(
  previous: Fees,
  baseFeePerGas: bigint | null,
  policy: FeePolicy,
  cap: bigint | undefined,
  priorityFeePerGas = 0n,
): Result<Fees, GasFeeAboveCapErrorType> {
  const percent = policy.replacementMinimumPercent
  const aboveCap = (fee: bigint) =>
    Err(new GasFeeAboveCapError({ fee, cap: cap ?? fee }) as GasFeeAboveCapErrorType)
  if ("gasPrice" in previous) {
    const minimum = bumpValue(previous.gasPrice, percent)
    if (cap !== undefined && minimum > cap) return aboveCap(minimum)
    const wanted =
      baseFeePerGas === null
        ? priorityFeePerGas
        : policyMaxFeePerGas(policy, baseFeePerGas, priorityFeePerGas)
    const gasPrice = maxBigInt(minimum, wanted)
    return Ok({ gasPrice: cap === undefined ? gasPrice : minBigInt(gasPrice, cap) })
  }
  const minimumPriority = bumpValue(previous.maxPriorityFeePerGas, percent)
  const minimumMax = maxBigInt(bumpValue(previous.maxFeePerGas, percent), minimumPriority)
  if (cap !== undefined && minimumMax > cap) return aboveCap(minimumMax)
  const maxPriorityFeePerGas = maxBigInt(
    minimumPriority,
    cap === undefined ? priorityFeePerGas : minBigInt(priorityFeePerGas, cap),
  )
  const wanted = policyMaxFeePerGas(policy, baseFeePerGas ?? 0n, maxPriorityFeePerGas)
  const maxFeePerGas = maxBigInt(minimumMax, wanted)
  return Ok({
    maxFeePerGas: cap === undefined ? maxFeePerGas : minBigInt(maxFeePerGas, cap),
    maxPriorityFeePerGas,
  })
}
