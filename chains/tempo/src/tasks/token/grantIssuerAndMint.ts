import { defineTask, Ok, succeeded, taskFailure } from "@testnet/core"
import { encodeTip20GrantRole, encodeTip20Mint, tip20IssuerRole } from "../../contracts/tip20.js"
import { findOrCreateOwnedToken, sendTokenCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { readBalance } from "../shared/reads.js"

/**
 * On a token the wallet administers (created first if needed, the batch right behind the creation):
 * one Tempo batch transaction with `grantRole(ISSUER_ROLE, self)` and `mint(self, amount)`; checks
 * the balance grew by `amount` (a token created here starts at 0: no read before).
 *
 * @example
 * tempo.tasks.find((task) => task.name === "tip20_grant_issuer_and_mint")
 */
export const tip20GrantIssuerAndMint = defineTask({
  name: "tip20_grant_issuer_and_mint",
  weight: 1,
  description: "Grants itself the issuer role and mints its own token (one batch transaction).",
  async run(context) {
    const owned = await findOrCreateOwnedToken(context)
    if (owned.isErr()) return owned
    const token = owned.value.address
    const before =
      owned.value.creation === undefined ? await readBalance(context, token, context.address) : Ok(0n)
    if (before.isErr()) return before
    const amount = context.random.bigint(1_000n, 1_000_000_000n)
    const mint = sendTokenCalls(context, [
      { to: token, input: encodeTip20GrantRole(tip20IssuerRole, context.address) },
      { to: token, input: encodeTip20Mint(context.address, amount) },
    ])
    const steps = [owned.value.creation, mint] as const
    const mined = await confirmAll(steps)
    if (mined.isErr()) return mined
    const after = await readBalance(context, token, context.address)
    if (after.isErr()) return after
    if (after.value !== before.value + amount)
      return taskFailure(context, `balance ${after.value}, expected ${before.value + amount}`)
    return succeeded(sentOf(mined.value), [`minted ${amount} ${owned.value.symbol}`])
  },
})
