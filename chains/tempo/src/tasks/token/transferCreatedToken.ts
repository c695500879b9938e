import { defineTask, succeeded } from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import type { TempoCall } from "../../transaction/types.js"
import { findOrCreateOwnedToken, issuerRoleCalls, mintIfShort, sendTokenCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"

/**
 * Transfers the wallet's own created token to a random address, fee paid in pathUSD (minting
 * first, in the same batch, when the balance is too small; a token created for it goes out right
 * before, without a wait between).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_transfer_created_token")
 */
export const tip20TransferCreatedToken = defineTask({
  name: "tip20_transfer_created_token",
  weight: 4,
  description: "Transfers its own created token to a random address (fee in pathUSD).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const amount = context.random.bigint(1n, 10_000n)
    const short = await mintIfShort(context, token, amount, amount * 100n)
    if (short.isErr()) return short
    const calls: TempoCall[] = []
    if (short.value.minted > 0n) {
      const role = await issuerRoleCalls(context, token)
      if (role.isErr()) return role
      calls.push(...role.value, ...short.value.calls)
    }
    calls.push({ to: token, input: encodeTip20Transfer(context.random.address(), amount) })
    const transfer = sendTokenCalls(context, calls)
    const steps = [owned.value.creation, transfer] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [`${amount} ${owned.value.symbol} sent`])
  },
})
