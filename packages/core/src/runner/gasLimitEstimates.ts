/**
 * Gas limits of requests that name none: estimated ONCE per call shape (target, selector, data
 * size, value or not) and cached, so a steady load makes no `eth_estimateGas` per transaction. A
 * failed estimate is not cached: the next send of that shape tries again.
 */
import type { BaseError } from "../errors/base.js"
import { Ok, type Result } from "../result.js"
import type { StandardSendRequest } from "../tasks/transactionTypes.js"
import { toQuantity } from "./chainTypes.js"
import type { RunnerGasManager, RunnerRpc, RunnerWallet } from "./ports.js"

/**
 * The gas limit of a request, by call shape.
 *
 * @example
 * const estimates = createGasLimitEstimates({ rpc, gas, headroomPercent: 25 })
 * const gasLimit = await estimates.gasLimitFor(wallet, { to, data })
 */
export type GasLimitEstimates = {
  gasLimitFor(wallet: RunnerWallet, request: StandardSendRequest): Promise<Result<bigint, BaseError>>
}

/**
 * Creates the per-shape estimate cache. With `gas.gasLimitFor` the gas manager's cache (which
 * applies its own headroom and the block gas limit) is used; otherwise `headroomPercent` is added.
 *
 * @example
 * const estimates = createGasLimitEstimates({ rpc, gas, headroomPercent: 25 })
 */
export function createGasLimitEstimates(parameters: {
  rpc: RunnerRpc
  gas: RunnerGasManager
  headroomPercent: number
}): GasLimitEstimates {
  const { rpc, gas } = parameters
  const headroom = BigInt(parameters.headroomPercent)
  const cache = new Map<string, Promise<Result<bigint, BaseError>>>()

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
      if (gas.gasLimitFor !== undefined)
        return gas.gasLimitFor(key, async () => (await estimate(wallet, request)).map(BigInt))
      let cached = cache.get(key)
      if (cached === undefined) {
        cached = estimate(wallet, request).then((result) =>
          result.isOk() ? Ok((BigInt(result.value) * (100n + headroom)) / 100n) : result,
        )
        cache.set(key, cached)
        void cached.then((result) => {
          if (result.isErr()) cache.delete(key)
        })
      }
      return cached
    },
  }
}
