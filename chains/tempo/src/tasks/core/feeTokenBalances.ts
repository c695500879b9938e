import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetUserToken } from "../../contracts/feeManager.js"
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"
import { addressOf, readViews, wordOf } from "../shared/multicall.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * Reads the wallet's balance of every funded fee token and its fee-token preference (ONE eth_call:
 * all of them through Multicall3, at one block; no transaction); fails when the wallet cannot pay
 * fees in any of them.
 *
 * @example
 * const outcome = await checkFeeTokenBalances.run(context, undefined)
 */
export const checkFeeTokenBalances = defineTask({
  name: "check_fee_token_balances",
  weight: 2,
  description: "Reads the wallet's pathUSD/AlphaUSD/BetaUSD balances and its fee-token preference.",
  async run(context) {
    const read = await readViews(context, [
      { to: tempoAddresses.feeManager, data: encodeGetUserToken(context.address) },
      ...tempoFeeTokens.map((token) => ({ to: token, data: encodeTip20BalanceOf(context.address) })),
    ])
    if (read.isErr()) return read
    const [preference, ...balances] = read.value
    const notes: string[] = [`preference=${tokenLabel(addressOf(preference))}`]
    let spendable = false
    for (const [index, returned] of balances.entries()) {
      const balance = wordOf(returned)
      if (balance > 0n) spendable = true
      notes.push(`${tokenLabel(tempoFeeTokens[index] ?? "")}=${balance}`)
    }
    if (!spendable) return taskFailure(context, "the wallet holds none of the fee tokens")
    return succeeded([], notes)
  },
})
