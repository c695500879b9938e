import {
  defineTask,
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
import { tempoGasLimits } from "../shared/gasLimits.js"
import { readBalance } from "../shared/reads.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

const feeManager = tempoAddresses.feeManager

/** The validator's fee token (the block producer's preference; pathUSD when unset). */
async function validatorToken(context: TaskContext): Promise<string> {
  const block = await context.rpc.request<{ miner?: string }>("eth_getBlockByNumber", ["latest", false])
  const miner = block.isOk() ? block.value.miner : undefined
  if (miner === undefined) return tempoAddresses.pathUsd
  const token = await readValue<string>(
    context,
    feeManager,
    feeManagerInterface.encodeFunctionData("validatorTokens", [miner]),
    "address",
  )
  return token.isOk() && token.value !== ZeroAddress ? token.value : tempoAddresses.pathUsd
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
 * then checks `userTokens(wallet)`.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "set_user_fee_token")
 */
export const setUserFeeToken = defineTask({
  name: "set_user_fee_token",
  weight: 2,
  description: "Sets the wallet's fee token to another funded stablecoin with FeeAMM liquidity.",
  async run(context) {
    const [current, validator] = await Promise.all([
      readValue<string>(context, feeManager, encodeGetUserToken(context.address), "address"),
      validatorToken(context),
    ])
    if (current.isErr()) return current
    const fees = context.fees()
    if (fees.isErr()) return fees
    const price = highestGasPrice(fees.value)
    const needed = (tempoGasLimits.setUserToken * price) / 10n ** 12n + 1n
    const candidates = context.random.shuffle(
      tempoFeeTokens.filter((token) => token.toLowerCase() !== current.value.toLowerCase()),
    )
    let chosen: string | undefined
    for (const token of candidates) {
      const balance = await readBalance(context, token, context.address)
      if (balance.isErr()) return balance
      if (balance.value > needed * 2n && (await hasLiquidity(context, token, validator))) {
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
    const after = await readValue<string>(context, feeManager, encodeGetUserToken(context.address), "address")
    if (after.isErr()) return after
    if (after.value.toLowerCase() !== chosen.toLowerCase())
      return taskFailure(context, `preference is ${after.value}, expected ${chosen}`)
    return succeeded([done.value.sent], [`fee token ${tokenLabel(current.value)} → ${tokenLabel(chosen)}`])
  },
})
