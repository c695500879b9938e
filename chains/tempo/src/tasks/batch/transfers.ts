import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import { batchCallGas, tempoGasLimits } from "../shared/gasLimits.js"
import { tempoRequest } from "../shared/tempoRequest.js"
import { smallAmount, tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { countTransfers } from "./transferLogs.js"

/**
 * ONE Tempo transaction (0x76) carrying N (2–8) calls: TIP-20 transfers of small random amounts
 * of one funded stablecoin to N fresh addresses, executed atomically; checks N Transfer logs.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "batch_tip20_transfers")
 */
export const batchTip20Transfers = defineTask({
  name: "batch_tip20_transfers",
  weight: 6,
  description: "Sends 2–8 TIP-20 transfers as the calls of one 0x76 transaction.",
  requires: ["batchCalls"],
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const count = context.random.int(2, 8)
    const recipients = Array.from({ length: count }, () => context.random.address())
    const calls = recipients.map((recipient) => ({
      to: token,
      input: encodeTip20Transfer(recipient, smallAmount(context.random)),
    }))
    const gasLimit = tempoGasLimits.tip20Transfer + batchCallGas * BigInt(count - 1)
    const done = await sendAndConfirm(
      context,
      tempoRequest(context.wallet, { calls, gasLimit, feeToken: token }),
    )
    if (done.isErr()) return done
    const logged = countTransfers(done.value.receipt, token, recipients)
    if (logged !== count) return taskFailure(context, `${logged} Transfer logs, expected ${count}`)
    return succeeded([done.value.sent], [`${count} ${tokenLabel(token)} transfers in one transaction`])
  },
})
