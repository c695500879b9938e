import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { ZeroAddress } from "ethers"
import { encodeTip20GrantRole, encodeTip20Mint, tip20IssuerRole } from "../../contracts/tip20.js"
import { findOrCreateOwnedToken, sendTokenCalls } from "../shared/ownedToken.js"
import { confirmAll, sentOf } from "../shared/pendingSend.js"
import { hasTip20Transfer } from "../shared/transferLogs.js"

/**
 * On a token the wallet administers (created first if needed, the batch right behind the creation):
 * one Tempo batch transaction with `grantRole(ISSUER_ROLE, self)` and `mint(self, amount)`; checks
 * the mint by its Transfer event in the receipt (from the zero address, `amount` to itself).
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
    const amount = context.random.bigint(1_000n, 1_000_000_000n)
    const mint = sendTokenCalls(context, [
      { to: token, input: encodeTip20GrantRole(tip20IssuerRole, context.address) },
      { to: token, input: encodeTip20Mint(context.address, amount) },
    ])
    const mined = await confirmAll([owned.value.creation, mint] as const)
    if (mined.isErr()) return mined
    // The mint is checked by its Transfer event from the zero address (the test reads the balance).
    const minted = { token, from: ZeroAddress, to: context.address, amount }
    if (!hasTip20Transfer(mined.value[1].receipt.logs, minted))
      return taskFailure(context, `no Transfer event of ${amount} minted to ${context.address}`)
    return succeeded(sentOf(mined.value), [`minted ${amount} ${owned.value.symbol}`])
  },
})
