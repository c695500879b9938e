import { sendAndConfirm, succeeded, type TaskContext, type TaskRunResult, taskFailure } from "@testnet/core"
import { encodeTransferWithMemo } from "../../contracts/tip20.js"
import type { TempoAccessListEntry } from "../../transaction/types.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { classifyTempoLane, type TempoLane } from "./classify.js"
import { accessListRequest } from "./laneRequest.js"

/**
 * One `transferWithMemo` of a fee token built for `lane`: as is for the payment lane, with an
 * access list (the token, no storage keys) for the general lane. Checks the classification before
 * sending and the recipient's Transfer event in the receipt.
 *
 * @example
 * return sendLaneTransfer(context, "payment")
 */
export async function sendLaneTransfer(context: TaskContext, lane: TempoLane): Promise<TaskRunResult> {
  const token = context.random.pick(tempoFeeTokens)
  const recipient = context.random.address()
  const amount = smallAmount(context.random)
  const calls = [{ to: token, input: encodeTransferWithMemo(recipient, amount, context.random.hex(32)) }]
  const accessList: TempoAccessListEntry[] = lane === "general" ? [{ address: token, storageKeys: [] }] : []
  const classified = classifyTempoLane({ calls, accessList })
  if (classified !== lane)
    return taskFailure(context, `the transfer classifies as ${classified}, not ${lane}`)
  const parameters = { calls, gasLimit: tempoGasLimits.tip20Transfer, feeToken: token }
  const request =
    accessList.length === 0
      ? tempoRequest(context.wallet, parameters)
      : accessListRequest(context.wallet, { ...parameters, accessList })
  const done = await sendAndConfirm(context, request)
  if (done.isErr()) return done
  const transfer = { token, from: context.address, to: recipient, amount }
  if (!hasTip20Transfer(done.value.receipt.logs, transfer))
    return taskFailure(context, `no Transfer event of ${amount} to ${recipient} in the receipt`)
  return succeeded([done.value.sent], [`${lane} lane: ${amount} ${tokenLabel(token)} to ${recipient}`])
}
