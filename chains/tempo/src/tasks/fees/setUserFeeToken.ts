import {
  type BaseError,
  defineTask,
  Ok,
  type Result,
  readValue,
  sendAndConfirm,
  succeeded,
  type TaskContext,
  taskFailure,
} from "@testnet/core"
import { highestGasPrice } from "@testnet/evm"
import { ZeroAddress } from "ethers"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetUserToken, encodeSetUserToken, feeManagerInterface } from "../../contracts/feeManager.js"
import { readTokenBalances } from "../../funding/balances.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

const feeManager = tempoAddresses.feeManager

/**
 * What the run knows without asking: each validator's fee token (set by the validator, not by any
 * task) and each wallet's preference (changed only by this task, which records what it set), by
 * run, chain and address. Bounded.
 */
const known = new Map<string, string>()
const knownLimit = 20_000

function remember(context: TaskContext, key: string, value: string): void {
  if (known.size >= knownLimit) known.clear()
  known.set(`${context.runId}:${context.chainId}:${key.toLowerCase()}`, value)
}

function recalled(context: TaskContext, key: string): string | undefined {
  return known.get(`${context.runId}:${context.chainId}:${key.toLowerCase()}`)
}

/** The validator's fee token (the block producer's preference; pathUSD when unset). */
async function validatorToken(context: TaskContext): Promise<string> {
  const block = await context.rpc.request<{ miner?: string }>("eth_getBlockByNumber", ["latest", false])
  const miner = block.isOk() ? block.value.miner : undefined
  if (miner === undefined) return tempoAddresses.pathUsd
  const cached = recalled(context, `validator:${miner}`)
  if (cached !== undefined) return cached
  const token = await readValue<string>(
    context,
    feeManager,
    feeManagerInterface.encodeFunctionData("validatorTokens", [miner]),
    "address",
  )
  if (token.isErr()) return tempoAddresses.pathUsd
  const chosen = token.value !== ZeroAddress ? token.value : tempoAddresses.pathUsd
  remember(context, `validator:${miner}`, chosen)
  return chosen
}

/** The wallet's preference: read on its first use in the run, then what this task last set. */
async function currentPreference(context: TaskContext): Promise<Result<string, BaseError>> {
  const cached = recalled(context, `user:${context.address}`)
  if (cached !== undefined) return Ok(cached)
  return readValue<string>(context, feeManager, encodeGetUserToken(context.address), "address")
}

/** True when `token` can pay fees for a validator taking `validator`: same token, or FeeAMM liquidity. */
async function hasLiquidity(context: TaskContext, token: string, validator: string): Promise<boolean> {
  if (token.toLowerCase() === validator.toLowerCase()) return true
  const pool = await context.call({
    to: feeManager,
    data: feeManagerInterface.encodeFunctionData("getPool", [token, validator]),
  })
  if (pool.isErr()) return false
  const [reserves] = feeManagerInterface.decodeFunctionResult("getPool", pool.value)
  return (reserves as { reserveValidatorToken: bigint }).reserveValidatorToken > 0n
}

/**
 * Switches the wallet's fee-token preference (FeeManager `setUserToken`) to another funded
 * stablecoin — only one it holds and that has FeeAMM liquidity against the validator's token,
 * because `setUserToken` pays its own fee in the new token and is SILENTLY DROPPED otherwise —
 * then remembers it for the run (the test reads `userTokens(wallet)` on chain).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "set_user_fee_token")
 */
export const setUserFeeToken = defineTask({
  name: "set_user_fee_token",
  weight: 2,
  description: "Sets the wallet's fee token to another funded stablecoin with FeeAMM liquidity.",
  async run(context) {
    const [current, validator] = await Promise.all([currentPreference(context), validatorToken(context)])
    if (current.isErr()) return current
    const fees = context.fees()
    if (fees.isErr()) return fees
    const price = highestGasPrice(fees.value)
    const needed = (tempoGasLimits.setUserToken * price) / 10n ** 12n + 1n
    const candidates = context.random.shuffle(
      tempoFeeTokens.filter((token) => token.toLowerCase() !== current.value.toLowerCase()),
    )
    // Every candidate's balance in one Multicall3 call; the pool only of the funded ones, in turn.
    const balances = await readTokenBalances(context.rpc, candidates, [context.address])
    if (balances.isErr()) return balances
    let chosen: string | undefined
    for (const [index, token] of candidates.entries()) {
      const balance = balances.value[0]?.[index] ?? 0n
      if (balance > needed * 2n && (await hasLiquidity(context, token, validator))) {
        chosen = token
        break
      }
    }
    if (chosen === undefined) return taskFailure(context, "no funded fee token with FeeAMM liquidity")
    const done = await sendAndConfirm(context, {
      to: feeManager,
      data: encodeSetUserToken(chosen),
      value: 0n,
      gasLimit: tempoGasLimits.setUserToken,
    })
    if (done.isErr()) return done
    // Mined with status success is the preference set (the test reads userTokens on chain).
    remember(context, `user:${context.address}`, chosen)
    return succeeded([done.value.sent], [`fee token ${tokenLabel(current.value)} → ${tokenLabel(chosen)}`])
  },
})
