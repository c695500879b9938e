import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { highestGasPrice } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"
import { signedRequest, transactionType } from "../shared/rawTransaction.js"

/**
 * Sends a legacy (type 0, EIP-155) ETH transfer to a random address and checks the chain
 * recorded type 0.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "legacy_transaction")
 */
export const legacyTransaction = defineTask({
  name: "legacy_transaction",
  weight: 3,
  description: "Sends a legacy (type 0) transfer to a random address.",
  async run(context) {
    const recipient = context.random.address()
    const value = context.random.bigint(1n, 1_000_000n)
    const done = await sendAndConfirm(
      context,
      signedRequest(context, recipient, (fees) => ({
        type: 0,
        to: recipient,
        value,
        gasLimit: riseGasLimits.transfer,
        gasPrice: highestGasPrice(fees),
      })),
    )
    if (done.isErr()) return done
    const type = await transactionType(context, done.value.sent.hash)
    if (type.isErr()) return type
    if (type.value !== 0) return taskFailure(context, `included as type ${type.value}`)
    return succeeded([done.value.sent], [`type 0: ${value} wei to ${recipient}`])
  },
})
