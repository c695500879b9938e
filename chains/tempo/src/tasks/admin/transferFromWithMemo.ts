import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20Mint, tip20Interface } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas, sendCalls } from "../policies/calls.js"
import { findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { readBalance } from "../shared/reads.js"
import { createOfflineHolder, signedPermitCall } from "./permit.js"

const transferWithMemoTopic = tip20Interface.getEvent("TransferWithMemo")?.topicHash

/**
 * A pull payment with an invoice reference: a payer (an offline holder, funded by minting the
 * wallet's own token) signs a permit, and the wallet collects with `transferFromWithMemo(payer,
 * merchant, amount, memo)` in the same batch. Checks the TransferWithMemo log carries the memo and
 * the merchant received the amount.
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
    const permit = await signedPermitCall(context, token, payer, context.address, amount)
    if (permit.isErr()) return permit
    const collect = tip20Interface.encodeFunctionData("transferFromWithMemo", [
      payer.address,
      merchant,
      amount,
      memo,
    ])
    const calls: TempoCall[] = [
      ...role.value,
      { to: token, input: encodeTip20Mint(payer.address, amount) },
      permit.value,
      { to: token, input: collect },
    ]
    const done = await sendCalls(context, calls, adminGas(calls.length))
    if (done.isErr()) return done
    const logged = done.value.receipt.logs.some(
      (log) => log.topics[0] === transferWithMemoTopic && log.topics[3]?.toLowerCase() === memo.toLowerCase(),
    )
    if (!logged) return taskFailure(context, `no TransferWithMemo log with memo ${memo}`)
    const received = await readBalance(context, token, merchant)
    if (received.isErr()) return received
    if (received.value !== amount)
      return taskFailure(context, `the merchant holds ${received.value}, expected ${amount}`)
    return succeeded([owned.value.creation, done.value.sent], [`collected ${amount} with memo ${memo}`])
  },
})
