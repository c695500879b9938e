import { defineTask, readValue, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20BurnWithMemo, encodeTip20Mint, tip20Interface } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { adminGas, sendCalls } from "../policies/calls.js"
import { findOrCreateOwnedToken, issuerRoleCalls } from "../shared/ownedToken.js"
import { readBalance } from "../shared/reads.js"

const transferWithMemoTopic = tip20Interface.getEvent("TransferWithMemo")?.topicHash
const burnTopic = tip20Interface.getEvent("Burn")?.topicHash

/**
 * `burnWithMemo` on the wallet's own token (a redemption with a reference, minting first in the
 * same batch when the balance is short): checks the Burn log, the TransferWithMemo log to the zero
 * address with the memo, and that the total supply fell by the amount.
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
    const supplyData = tip20Interface.encodeFunctionData("totalSupply")
    const [role, balance, supply] = await Promise.all([
      issuerRoleCalls(context, token),
      readBalance(context, token, context.address),
      readValue<bigint>(context, token, supplyData, "uint256"),
    ])
    if (role.isErr()) return role
    if (balance.isErr()) return balance
    if (supply.isErr()) return supply
    const amount = context.random.bigint(1n, 1_000n)
    const minted = balance.value < amount ? amount : 0n
    const memo = context.random.hex(32)
    const calls: TempoCall[] = [
      ...role.value,
      ...(minted > 0n ? [{ to: token, input: encodeTip20Mint(context.address, minted) }] : []),
      { to: token, input: encodeTip20BurnWithMemo(amount, memo) },
    ]
    const done = await sendCalls(context, calls, adminGas(calls.length))
    if (done.isErr()) return done
    const logs = done.value.receipt.logs
    const memoLogged = logs.some(
      (log) => log.topics[0] === transferWithMemoTopic && log.topics[3]?.toLowerCase() === memo.toLowerCase(),
    )
    if (!memoLogged || !logs.some((log) => log.topics[0] === burnTopic))
      return taskFailure(context, "the receipt lacks the Burn or TransferWithMemo log")
    const after = await readValue<bigint>(context, token, supplyData, "uint256")
    if (after.isErr()) return after
    const expected = supply.value + minted - amount
    if (after.value !== expected)
      return taskFailure(context, `total supply ${after.value}, expected ${expected}`)
    return succeeded(
      [owned.value.creation, done.value.sent],
      [`burned ${amount} with memo ${memo} (minted ${minted} first)`],
    )
  },
})
