import {
  type GasCapBelowBaseFeeErrorType,
  GasFeeAboveCapError,
  type GasFeeAboveCapErrorType,
  GasFeesUnavailableError,
  type GasFeesUnavailableErrorType,
} from "../errors/gas.js"
import { Err, Ok, type Result } from "../result.js"
import { bumpFees, maxBigInt, multiplyCeil } from "./feeMath.js"
import { checkFeePlan } from "./feePlan.js"
import { defineFeePolicy, type FeePolicy, policyMaxFeePerGas } from "./feePolicy.js"
import type { Fees, GasBlock } from "./fees.js"
import { createGasLimitCache, type GasLimitCache } from "./gasLimitCache.js"
import { replacementFees } from "./replacementFees.js"

/** Every error `currentFees()` can return. */
type CurrentFeesError = GasFeesUnavailableErrorType | GasFeeAboveCapErrorType | GasCapBelowBaseFeeErrorType

/**
 * Options of `createGasManager` (the `gas` section of the config, plus the chain's capability).
 *
 * @example
 * const parameters: GasManagerParameters = { eip1559: true, maxFeePerGas: 100_000_000_000n }
 */
export type GasManagerParameters = {
  /** The chain supports EIP-1559 fees (else legacy `gasPrice`). */
  eip1559: boolean
  /**
   * The chain's fee policy (`chain.feePolicy`). When given, it decides maxFeePerGas (ceiling or
   * headroom) and `baseFeeMultiplier` is ignored; without it: headroom × `baseFeeMultiplier`.
   */
  feePolicy?: FeePolicy | undefined
  /** maxFeePerGas = ceil(baseFee × this) + priority fee, when no `feePolicy` is given. Default 2. */
  baseFeeMultiplier?: number
  /** priority fee = max(ceil(observed × this), minPriorityFeePerGas). Default 1. */
  priorityFeeMultiplier?: number
  /** A cap on maxFeePerGas (or gasPrice): above it, fees are an error and nothing is sent. */
  maxFeePerGas?: bigint | undefined
  /** The lowest priority fee ever paid. Default 0. */
  minPriorityFeePerGas?: bigint | undefined
  /**
   * A replacement raises every fee by at least this percentage (and 1 wei). Default 10; with a
   * `feePolicy`, the larger of this and the policy's `replacementMinimumPercent`.
   */
  replacementBumpPercent?: number
  /** Headroom on estimated gas limits, in percent. Default 20. */
  gasLimitHeadroomPercent?: number
}

/**
 * Fees from a per-block cache and gas limits per transaction shape. See `createGasManager`.
 *
 * @example
 * gas.updateFromBlock(head)
 * const fees = gas.currentFees()
 */
export type GasManager = GasLimitCache & {
  /** Called once per new block by the block poller; older blocks are ignored. */
  updateFromBlock(block: GasBlock, priorityFee?: bigint): void
  /** The fees to use now: synchronous, from the cache (no RPC). */
  currentFees(): Result<Fees, CurrentFeesError>
  /** Fees for a replacement ("replacement underpriced" or a stuck transaction): `replacementFees` at the latest block. */
  bump(fees: Fees): Result<Fees, GasFeeAboveCapErrorType>
  /** The latest block fed to `updateFromBlock`, if any. */
  getLatestBlock(): GasBlock | undefined
  /** The fee policy in force (the chain's, or headroom × `baseFeeMultiplier`). */
  getFeePolicy(): FeePolicy
}

/**
 * Creates the gas manager. Fees are computed once per block (`updateFromBlock`) and shared by
 * every worker; `currentFees()` only reads the cached result, so the hot path makes no RPC call.
 *
 * - EIP-1559: `maxFeePerGas = policyMaxFeePerGas(policy, baseFee, priority)` — headroom:
 *   `ceil(baseFee × multiplier) + priority`; ceiling: the ceiling — never below `baseFee + priority`,
 *   where `priority = max(ceil(observed × priorityFeeMultiplier), minPriorityFeePerGas)` and
 *   `observed` is the `priorityFee` last passed to `updateFromBlock` (e.g. from
 *   `eth_maxPriorityFeePerGas`, once per block), 0 if never given.
 * - Legacy: `gasPrice` is the same value when the block has a base fee; without one, pass the
 *   node's `eth_gasPrice` as `priorityFee` and `gasPrice = max(ceil(it × priorityFeeMultiplier), min)`.
 * - The `maxFeePerGas` cap lowers the fee to the cap while `baseFee + priority` still fits under
 *   it; below that, `currentFees()` returns `GasCapBelowBaseFeeError` (nothing could be included).
 *   `bump()` returns `GasFeeAboveCapError` when even the minimum replacement is above the cap.
 *
 * @example
 * const gas = createGasManager({ eip1559: true, baseFeeMultiplier: 2, priorityFeeMultiplier: 1, replacementBumpPercent: 10 })
 * gas.updateFromBlock({ number: 1n, baseFeePerGas: 1_000_000_000n, gasLimit: 30_000_000n }, 100_000_000n)
 * gas.currentFees() // Ok({ maxFeePerGas: 2_100_000_000n, maxPriorityFeePerGas: 100_000_000n })
 */
