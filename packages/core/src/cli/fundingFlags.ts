import { type Command, InvalidArgumentError } from "commander"
import { parseUnits } from "ethers"
import { CliInvalidFlagError, type CliInvalidFlagErrorType } from "../errors/cli.js"
import type { FundingHook } from "../funding/fundingHook.js"
import { nativeFundingHook } from "../funding/nativeFundingHook.js"
import { Err, Ok, type Result } from "../result.js"
import type { ChainDefinition } from "../tasks/defineChain.js"

/**
 * A decimal amount in whole units of the funding currency (`1`, `0.05`); converted with the
 * currency's decimals once the chain is known.
 *
 * @example
 * parseAmount("0.05") // "0.05"
 */
export function parseAmount(text: string): string {
  const trimmed = text.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed))
    throw new InvalidArgumentError("Must be an amount in whole units, e.g. 1 or 0.05.")
  return trimmed
}

/**
 * The funding flags as commander hands them over.
 *
 * @example
 * const flags: FundingFlags = { fundingTarget: "0.5", fundingThreshold: "0.1" }
 */
export type FundingFlags = { fundingTarget?: string; fundingThreshold?: string }

/**
 * Adds `--funding-target` and `--funding-threshold` (amounts in the chain's funding currency).
 *
 * @example
 * addFundingOptions(program.command("start"))
 */
export function addFundingOptions(command: Command): Command {
  return command
    .option(
      "--funding-target <amount>",
      "top each wallet up to this balance, in whole units of the funding currency (e.g. 0.5)",
      parseAmount,
    )
    .option(
      "--funding-threshold <amount>",
      "only top up wallets below this balance (default: the target; refills during a run: half of it)",
      parseAmount,
    )
}

/**
 * The chain's funding hook (native currency unless the chain brings its own).
 *
 * @example
 * getFundingHook(chain).currency.symbol // "ETH"
 */
export function getFundingHook(chain: ChainDefinition): FundingHook {
  return chain.fund ?? nativeFundingHook
}

/**
 * Converts the funding flags to base units of the chain's funding currency.
 *
 * @example
 * const amounts = resolveFundingAmounts(chain, { fundingTarget: "0.5" })
 * if (amounts.isOk()) amounts.value.target // 500000000000000000n for an 18-decimal currency
 */
export function resolveFundingAmounts(
  chain: ChainDefinition,
  flags: FundingFlags,
): Result<{ target?: bigint; threshold?: bigint }, CliInvalidFlagErrorType> {
  const { decimals, symbol } = getFundingHook(chain).currency
  const convert = (
    flag: string,
    text: string | undefined,
  ): Result<bigint | undefined, CliInvalidFlagErrorType> => {
    if (text === undefined) return Ok(undefined)
    try {
      return Ok(parseUnits(text, decimals))
    } catch {
      return Err(
        new CliInvalidFlagError({
          flag,
          value: text,
          reason: `${symbol} has ${decimals} decimals`,
        }) as CliInvalidFlagErrorType,
      )
    }
  }
  const target = convert("--funding-target", flags.fundingTarget)
  if (target.isErr()) return target
  const threshold = convert("--funding-threshold", flags.fundingThreshold)
  if (threshold.isErr()) return threshold
  if (target.value !== undefined && threshold.value !== undefined && threshold.value > target.value)
    return Err(
      new CliInvalidFlagError({
        flag: "--funding-threshold",
        value: flags.fundingThreshold ?? "",
        reason: "the threshold cannot be above the funding target",
      }) as CliInvalidFlagErrorType,
    )
  return Ok({
    ...(target.value === undefined ? {} : { target: target.value }),
    ...(threshold.value === undefined ? {} : { threshold: threshold.value }),
  })
}
