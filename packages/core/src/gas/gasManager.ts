import {
  GasFeeAboveCapError,
  type GasFeeAboveCapErrorType,
  GasFeesUnavailableError,
  type GasFeesUnavailableErrorType,
} from "../errors/gas.js"
import { Err, Ok, type Result } from "../result.js"
import { bumpFees, maxBigInt, multiplyCeil } from "./feeMath.js"
import type { Fees, GasBlock } from "./fees.js"
import { createGasLimitCache, type GasLimitCache } from "./gasLimitCache.js"

/**
 * Options of `createGasManager` (the `gas` section of the config, plus the chain's capability).
 *
 * @example
 * const parameters: GasManagerParameters = { eip1559: true, maxFeePerGas: 100_000_000_000n }
 */
export type GasManagerParameters = {
  /** The chain supports EIP-1559 fees (else legacy `gasPrice`). */
  eip1559: boolean
  /** maxFeePerGas = ceil(baseFee × this) + priority fee. Default 2. */
  baseFeeMultiplier?: number
  /** priority fee = max(ceil(observed × this), minPriorityFeePerGas). Default 1. */
  priorityFeeMultiplier?: number
  /** A cap on maxFeePerGas (or gasPrice): above it, fees are an error and nothing is sent. */
  maxFeePerGas?: bigint | undefined
  /** The lowest priority fee ever paid. Default 0. */
  minPriorityFeePerGas?: bigint | undefined
  /** A replacement raises every fee by at least this percentage (and 1 wei). Default 10. */
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
  currentFees(): Result<Fees, GasFeesUnavailableErrorType | GasFeeAboveCapErrorType>
  /** Fees for a replacement ("replacement underpriced" or a stuck transaction). */
  bump(fees: Fees): Result<Fees, GasFeeAboveCapErrorType>
  /** The latest block fed to `updateFromBlock`, if any. */
  getLatestBlock(): GasBlock | undefined
}

/**
 * Creates the gas manager. Fees are computed once per block (`updateFromBlock`) and shared by
 * every worker; `currentFees()` only reads the cached result, so the hot path makes no RPC call.
 *
 * - EIP-1559: `maxFeePerGas = ceil(baseFee × baseFeeMultiplier) + priority`, where
 *   `priority = max(ceil(observed × priorityFeeMultiplier), minPriorityFeePerGas)` and `observed`
 *   is the `priorityFee` last passed to `updateFromBlock` (e.g. from `eth_maxPriorityFeePerGas`,
 *   once per block), 0 if never given.
 * - Legacy: `gasPrice` is the same sum when the block has a base fee; without one, pass the
 *   node's `eth_gasPrice` as `priorityFee` and `gasPrice = max(ceil(it × priorityFeeMultiplier), min)`.
 * - Above the `maxFeePerGas` cap, `currentFees()` and `bump()` return `GasFeeAboveCapError`.
 *
 * @example
 * const gas = createGasManager({ eip1559: true, baseFeeMultiplier: 2, priorityFeeMultiplier: 1, replacementBumpPercent: 10 })
 * gas.updateFromBlock({ number: 1n, baseFeePerGas: 1_000_000_000n, gasLimit: 30_000_000n }, 100_000_000n)
 * gas.currentFees() // Ok({ maxFeePerGas: 2_100_000_000n, maxPriorityFeePerGas: 100_000_000n })
 */
export function createGasManager(parameters: GasManagerParameters): GasManager {
  const {
    eip1559,
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

  let latestBlock: GasBlock | undefined
  let observedPriorityFee = 0n
  let cached: Result<Fees, GasFeesUnavailableErrorType | GasFeeAboveCapErrorType> = Err(
    new GasFeesUnavailableError({ reason: "no block has been seen yet" }) as GasFeesUnavailableErrorType,
  )

  const aboveCap = (fee: bigint) =>
    cap !== undefined && fee > cap
      ? (Err(new GasFeeAboveCapError({ fee, cap })) as Err<GasFeeAboveCapErrorType>)
      : undefined

  function computeFees(block: GasBlock): Result<Fees, GasFeesUnavailableErrorType | GasFeeAboveCapErrorType> {
    const priority = maxBigInt(multiplyCeil(observedPriorityFee, priorityFeeMultiplier), minPriorityFeePerGas)
    const baseFee = block.baseFeePerGas
    if (baseFee === null && eip1559) {
      return Err(
        new GasFeesUnavailableError({
          reason: `block ${block.number} has no base fee, but the chain is configured for EIP-1559`,
        }) as GasFeesUnavailableErrorType,
      )
    }
    const total = baseFee === null ? priority : multiplyCeil(baseFee, baseFeeMultiplier) + priority
    const error = aboveCap(total)
    if (error !== undefined) return error
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
      let bumped = bumpFees(fees, replacementBumpPercent)
      // Never bid below today's market: a stuck transaction usually needs the current fees.
      const market = cached.isOk() ? cached.value : undefined
      if (market !== undefined) {
        if ("gasPrice" in bumped && "gasPrice" in market) {
          bumped = { gasPrice: maxBigInt(bumped.gasPrice, market.gasPrice) }
        } else if ("maxFeePerGas" in bumped && "maxFeePerGas" in market) {
          bumped = {
            maxFeePerGas: maxBigInt(bumped.maxFeePerGas, market.maxFeePerGas),
            maxPriorityFeePerGas: maxBigInt(bumped.maxPriorityFeePerGas, market.maxPriorityFeePerGas),
          }
        }
      }
      const error = aboveCap("gasPrice" in bumped ? bumped.gasPrice : bumped.maxFeePerGas)
      return error ?? Ok(bumped)
    },
    getLatestBlock() {
      return latestBlock
    },
  }
}
