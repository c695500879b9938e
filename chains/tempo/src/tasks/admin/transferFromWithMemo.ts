import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, encodeTip20TransferFromWithMemo, tip20Interface } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas } from "../policies/calls.js"
import { findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"
import { createOfflineHolder, signedPermitCall } from "./permit.js"

const transferWithMemoTopic = tip20Interface.getEvent("TransferWithMemo")?.topicHash

/**
 * A pull payment with an invoice reference: a payer (an offline holder, funded by minting the
 * wallet's own token) signs a permit, and the wallet collects with `transferFromWithMemo(payer,
 * merchant, amount, memo)` in the same batch (right behind the token's creation when this task
 * creates it). Checks the TransferWithMemo log carries the memo and
 * the receipt moved the amount to the merchant.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_transfer_from_with_memo")
 */
export const tip20TransferFromWithMemo = defineTask({
  name: "tip20_transfer_from_with_memo",
  weight: 4,
  description: "Collects a permit-approved payment with transferFromWithMemo (invoice memo).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const role = await issuerRoleCalls(context, token)
    if (role.isErr()) return role
    const payer = createOfflineHolder(context)
    const merchant = context.random.address()
    const amount = context.random.bigint(1n, 1_000_000n)
    const memo = context.random.hex(32)
    const permit = await signedPermitCall(context, owned.value, payer, context.address, amount)
    if (permit.isErr()) return permit
    const collect = encodeTip20TransferFromWithMemo(payer.address, merchant, amount, memo)
    const calls: TempoCall[] = [
      ...role.value,
      { to: token, input: encodeTip20Mint(payer.address, amount) },
      permit.value,
      { to: token, input: collect },
    ]
    const collecting = sendPathUsdCallsPending(context, calls, adminGas(calls.length))
    const steps = [owned.value.creation, collecting] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const { receipt } = mined.value[1]
    const logged = receipt.logs.some(
      (log) => log.topics[0] === transferWithMemoTopic && log.topics[3]?.toLowerCase() === memo.toLowerCase(),
    )
    if (!logged) return taskFailure(context, `no TransferWithMemo log with memo ${memo}`)
    if (!hasTip20Transfer(receipt.logs, { token, from: payer.address, to: merchant, amount }))
      return taskFailure(context, `no transfer of ${amount} to the merchant ${merchant} in the receipt`)
    return succeeded(sentOf(mined.value), [`collected ${amount} for ${merchant} with memo ${memo}`])
  },
})
