import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { encodeTransferWithMemo } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { classifyTempoLane } from "./classify.js"

/**
 * A transfer built to stay in the payment lane (TIP-1045): a single `transferWithMemo` of a
 * stablecoin, no access list. Checks the classification before sending and the recipient's Transfer event
 * in the receipt. Anvil has no lanes; on a Tempo network payments are not limited by the 30M general-gas cap.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "lane_payment_transfer")
 */
export const lanePaymentTransfer = defineTask({
  name: "lane_payment_transfer",
  weight: 10,
  description: "Sends a payment-lane transfer (one TIP-20 transferWithMemo, no access list).",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const recipient = context.random.address()
    const amount = smallAmount(context.random)
    const calls = [{ to: token, input: encodeTransferWithMemo(recipient, amount, context.random.hex(32)) }]
    const lane = classifyTempoLane({ calls })
    if (lane !== "payment") return taskFailure(context, `the transfer classifies as ${lane}, not payment`)
    const done = await sendAndConfirm(
      context,
      tempoRequest(context.wallet, { calls, gasLimit: tempoGasLimits.tip20Transfer, feeToken: token }),
    )
    if (done.isErr()) return done
    const transfer = { token, from: context.address, to: recipient, amount }
    if (!hasTip20Transfer(done.value.receipt.logs, transfer))
      return taskFailure(context, `no Transfer event of ${amount} to ${recipient} in the receipt`)
    return succeeded([done.value.sent], [`${lane} lane: ${amount} ${tokenLabel(token)} to ${recipient}`])
  },
})
