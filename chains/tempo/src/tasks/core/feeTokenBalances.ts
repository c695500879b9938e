import { defineTask, readValue, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetUserToken } from "../../contracts/feeManager.js"
import { readTokenBalances } from "../../funding/balances.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * Reads the wallet's balance of every funded fee token and its fee-token preference (two eth_calls:
 * the balances through Multicall3; no transaction); fails when the wallet cannot pay fees in any of them.
 *
 * @example
 * const outcome = await checkFeeTokenBalances.run(context, undefined)
 */
export const checkFeeTokenBalances = defineTask({
  name: "check_fee_token_balances",
  weight: 2,
  description: "Reads the wallet's pathUSD/AlphaUSD/BetaUSD balances and its fee-token preference.",
  async run(context) {
    // The balances through one Multicall3 call (as the funding checks read them), not one each.
    const [preference, balances] = await Promise.all([
      readValue<string>(context, tempoAddresses.feeManager, encodeGetUserToken(context.address), "address"),
      readTokenBalances(context.rpc, tempoFeeTokens, [context.address]),
    ])
    if (preference.isErr()) return preference
    if (balances.isErr()) return balances
    const notes: string[] = [`preference=${tokenLabel(preference.value)}`]
    let spendable = false
    for (const [index, balance] of (balances.value[0] ?? []).entries()) {
      if (balance > 0n) spendable = true
      notes.push(`${tokenLabel(tempoFeeTokens[index] ?? "")}=${balance}`)
    }
    if (!spendable) return taskFailure(context, "the wallet holds none of the fee tokens")
    return succeeded([], notes)
  },
})
