import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Approve, tip20Interface } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { confirmAll, sendPending, sentOf } from "../shared/pendingSend.js"
import { smallAmount } from "../shared/tokens.js"

/**
 * `approve` (the wallet as its own spender) then `transferFrom` to a random address, sent back to
 * back (consecutive nonces, usually the same block), both must succeed.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_approve_transfer_from")
 */
export const tip20ApproveTransferFrom = defineTask({
  name: "tip20_approve_transfer_from",
  weight: 3,
  description: "Approves itself as spender of pathUSD, then transferFrom's it to a random address.",
  async run(context) {
    const token = tempoAddresses.pathUsd
    const amount = smallAmount(context.random)
    // The transferFrom's send starts before the approve is even accepted: both reach the node in
    // one batch as a rule (under load, waiting for the approve's acceptance made the transferFrom
    // miss the approve's block).
    const approve = sendPending(context, {
      to: token,
      data: encodeTip20Approve(context.address, amount),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Approve,
    })
    const transfer = sendPending(context, {
      to: token,
      data: tip20Interface.encodeFunctionData("transferFrom", [
        context.address,
        context.random.address(),
        amount,
      ]),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Transfer,
    })
    const mined = await confirmAll([approve, transfer] as const)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`allowance ${amount} spent`])
  },
})
