import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { dynamicFees } from "@testnet/evm"
import { riseGasLimits } from "../shared/gasLimits.js"
import { signedRequest, transactionType } from "../shared/rawTransaction.js"

/**
 * Sends an explicit EIP-1559 (type 2) transfer with a randomized priority tip (1–3× the cached
 * tip, capped by the fee cap) to a random address, and checks type 2 and the effective price.
 *
 * @example
 * risechain.tasks.find((task) => task.name === "eip1559_transaction")
 */
export const eip1559Transaction = defineTask({
  name: "eip1559_transaction",
  weight: 3,
  description: "Sends an explicit EIP-1559 (type 2) transfer with a random priority tip.",
  async run(context) {
    const recipient = context.random.address()
    const multiplier = BigInt(context.random.int(1, 3))
    let maxFeePerGas = 0n
    const done = await sendAndConfirm(
      context,
      signedRequest(context, recipient, (fees) => {
        const dynamic = dynamicFees(fees)
        const tip = dynamic.maxPriorityFeePerGas * multiplier
        maxFeePerGas = dynamic.maxFeePerGas + tip - dynamic.maxPriorityFeePerGas
        return {
          type: 2,
          to: recipient,
          value: 1n,
          gasLimit: riseGasLimits.transfer,
          maxFeePerGas,
          maxPriorityFeePerGas: tip,
        }
      }),
    )
    if (done.isErr()) return done
    const type = await transactionType(context, done.value.sent.hash)
    if (type.isErr()) return type
    if (type.value !== 2) return taskFailure(context, `included as type ${type.value}`)
    if (done.value.receipt.effectiveGasPrice > maxFeePerGas)
      return taskFailure(context, "the effective gas price exceeds the fee cap")
    return succeeded([done.value.sent], [`type 2 with tip ×${multiplier}`])
  },
})
