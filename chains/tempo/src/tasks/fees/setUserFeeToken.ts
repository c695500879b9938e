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
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"
import { latestMiner } from "../shared/chainTime.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { addressOf, readViews, wordOf } from "../shared/multicall.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

const feeManager = tempoAddresses.feeManager

/**
 * What the run knows without asking: each validator's fee token (set by the validator, not by any
 * task), by run, chain and validator. Bounded.
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
  // The producer of the run's head (no RPC); the devnet names none (the zero address).
  const latest = await latestMiner(context)
  if (latest.isErr()) return tempoAddresses.pathUsd
  const miner = latest.value
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

/** The pool's validator-token reserve, from `getPool`'s return data. */
function validatorReserve(data: string | undefined): bigint {
  if (data === undefined || data === "0x") return 0n
  const [reserves] = feeManagerInterface.decodeFunctionResult("getPool", data)
  return (reserves as { reserveValidatorToken: bigint }).reserveValidatorToken
}

/**
 * Switches the wallet's fee-token preference (FeeManager `setUserToken`) to another funded
 * stablecoin — only one it holds and that has FeeAMM liquidity against the validator's token,
 * because `setUserToken` pays its own fee in the new token and is SILENTLY DROPPED otherwise —
 * choosing from one read of the preference, the balances and the pools (the test reads
 * `userTokens(wallet)` on chain).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "set_user_fee_token")
 */
export const setUserFeeToken = defineTask({
  name: "set_user_fee_token",
  weight: 2,
  description: "Sets the wallet's fee token to another funded stablecoin with FeeAMM liquidity.",
  async run(context) {
    const validator = await validatorToken(context)
    const fees = context.fees()
    if (fees.isErr()) return fees
    const price = highestGasPrice(fees.value)
    const needed = (tempoGasLimits.setUserToken * price) / 10n ** 12n + 1n
    // The preference, every fee token's balance and its pool against the validator's token: ONE
    // eth_call (Multicall3), all at the same block.
    const read = await readViews(context, [
      { to: feeManager, data: encodeGetUserToken(context.address) },
      ...tempoFeeTokens.map((token) => ({ to: token, data: encodeTip20BalanceOf(context.address) })),
      ...tempoFeeTokens.map((token) => ({
        to: feeManager,
        data: feeManagerInterface.encodeFunctionData("getPool", [token, validator]),
      })),
    ])
    if (read.isErr()) return read
    const [preference, ...rest] = read.value
    const current = addressOf(preference)
    const count = tempoFeeTokens.length
    const candidates = context.random.shuffle(
      tempoFeeTokens
        .map((token, index) => ({
          token,
          balance: wordOf(rest[index]),
          // The validator's own token pays without a swap; any other needs FeeAMM liquidity.
          liquid:
            token.toLowerCase() === validator.toLowerCase() || validatorReserve(rest[count + index]) > 0n,
        }))
        .filter(({ token }) => token.toLowerCase() !== current.toLowerCase()),
    )
    const chosen = candidates.find(({ balance, liquid }) => balance > needed * 2n && liquid)?.token
    if (chosen === undefined) return taskFailure(context, "no funded fee token with FeeAMM liquidity")
    const done = await sendAndConfirm(context, {
      to: feeManager,
      data: encodeSetUserToken(chosen),
      value: 0n,
      gasLimit: tempoGasLimits.setUserToken,
    })
    if (done.isErr()) return done
    // Mined with status success is the preference set (the test reads userTokens on chain).
    return succeeded([done.value.sent], [`fee token ${tokenLabel(current)} → ${tokenLabel(chosen)}`])
  },
})
