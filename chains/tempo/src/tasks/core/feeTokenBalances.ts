import { defineTask, readValue, succeeded, taskFailure } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeGetUserToken } from "../../contracts/feeManager.js"
import { readBalance } from "../shared/reads.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"

/**
 * Reads the wallet's balance of every funded fee token and its fee-token preference (one JSON-RPC
 * batch, no transaction); fails when the wallet cannot pay fees in any of them.
 *
 * @example
 * const outcome = await checkFeeTokenBalances.run(context, undefined)
 */
export const checkFeeTokenBalances = defineTask({
  name: "check_fee_token_balances",
  weight: 2,
  description: "Reads the wallet's pathUSD/AlphaUSD/BetaUSD balances and its fee-token preference.",
  async run(context) {
    const [preference, ...balances] = await Promise.all([
      readValue<string>(context, tempoAddresses.feeManager, encodeGetUserToken(context.address), "address"),
      ...tempoFeeTokens.map((token) => readBalance(context, token, context.address)),
    ])
    if (preference === undefined) return taskFailure(context, "no answer")
    if (preference.isErr()) return preference
    const notes: string[] = [`preference=${tokenLabel(preference.value)}`]
    let spendable = false
    for (const [index, balance] of balances.entries()) {
      if (balance.isErr()) return balance
      if (balance.value > 0n) spendable = true
      notes.push(`${tokenLabel(tempoFeeTokens[index] ?? "")}=${balance.value}`)
    }
    if (!spendable) return taskFailure(context, "the wallet holds none of the fee tokens")
    return succeeded([], notes)
  },
})
