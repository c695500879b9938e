import { GasCapBelowBaseFeeError, type GasCapBelowBaseFeeErrorType } from "../errors/gas.js"
import { Err, Ok, type Result } from "../result.js"

/**
 * Refuses a plan whose fee cap (`gas.max_fee_per_gas`) is below the current base fee plus the
 * priority fee: under EIP-1559 no transaction it signs could be included, so the run would only
 * strand transactions. Without a cap every plan passes.
 *
 * @example
 * const plan = checkFeePlan({ baseFeePerGas: 20_000_000_000n, priorityFeePerGas: 1n, cap: config.gas.maxFeePerGas })
 * if (plan.isErr()) return plan // "The fee cap … is below the current base fee … plus the priority fee …"
 */
export function checkFeePlan(parameters: {
  baseFeePerGas: bigint
  priorityFeePerGas: bigint
  cap: bigint | undefined
}): Result<void, GasCapBelowBaseFeeErrorType> {
  const { baseFeePerGas, priorityFeePerGas, cap } = parameters
  if (cap === undefined || baseFeePerGas + priorityFeePerGas <= cap) return Ok(undefined)
  return Err(
    new GasCapBelowBaseFeeError({ baseFeePerGas, priorityFeePerGas, cap }) as GasCapBelowBaseFeeErrorType,
  )
}
