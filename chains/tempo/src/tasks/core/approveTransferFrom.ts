import { defineTask, succeeded } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Approve, tip20Interface } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
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
    const approve = await context.send({
      to: token,
      data: encodeTip20Approve(context.address, amount),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Approve,
    })
    if (approve.isErr()) return approve
    const transfer = await context.send({
      to: token,
      data: tip20Interface.encodeFunctionData("transferFrom", [
        context.address,
        context.random.address(),
        amount,
      ]),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Transfer,
    })
    const approved = await context.waitForReceipt(approve.value.hash)
    if (transfer.isErr()) return transfer
    if (approved.isErr()) return approved
    const transferred = await context.waitForReceipt(transfer.value.hash)
    if (transferred.isErr()) return transferred
    return succeeded([approve.value, transfer.value], [`allowance ${amount} spent`])
  },
})
