import { contractInterfaces } from "@testnet/contracts"
import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { parseEvents } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"
import { findOrDeployMultiSend, randomRecipients } from "../shared/multiSend.js"

/**
 * Sends ETH to 3–10 random addresses in one transaction through the shared `MultiSend`.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "multi_send_native")
 */
export const multiSendNative = defineTask({
  name: "multi_send_native",
  weight: 3,
  description: "Sends ETH to 3–10 random addresses in one MultiSend transaction.",
  async run(context) {
    const multiSend = await findOrDeployMultiSend(context)
    if (multiSend.isErr()) return multiSend
    const count = context.random.int(3, 10)
    const { recipients, amounts, total } = randomRecipients(context, count, 1_000_000_000n)
    const done = await sendAndConfirm(context, {
      to: multiSend.value.address,
      data: contractInterfaces.MultiSend.encodeFunctionData("multiSendNative", [recipients, amounts]),
      value: total,
      gasLimit: riseGasLimits.contractCall + riseGasLimits.perRecipient * BigInt(count),
    })
    if (done.isErr()) return done
    const [sent] = parseEvents(contractInterfaces.MultiSend, done.value.receipt, "MultiSent")
    if (sent?.args?.total !== total) return taskFailure(context, "no MultiSent event with the total")
    return succeeded([multiSend.value.deployment, done.value.sent], [`${total} wei to ${count} recipients`])
  },
})
