import { BaseError } from "./base.js"

/** Formats base units with the currency's decimals, e.g. 1500000000000000000n, 18 → "1.5". */
function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n
  const absolute = negative ? -amount : amount
  const scale = 10n ** BigInt(decimals)
  const whole = absolute / scale
  const fraction = (absolute % scale).toString().padStart(decimals, "0").replace(/0+$/, "")
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`
}

/**
 * The funder cannot cover the plan: the run refuses to start and says how much is missing.
 *
 * @example
 * new FundingInsufficientBalanceError({ funder: "0xf39F…", needed: 5n * 10n ** 18n, available: 10n ** 18n, symbol: "ETH", decimals: 18 })
 */
export class FundingInsufficientBalanceError extends BaseError {
  override name = "FundingInsufficientBalanceError"
  readonly needed: bigint
  readonly available: bigint
  readonly funder: string
  constructor(parameters: {
    funder: string
    needed: bigint
    available: bigint
    symbol: string
    decimals: number
  }) {
    const { funder, needed, available, symbol, decimals } = parameters
    super(`The funder ${funder} cannot fund the worker wallets.`, {
      code: "FUNDING_INSUFFICIENT_BALANCE",
      details: `needed ${formatUnits(needed, decimals)} ${symbol}, available ${formatUnits(available, decimals)} ${symbol}, missing ${formatUnits(needed - available, decimals)} ${symbol}`,
      metaMessages: ["Top up the funder, lower the per-wallet funding target, or use fewer wallets."],
    })
    this.needed = needed
    this.available = available
    this.funder = funder
  }
}
/** {@link FundingInsufficientBalanceError} narrowed by name. @example let error: FundingInsufficientBalanceErrorType */
export type FundingInsufficientBalanceErrorType = FundingInsufficientBalanceError & {
  name: "FundingInsufficientBalanceError"
}

/**
 * A funding transfer was rejected, reverted, or never included.
 *
 * @example
 * new FundingTransactionFailedError({ recipient: "0xabc…", reason: "reverted", hash: "0x12…" })
 */
export class FundingTransactionFailedError extends BaseError {
  override name = "FundingTransactionFailedError"
  readonly recipient: string
  constructor(parameters: { recipient: string; reason: string; hash?: string; cause?: unknown }) {
    super(`Funding ${parameters.recipient} failed: ${parameters.reason}.`, {
      code: "FUNDING_TRANSACTION_FAILED",
      cause: parameters.cause,
      ...(parameters.hash === undefined ? {} : { details: `transaction ${parameters.hash}` }),
    })
    this.recipient = parameters.recipient
  }
}
/** {@link FundingTransactionFailedError} narrowed by name. @example let error: FundingTransactionFailedErrorType */
export type FundingTransactionFailedErrorType = FundingTransactionFailedError & {
  name: "FundingTransactionFailedError"
}

/**
 * Wallets need funding but no funder was configured (set TESTNET_FUNDER_KEY or `funder` in the config).
 *
 * @example
 * new FundingNoFunderError({ walletsBelowTarget: 12 })
 */
export class FundingNoFunderError extends BaseError {
  override name = "FundingNoFunderError"
  /**
   * `walletsBelowTarget`: a run found wallets to fund. `command`: a funding command was asked to
   * run without a funder (`receiver`: it needs only the address that receives reclaimed funds).
   */
  constructor(parameters: { walletsBelowTarget: number } | { command: string; receiver?: boolean }) {
    const run = "walletsBelowTarget" in parameters
    super(
      run
        ? `${parameters.walletsBelowTarget} wallet(s) are below the funding target and no funder is configured.`
        : `\`${parameters.command}\` needs a funder and none is configured.`,
      {
        code: "FUNDING_NO_FUNDER",
        metaMessages: run
          ? ["Set TESTNET_FUNDER_KEY, or fund the wallets yourself and set the funding target to 0."]
          : "receiver" in parameters && parameters.receiver === true
            ? ["Set TESTNET_FUNDER_ADDRESS (or TESTNET_FUNDER_KEY): the account that receives what is left."]
            : ["Set TESTNET_FUNDER_KEY to the funder's private key (environment only, never a flag)."],
      },
    )
  }
}
/** {@link FundingNoFunderError} narrowed by name. @example let error: FundingNoFunderErrorType */
export type FundingNoFunderErrorType = FundingNoFunderError & { name: "FundingNoFunderError" }

/**
 * The funder (with what the worker wallets already hold) cannot pay for the planned load: refused
 * before anything is sent, with the numbers (bad input: change the plan or fund the funder).
 *
 * @example
 * new FundingPlanUnderfundedError({ funder: "0xf39F…", needed: 6n * 10n ** 18n, available: 10n ** 18n, wallets: 10, tasks: 300, symbol: "ETH", decimals: 18 })
 */
export class FundingPlanUnderfundedError extends BaseError {
  override name = "FundingPlanUnderfundedError"
  readonly needed: bigint
  readonly available: bigint
  constructor(parameters: {
    funder: string
    needed: bigint
    available: bigint
    wallets: number
    tasks: number
    symbol: string
    decimals: number
  }) {
    const { funder, needed, available, wallets, tasks, symbol, decimals } = parameters
    const format = (amount: bigint) => `${formatUnits(amount, decimals)} ${symbol}`
    const perWallet = wallets > 0 ? needed / BigInt(wallets) : needed
    super(
      `The funder ${funder} cannot pay for the plan: needed ${format(needed)}, available ${format(available)} (funder and worker wallets), ${format(perWallet)} per wallet for ${tasks} task(s) on ${wallets} wallet(s).`,
      {
        code: "FUNDING_PLAN_UNDERFUNDED",
        metaMessages: [
          "Top up the funder, or lower --tps, --duration or --count (the estimate includes a 50 % margin).",
        ],
      },
    )
    this.needed = needed
    this.available = available
  }
}
/** {@link FundingPlanUnderfundedError} narrowed by name. @example let error: FundingPlanUnderfundedErrorType */
export type FundingPlanUnderfundedErrorType = FundingPlanUnderfundedError & {
  name: "FundingPlanUnderfundedError"
}
