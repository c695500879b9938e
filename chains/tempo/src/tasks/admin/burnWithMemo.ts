import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20BurnWithMemo, tip20Interface } from "../../contracts/tip20.js"
import { adminGas } from "../policies/calls.js"
import { findOrCreateOwnedToken } from "../shared/ownedToken.js"
import { hasBurnLog, ownTokenBurnCalls } from "../shared/ownTokenBurn.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"

const transferWithMemoTopic = tip20Interface.getEvent("TransferWithMemo")?.topicHash

/**
 * `burnWithMemo` on the wallet's own token (a redemption with a reference, minting first in the
 * same batch when the balance is short; right behind the token's creation when this task creates
 * it): checks the Burn log of the amount and the TransferWithMemo
 * log with the memo (the test reads that the total supply fell by the amount).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_burn_with_memo")
 */
export const tip20BurnWithMemo = defineTask({
  name: "tip20_burn_with_memo",
  weight: 2,
  description: "Burns some of its own token with a 32-byte memo (a redemption reference).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const amount = context.random.bigint(1n, 1_000n)
    const memo = context.random.hex(32)
    const burnCall = { to: token, input: encodeTip20BurnWithMemo(amount, memo) }
    const batch = await ownTokenBurnCalls(context, token, amount, burnCall)
    if (batch.isErr()) return batch
    const { calls, minted } = batch.value
    const burn = sendPathUsdCallsPending(context, calls, adminGas(calls.length))
    const steps = [owned.value.creation, burn] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const logs = mined.value[1].receipt.logs
    const memoLogged = logs.some(
      (log) => log.topics[0] === transferWithMemoTopic && log.topics[3]?.toLowerCase() === memo.toLowerCase(),
    )
    if (!memoLogged) return taskFailure(context, "the receipt lacks the TransferWithMemo log")
    // The Burn log carries the amount; the test reads the total supply on chain.
    if (!hasBurnLog(logs, amount)) return taskFailure(context, `no Burn log of ${amount}`)
    return succeeded(sentOf(mined.value), [`burned ${amount} with memo ${memo} (minted ${minted} first)`])
  },
})
