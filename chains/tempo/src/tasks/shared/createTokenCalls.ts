import type { TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20GrantRole, tip20IssuerRole } from "../../contracts/tip20.js"
import { encodeCreateToken } from "../../contracts/tip20Factory.js"
import type { TempoCall } from "../../transaction/types.js"

/**
 * The batch that creates a USD TIP-20 at the factory with the wallet as admin and grants the
 * wallet its issuer role: `token` is the address the factory will give it (predicted from `salt`),
 * `quoteToken` defaults to pathUSD.
 *
 * @example
 * const calls = createTokenWithIssuerCalls(context, { token: predicted, salt, name: "Policy P1A2", symbol: "P1A2" })
 */
export function createTokenWithIssuerCalls(
  context: Pick<TaskContext, "address">,
  created: { token: string; salt: string; name: string; symbol: string; quoteToken?: string },
): TempoCall[] {
  const create = encodeCreateToken({
    name: created.name,
    symbol: created.symbol,
    currency: "USD",
    quoteToken: created.quoteToken ?? tempoAddresses.pathUsd,
    admin: context.address,
    salt: created.salt,
  })
  return [
    { to: tempoAddresses.tip20Factory, input: create },
    { to: created.token, input: encodeTip20GrantRole(tip20IssuerRole, context.address) },
  ]
}