export function createGasManager(parameters: GasManagerParameters): GasManager {
  const {
    eip1559,
    feePolicy,
    baseFeeMultiplier = 2,
    priorityFeeMultiplier = 1,
    maxFeePerGas: cap,
    minPriorityFeePerGas = 0n,
    replacementBumpPercent = 10,
    gasLimitHeadroomPercent = 20,
  } = parameters
  // Validate the multipliers once, here, rather than on the first block.
  multiplyCeil(1n, baseFeeMultiplier)
  multiplyCeil(1n, priorityFeeMultiplier)
  bumpFees({ gasPrice: 1n }, replacementBumpPercent)
  const policy: FeePolicy =
    feePolicy === undefined
      ? Object.freeze({
          maxFee: Object.freeze({ kind: "headroom" as const, multiplier: baseFeeMultiplier }),
          replacementMinimumPercent: replacementBumpPercent,
        })
      : defineFeePolicy({
          maxFee: feePolicy.maxFee,
          replacementMinimumPercent: Math.max(
            feePolicy.replacementMinimumPercent,
            parameters.replacementBumpPercent ?? 0,
          ),
        })

  let latestBlock: GasBlock | undefined
  let observedPriorityFee = 0n
  let marketPriorityFee = 0n
  let cached: Result<Fees, CurrentFeesError> = Err(
    new GasFeesUnavailableError({ reason: "no block has been seen yet" }) as GasFeesUnavailableErrorType,
  )

  const aboveCap = (fee: bigint) =>
    cap !== undefined && fee > cap
      ? (Err(new GasFeeAboveCapError({ fee, cap })) as Err<GasFeeAboveCapErrorType>)
      : undefined

  function computeFees(block: GasBlock): Result<Fees, CurrentFeesError> {
    const priority = maxBigInt(multiplyCeil(observedPriorityFee, priorityFeeMultiplier), minPriorityFeePerGas)
    marketPriorityFee = priority
    const baseFee = block.baseFeePerGas
    if (baseFee === null && eip1559) {
      return Err(
        new GasFeesUnavailableError({
          reason: `block ${block.number} has no base fee, but the chain is configured for EIP-1559`,
        }) as GasFeesUnavailableErrorType,
      )
    }
    if (baseFee === null) {
      const error = aboveCap(priority)
      if (error !== undefined) return error
    } else {
      const plan = checkFeePlan({ baseFeePerGas: baseFee, priorityFeePerGas: priority, cap })
      if (plan.isErr()) return plan
    }
    const wanted = baseFee === null ? priority : policyMaxFeePerGas(policy, baseFee, priority)
    // The cap lowers the fee, never below baseFee + priority (checked above): still includable.
    const total = cap !== undefined && wanted > cap ? cap : wanted
    return Ok(
      Object.freeze(eip1559 ? { maxFeePerGas: total, maxPriorityFeePerGas: priority } : { gasPrice: total }),
    )
  }

  const gasLimits = createGasLimitCache({
    headroomPercent: gasLimitHeadroomPercent,
    getBlockGasLimit: () => latestBlock?.gasLimit,
  })

  return {
    ...gasLimits,
    updateFromBlock(block, priorityFee) {
      if (latestBlock !== undefined && block.number < latestBlock.number) return
      latestBlock = block
      if (priorityFee !== undefined) observedPriorityFee = priorityFee
      cached = computeFees(block)
    },
    currentFees() {
      return cached
    },
    bump(fees) {
      return replacementFees(fees, latestBlock?.baseFeePerGas ?? null, policy, cap, marketPriorityFee)
    },
    getLatestBlock() {
      return latestBlock
    },
    getFeePolicy() {
      return policy
    },
  }
}
