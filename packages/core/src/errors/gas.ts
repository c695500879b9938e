import { BaseError } from "./base.js"

/** `12500000000` → `"12500000000 wei (12.5 gwei)"`: exact value plus a readable one. */
function formatWei(wei: bigint): string {
  const whole = wei / 1_000_000_000n
  const fraction = (wei % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "")
  return `${wei} wei (${whole}${fraction === "" ? "" : `.${fraction}`} gwei)`
}

/**
 * The fee the gas manager would pay is above the configured cap, so nothing is sent.
 *
 * @example
 * const fees = gas.currentFees()
 * if (fees.isErr() && fees.error.code === "GAS_FEE_ABOVE_CAP") logger.warn(fees.error.shortMessage)
 */
export class GasFeeAboveCapError extends BaseError {
  override name = "GasFeeAboveCapError"
  /** The maxFeePerGas (or legacy gasPrice) that would have been paid. */
  readonly fee: bigint
  /** The configured cap. */
  readonly cap: bigint

  constructor(parameters: { fee: bigint; cap: bigint }) {
    super(`The fee ${formatWei(parameters.fee)} per gas is above the cap of ${formatWei(parameters.cap)}.`, {
      code: "GAS_FEE_ABOVE_CAP",
      metaMessages: [
        "Nothing was sent. Raise the cap with `gas.max_fee_per_gas` in the config or TESTNET_GAS_MAX_FEE_PER_GAS (or remove it),",
        "lower `gas.base_fee_multiplier` / `gas.priority_fee_multiplier`, or wait for the base fee to fall.",
      ],
    })
    this.fee = parameters.fee
    this.cap = parameters.cap
  }
}
/**
 * {@link GasFeeAboveCapError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: GasFeeAboveCapErrorType) { return error.name === "GasFeeAboveCapError" }
 */
export type GasFeeAboveCapErrorType = GasFeeAboveCapError & { name: "GasFeeAboveCapError" }

/**
 * Estimating the gas limit of a transaction shape failed; the estimate's error is the `cause`.
 * Failures are not cached: the next call for the shape estimates again.
 *
 * @example
 * const limit = await gas.gasLimitFor("erc20.transfer", estimate)
 * if (limit.isErr()) logger.warn(limit.error.shortMessage, { shape: limit.error.shapeKey })
 */
export class GasEstimationFailedError extends BaseError {
  override name = "GasEstimationFailedError"
  readonly shapeKey: string

  constructor(parameters: { shapeKey: string; cause: unknown }) {
    super(`Could not estimate the gas limit of transaction shape "${parameters.shapeKey}".`, {
      code: "GAS_ESTIMATION_FAILED",
      cause: parameters.cause,
      metaMessages: [
        "The cause says why (often a revert: the call would fail). Give the task a fixed gas limit to skip estimation.",
      ],
    })
    this.shapeKey = parameters.shapeKey
  }
}
/**
 * {@link GasEstimationFailedError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: GasEstimationFailedErrorType) { return error.name === "GasEstimationFailedError" }
 */
export type GasEstimationFailedErrorType = GasEstimationFailedError & { name: "GasEstimationFailedError" }

/**
 * No usable fee data yet: no block was seen, or the chain is EIP-1559 but the block has no base
 * fee. The runner feeds blocks through `gas.updateFromBlock` before sending.
 *
 * @example
 * const fees = gas.currentFees()
 * if (fees.isErr() && fees.error.code === "GAS_FEES_UNAVAILABLE") await waitForNextBlock()
 */
export class GasFeesUnavailableError extends BaseError {
  override name = "GasFeesUnavailableError"

  constructor(parameters: { reason: string }) {
    super("Fees are not known yet.", {
      code: "GAS_FEES_UNAVAILABLE",
      details: parameters.reason,
      metaMessages: ["Fees come from the latest block: feed one with gas.updateFromBlock() before sending."],
    })
  }
}
/**
 * {@link GasFeesUnavailableError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: GasFeesUnavailableErrorType) { return error.name === "GasFeesUnavailableError" }
 */
export type GasFeesUnavailableErrorType = GasFeesUnavailableError & { name: "GasFeesUnavailableError" }

/**
 * The configured cap (`gas.max_fee_per_gas`) is below what any includable transaction must offer
 * now: the current base fee plus the priority fee. EIP-1559 drops a transaction whose
 * maxFeePerGas is below the base fee, so the plan is refused before anything is signed.
 *
 * @example
 * const plan = checkFeePlan({ baseFeePerGas: 20_000_000_000n, priorityFeePerGas: 0n, cap: 10_000_000_000n })
 * if (plan.isErr()) console.error(plan.error.shortMessage)
 */
export class GasCapBelowBaseFeeError extends BaseError {
  override name = "GasCapBelowBaseFeeError"
  /** The latest block's base fee, per gas. */
  readonly baseFeePerGas: bigint
  /** The priority fee the plan pays, per gas. */
  readonly priorityFeePerGas: bigint
  /** The configured cap on maxFeePerGas. */
  readonly cap: bigint

  constructor(parameters: { baseFeePerGas: bigint; priorityFeePerGas: bigint; cap: bigint }) {
    const needed = parameters.baseFeePerGas + parameters.priorityFeePerGas
    super(
      `The fee cap ${formatWei(parameters.cap)} is below the current base fee ${formatWei(parameters.baseFeePerGas)} plus the priority fee ${formatWei(parameters.priorityFeePerGas)} (${formatWei(needed)}): no transaction could be included.`,
      {
        code: "GAS_CAP_BELOW_BASE_FEE",
        metaMessages: [
          "Nothing was sent. Raise `gas.max_fee_per_gas` (TESTNET_GAS_MAX_FEE_PER_GAS) to at least the sum above, remove it, or wait for the base fee to fall.",
        ],
      },
    )
    this.baseFeePerGas = parameters.baseFeePerGas
    this.priorityFeePerGas = parameters.priorityFeePerGas
    this.cap = parameters.cap
  }
}
/**
 * {@link GasCapBelowBaseFeeError} narrowed by name, for `Result` error unions.
 *
 * @example
 * function isMine(error: GasCapBelowBaseFeeErrorType) { return error.name === "GasCapBelowBaseFeeError" }
 */
export type GasCapBelowBaseFeeErrorType = GasCapBelowBaseFeeError & { name: "GasCapBelowBaseFeeError" }

/**
 * Every error the gas manager returns in a `Result`.
 *
 * @example
 * function explain(error: GasErrorType) { return error.code }
 */
export type GasErrorType =
  | GasCapBelowBaseFeeErrorType
  | GasFeeAboveCapErrorType
  | GasEstimationFailedErrorType
  | GasFeesUnavailableErrorType
