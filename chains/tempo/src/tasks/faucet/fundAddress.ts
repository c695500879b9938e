import { defineTask, sendAndConfirm, succeeded, waitForForeignReceipts } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { batchCallGas, tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens } from "../shared/tokens.js"
import { requestFaucet } from "./faucetSupport.js"

/**
 * On a faucet-enabled endpoint (Moderato): `tempo_fundAddress(wallet)` — the faucet mints its
 * stablecoins to the worker wallet, topping it up — and waits for the faucet's transactions.
 * Elsewhere (anvil, mainnet; learned once per run from −32601): the funder is not exposed to
 * tasks, so the wallet itself plays faucet — one Tempo transaction sends a small amount of every
 * funded stablecoin to a fresh address.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "faucet_fund_address")
 */
export const faucetFundAddress = defineTask({
  name: "faucet_fund_address",
  weight: 1,
  description:
    "Funds the wallet with tempo_fundAddress, or drips stablecoins to a fresh address where there is no faucet.",
  async run(context) {
    const hashes = await requestFaucet(context, context.address)
    if (hashes.isErr()) return hashes
    if (hashes.value !== undefined) {
      const mined = await waitForForeignReceipts(context, hashes.value, 30_000)
      if (mined.isErr()) return mined
      return succeeded([], [`faucet: ${mined.value.length} transactions to ${context.address}`])
    }
    const recipient = context.random.address()
    const calls = tempoFeeTokens.map((token) => ({
      to: token,
      input: encodeTip20Transfer(recipient, smallAmount(context.random)),
    }))
    const gasLimit = tempoGasLimits.tip20Transfer + batchCallGas * BigInt(calls.length - 1)
    const done = await sendAndConfirm(context, tempoRequest(context.wallet, { calls, gasLimit }))
    if (done.isErr()) return done
    return succeeded([done.value.sent], [`drip: ${calls.length} stablecoins to ${recipient}`])
  },
})
