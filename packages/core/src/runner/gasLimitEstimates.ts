/**
 * Gas limits of requests that name none: estimated ONCE per call shape (target, selector, data
 * size, value or not) and cached in the gas manager's cache (its headroom, capped at the block gas
 * limit), so a steady load makes no `eth_estimateGas` per transaction.
 */
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { StandardSendRequest } from "../tasks/transactionTypes.js"
import { toQuantity } from "./chainTypes.js"
import type { RunnerGasManager, RunnerRpc, RunnerWallet } from "./ports.js"

/**
 * The gas limit of a request, by call shape.
 *
 * @example
 * const estimates = createGasLimitEstimates({ rpc, gas })
 * const gasLimit = await estimates.gasLimitFor(wallet, { to, data })
 */
export type GasLimitEstimates = {
  gasLimitFor(wallet: RunnerWallet, request: StandardSendRequest): Promise<Result<bigint, BaseError>>
}

/**
 * Creates the estimates of the send pipeline over the gas manager's cache.
 *
 * @example
 * const estimates = createGasLimitEstimates({ rpc, gas })
 */
export function createGasLimitEstimates(parameters: {
  rpc: RunnerRpc
  gas: RunnerGasManager
}): GasLimitEstimates {
  const { rpc, gas } = parameters

  function estimate(wallet: RunnerWallet, request: StandardSendRequest) {
    return rpc.request<string>("eth_estimateGas", [
      {
        from: wallet.address,
        ...(request.to ? { to: request.to } : {}),
        data: request.data ?? "0x",
        ...(request.value === undefined ? {} : { value: toQuantity(request.value) }),
      },
    ])
  }

  return {
    gasLimitFor(wallet, request) {
      const data = request.data ?? "0x"
      const key = `${request.to ?? "create"}:${data.slice(0, 10)}:${data.length}:${(request.value ?? 0n) > 0n}`
      return gas.gasLimitFor(key, async () => (await estimate(wallet, request)).map(BigInt))
    },
  }
}
