/**
 * The nonce manager and the fee cache as every chain-facing command builds them from the config:
 * `runLoad` and the standalone funding commands share this.
 */
import type { Config } from "../config/types.js"
import { RunnerInvalidPlanError } from "../errors/runner.js"
import { createGasManager, type GasManager } from "../gas/gasManager.js"
import { createNonceManager, type FetchPendingNonce, type NonceManager } from "../nonce/nonceManager.js"
import { Err } from "../result.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { RunnerRpc } from "./ports.js"

/**
 * A nonce manager that reads protocol lanes with `eth_getTransactionCount(…, "pending")` and keyed
 * lanes (nonceKey ≠ 0) with the given reader (an error when there is none).
 *
 * @example
 * const nonces = createChainNonceManager(rpc, chain.keyedNonceReader?.(rpc))
 */
export function createChainNonceManager(
  rpc: RunnerRpc,
  fetchKeyedNonce: FetchPendingNonce | undefined,
): NonceManager {
  return createNonceManager({
    fetchPendingNonce: async (lane) => {
      if (lane.nonceKey !== 0n) {
        if (fetchKeyedNonce === undefined)
          return Err(
            new RunnerInvalidPlanError({
              reason: "keyed nonce lanes need a chain-provided nonce reader (defineChain's keyedNonceReader)",
            }),
          )
        return fetchKeyedNonce(lane)
      }
      return (await rpc.request<string>("eth_getTransactionCount", [lane.address, "pending"])).map(BigInt)
    },
  })
}

/**
 * The per-block fee cache configured from `config.gas`, the chain's EIP-1559 capability and the
 * chain's fee policy. A headroom policy takes its multiplier from `gas.base_fee_multiplier` (the
 * user's knob, default 2); a ceiling policy ignores it. The replacement minimum is the larger of the
 * chain's (what its pool requires) and `gas.replacement_bump_percent`; `gas.max_fee_per_gas` caps
 * everything.
 *
 * @example
 * const gas = createConfiguredGasManager(chain, config)
 */
export function createConfiguredGasManager(chain: ChainDefinition, config: Config): GasManager {
  const policy = chain.feePolicy
  return createGasManager({
    eip1559: chain.capabilities.eip1559,
    feePolicy:
      policy.maxFee.kind === "headroom"
        ? { ...policy, maxFee: { kind: "headroom", multiplier: config.gas.baseFeeMultiplier } }
        : policy,
    baseFeeMultiplier: config.gas.baseFeeMultiplier,
    priorityFeeMultiplier: config.gas.priorityFeeMultiplier,
    maxFeePerGas: config.gas.maxFeePerGas,
    minPriorityFeePerGas: config.gas.minPriorityFee,
    replacementBumpPercent: config.gas.replacementBumpPercent,
  })
}
