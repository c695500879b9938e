import { GasEstimationFailedError, type GasEstimationFailedErrorType } from "../errors/gas.js"
import { Err, Ok, type Result } from "../result.js"
import { maxBigInt, multiplyCeil } from "./feeMath.js"

/**
 * Estimates a gas limit (usually `eth_estimateGas` through the RPC client). Any error type; it
 * becomes the `cause` of a `GasEstimationFailedError`.
 *
 * @example
 * const estimate: EstimateGas = async () => (await rpc.request<string>("eth_estimateGas", [call])).map(BigInt)
 */
export type EstimateGas = () => Promise<Result<bigint, unknown>>

/**
 * Options of `createGasLimitCache`.
 *
 * @example
 * const parameters: GasLimitCacheParameters = { headroomPercent: 20, getBlockGasLimit: () => 30_000_000n }
 */
export type GasLimitCacheParameters = {
  /** Added to every estimate (default 20: limit = ceil(estimate × 1.2)). */
  headroomPercent?: number
  /** The latest block's gas limit: a limit with headroom never exceeds it (nor goes below the estimate). */
  getBlockGasLimit?: () => bigint | undefined
}

/**
 * Gas limits per transaction shape. See `createGasLimitCache`.
 *
 * @example
 * const limit = cache.cachedGasLimit("transfer") ?? (await cache.gasLimitFor("transfer", estimate)).unwrap()
 */
export type GasLimitCache = {
  /** A fixed limit is returned as is; otherwise estimated once per shape (concurrent calls share it). */
  gasLimitFor(
    shapeKey: string,
    estimate: bigint | EstimateGas,
  ): Promise<Result<bigint, GasEstimationFailedErrorType>>
  /** Synchronous read of a cached limit. */
  cachedGasLimit(shapeKey: string): bigint | undefined
  /** Forgets a shape (after an out-of-gas): the next call estimates again. */
  invalidate(shapeKey: string): void
}

type Entry = {
  limit: bigint | undefined
  pending: Promise<Result<bigint, GasEstimationFailedErrorType>> | undefined
}

/**
 * Caches gas limits per transaction shape (a key the caller chooses, e.g. `"erc20.transfer"`):
 * each shape is estimated once, with headroom, and concurrent callers share one estimate.
 * Failures are not cached.
 *
 * @example
 * const cache = createGasLimitCache({ headroomPercent: 20 })
 * const limit = await cache.gasLimitFor("counter.increment", () => estimateIncrement())
 * // after a receipt shows out-of-gas:
 * cache.invalidate("counter.increment")
 */
export function createGasLimitCache(parameters: GasLimitCacheParameters = {}): GasLimitCache {
  const { headroomPercent = 20, getBlockGasLimit } = parameters
  if (!Number.isFinite(headroomPercent) || headroomPercent < 0) {
    throw new RangeError(`Gas limit headroom must be a finite percentage ≥ 0, got ${headroomPercent}.`)
  }
  const headroomMultiplier = 1 + headroomPercent / 100
  const entries = new Map<string, Entry>()

  async function estimateInto(
    shapeKey: string,
    estimate: EstimateGas,
    entry: Entry,
  ): Promise<Result<bigint, GasEstimationFailedErrorType>> {
    let estimated: Result<bigint, unknown>
    try {
      estimated = await estimate()
    } catch (cause) {
      estimated = Err(cause)
    }
    const current = entries.get(shapeKey) === entry
    const failure = (cause: unknown) => {
      if (current) entries.delete(shapeKey)
      return Err(new GasEstimationFailedError({ shapeKey, cause }) as GasEstimationFailedErrorType)
    }
    if (estimated.isErr()) return failure(estimated.error)
    const value = estimated.value
    if (typeof value !== "bigint" || value <= 0n) {
      return failure(new RangeError(`the estimate was ${String(value)}, not a positive bigint`))
    }
    let limit = multiplyCeil(value, headroomMultiplier)
    const blockGasLimit = getBlockGasLimit?.()
    if (blockGasLimit !== undefined && limit > blockGasLimit) limit = maxBigInt(blockGasLimit, value)
    // An invalidate() during the estimate wins: the result is returned but not cached.
    if (current) {
      entry.limit = limit
      entry.pending = undefined
    }
    return Ok(limit)
  }

  return {
    gasLimitFor(shapeKey, estimate) {
      if (typeof estimate === "bigint") return Promise.resolve(Ok(estimate))
      const entry = entries.get(shapeKey)
      if (entry?.limit !== undefined) return Promise.resolve(Ok(entry.limit))
      if (entry?.pending !== undefined) return entry.pending
      const created: Entry = { limit: undefined, pending: undefined }
      entries.set(shapeKey, created)
      const pending = estimateInto(shapeKey, estimate, created)
      if (entries.get(shapeKey) === created && created.limit === undefined) created.pending = pending
      return pending
    },
    cachedGasLimit(shapeKey) {
      return entries.get(shapeKey)?.limit
    },
    invalidate(shapeKey) {
      entries.delete(shapeKey)
    },
  }
}
