import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { encodeTransferWithMemo } from "../../contracts/tip20.js"
import type { TempoAccessListEntry } from "../../transaction/types.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { classifyTempoLane } from "./classify.js"
import { accessListRequest } from "./laneRequest.js"

/**
 * The same transfer as `lane_payment_transfer` but carrying an access list (the token, no storage
 * keys), which demotes it to the general lane (TIP-1045: any non-empty access list is general).
 * On a Tempo network general transactions share at most 30M gas per block (TIP-1010), so under load
 * they wait where payments do not; anvil has no lanes and mines it at once, so the task checks the
 * classification and the delivery, and the lane rule itself is simulated in the lanes test.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "lane_general_transfer")
 */
export const laneGeneralTransfer = defineTask({
  name: "lane_general_transfer",
  weight: 2,
  description: "Sends a transfer with an access list: general lane on Tempo (anvil builds no lanes).",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const recipient = context.random.address()
    const amount = smallAmount(context.random)
    const calls = [{ to: token, input: encodeTransferWithMemo(recipient, amount, context.random.hex(32)) }]
    const accessList: TempoAccessListEntry[] = [{ address: token, storageKeys: [] }]
    const lane = classifyTempoLane({ calls, accessList })
    if (lane !== "general") return taskFailure(context, `the transfer classifies as ${lane}, not general`)
    const done = await sendAndConfirm(
      context,
      accessListRequest(context.wallet, {
        calls,
        accessList,
        gasLimit: tempoGasLimits.tip20Transfer,
        feeToken: token,
      }),
    )
    if (done.isErr()) return done
    const transfer = { token, from: context.address, to: recipient, amount }
    if (!hasTip20Transfer(done.value.receipt.logs, transfer))
      return taskFailure(context, `no Transfer event of ${amount} to ${recipient} in the receipt`)
    return succeeded([done.value.sent], [`${lane} lane: ${amount} ${tokenLabel(token)} to ${recipient}`])
  },
})
