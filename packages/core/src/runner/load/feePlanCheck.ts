/**
 * The up-front fee check of a run: with `gas.max_fee_per_gas` set below the current base fee plus
 * the priority fee, EIP-1559 lets no transaction the run would sign into a block, so the run is
 * refused (bad input, exit 2) with the numbers before anything is sent or written.
 */
import type { Config } from "../../config/types.js"
import type { BaseError } from "../../errors/base.js"
import { RunnerInvalidPlanError, type RunnerInvalidPlanErrorType } from "../../errors/runner.js"
import { multiplyCeil } from "../../gas/feeMath.js"
import { checkFeePlan } from "../../gas/feePlan.js"
import { Err, Ok, type Result } from "../../result.js"
import type { RunnerRpc } from "../ports.js"

function formatGwei(wei: bigint): string {
  const whole = wei / 1_000_000_000n
  const fraction = (wei % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "")
  return `${whole}${fraction === "" ? "" : `.${fraction}`} gwei`
}

/**
 * Reads the latest base fee (and the node's priority fee on EIP-1559 chains) and runs
 * `checkFeePlan` against `config.gas.maxFeePerGas`. Without a cap, or on a chain without a base
 * fee, it passes without a request.
 *
 * @example
 * const plan = await checkConfiguredFeePlan({ rpc, config, eip1559: chain.capabilities.eip1559 })
 * if (plan.isErr()) return plan // RUNNER_INVALID_PLAN: "gas.max_fee_per_gas 5 gwei is below …"
 */
export async function checkConfiguredFeePlan(parameters: {
  rpc: RunnerRpc
  config: Config
  eip1559: boolean
}): Promise<Result<void, RunnerInvalidPlanErrorType | BaseError>> {
  const { rpc, config } = parameters
  const cap = config.gas.maxFeePerGas
  if (cap === undefined) return Ok(undefined)
  const block = await rpc.request<{ baseFeePerGas?: string | null } | null>("eth_getBlockByNumber", [
    "latest",
    false,
  ])
  if (block.isErr()) return block
  const baseFee = block.value?.baseFeePerGas
  if (baseFee === undefined || baseFee === null) return Ok(undefined)
  let observed = 0n
  if (parameters.eip1559) {
    const tip = await rpc.request<string>("eth_maxPriorityFeePerGas", [])
    if (tip.isOk()) observed = BigInt(tip.value)
  }
  // The priority fee the gas manager would sign (gasManager.ts): the node's, scaled, at least the minimum.
  const scaled = multiplyCeil(observed, config.gas.priorityFeeMultiplier)
  const minimum = config.gas.minPriorityFee ?? 0n
  const priorityFeePerGas = scaled > minimum ? scaled : minimum
  const plan = checkFeePlan({ baseFeePerGas: BigInt(baseFee), priorityFeePerGas, cap })
  if (plan.isOk()) return plan
  return Err(
    new RunnerInvalidPlanError({
      reason:
        `gas.max_fee_per_gas ${formatGwei(cap)} is below the current base fee ${formatGwei(BigInt(baseFee))} ` +
        `plus the priority fee ${formatGwei(priorityFeePerGas)} (EIP-1559: nothing signed under it can be ` +
        "included); raise gas.max_fee_per_gas or remove it",
    }) as RunnerInvalidPlanErrorType,
  )
}
