import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { id } from "ethers"
import { encodeTransferWithMemo } from "../../contracts/tip20.js"
import { tempoGasLimits } from "../shared/gasLimits.js"
import { smallAmount, tempoFeeTokens } from "../shared/tokens.js"

const transferWithMemoTopic = id("TransferWithMemo(address,address,uint256,bytes32)")

/**
 * `transferWithMemo` of pathUSD/AlphaUSD/BetaUSD to a random address with a random 32-byte memo;
 * checks the receipt carries the `TransferWithMemo` event with that memo.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_transfer_with_memo")
 */
export const tip20TransferWithMemo = defineTask({
  name: "tip20_transfer_with_memo",
  weight: 24,
  description: "Transfers a stablecoin with a random 32-byte memo and checks the memo event.",
  async run(context) {
    const token = context.random.pick(tempoFeeTokens)
    const memo = context.random.hex(32)
    const amount = smallAmount(context.random)
    const done = await sendAndConfirm(context, {
      to: token,
      data: encodeTransferWithMemo(context.random.address(), amount, memo),
      value: 0n,
      gasLimit: tempoGasLimits.tip20Transfer,
    })
    if (done.isErr()) return done
    const logged = done.value.receipt.logs.some(
      (log) => log.topics[0] === transferWithMemoTopic && log.topics[3]?.toLowerCase() === memo.toLowerCase(),
    )
    if (!logged) return taskFailure(context, "no TransferWithMemo event with the memo")
    return succeeded([done.value.sent], [`memo=${memo}`])
  },
})
