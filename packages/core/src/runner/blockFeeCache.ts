/**
 * A minimal per-block fee cache, used by `runLoad` when no GasManager is injected. Fees come from
 * the latest block header the receipt tracker feeds in; `currentFees()` never does RPC.
 */
import { GasFeesUnavailableError } from "../errors/gas.js"
import { Err, Ok } from "../result.js"
import type { RunnerGasManager } from "./ports.js"

/**
 * Creates the cache. maxFeePerGas = baseFee × baseFeeMultiplier + priority fee, capped at maxFeePerGas.
 *
 * @example
 * const gas = createBlockFeeCache({ baseFeeMultiplier: 2, minPriorityFeePerGas: 1_000_000_000n })
 * gas.updateFromBlock({ number: 1n, baseFeePerGas: 7n, gasLimit: 30_000_000n })
 * gas.currentFees() // Ok({ maxFeePerGas: 1_000_000_014n, maxPriorityFeePerGas: 1_000_000_000n })
 */
export function createBlockFeeCache(parameters: {
  baseFeeMultiplier?: number
  minPriorityFeePerGas?: bigint
  maxFeePerGas?: bigint
  /** Legacy chains (no base fee): the gas price to use. */
  legacyGasPrice?: bigint
}): RunnerGasManager {
  const multiplierPercent = BigInt(Math.round((parameters.baseFeeMultiplier ?? 2) * 100))
  const minimumPriority = parameters.minPriorityFeePerGas ?? 1_000_000_000n
  let latest: { baseFeePerGas: bigint | null; priority: bigint } | undefined
  return {
    updateFromBlock(block, priorityFee) {
      latest = {
        baseFeePerGas: block.baseFeePerGas,
        priority: priorityFee === undefined || priorityFee < minimumPriority ? minimumPriority : priorityFee,
      }
    },
    currentFees() {
      if (latest === undefined) return Err(new GasFeesUnavailableError({ reason: "no block seen yet" }))
      if (latest.baseFeePerGas === null) return Ok({ gasPrice: parameters.legacyGasPrice ?? latest.priority })
      let maxFeePerGas = (latest.baseFeePerGas * multiplierPercent) / 100n + latest.priority
      if (parameters.maxFeePerGas !== undefined && maxFeePerGas > parameters.maxFeePerGas)
        maxFeePerGas = parameters.maxFeePerGas
      const maxPriorityFeePerGas = latest.priority > maxFeePerGas ? maxFeePerGas : latest.priority
      return Ok({ maxFeePerGas, maxPriorityFeePerGas })
    },
  }
}
