// The "token" category: TIP-20 tokens created through the factory, and TIP-403 policies.
import type { AnyTaskDefinition } from "@testnet/core"
import { tip20Burn } from "./burn.js"
import { tip20CreateToken } from "./createToken.js"
import { tip20GrantIssuerAndMint } from "./grantIssuerAndMint.js"
import { tip20MintWithMemo } from "./mintWithMemo.js"
import { tip403PolicyWhitelist } from "./policyWhitelist.js"
import { tip20TransferCreatedToken } from "./transferCreatedToken.js"

export {
  tip20Burn,
  tip20CreateToken,
  tip20GrantIssuerAndMint,
  tip20MintWithMemo,
  tip20TransferCreatedToken,
  tip403PolicyWhitelist,
}

/**
 * The token tasks, in catalog order.
 *
 * @example
 * tokenTasks.map((task) => task.name)
 */
export const tokenTasks: readonly AnyTaskDefinition[] = [
  tip20CreateToken,
  tip20GrantIssuerAndMint,
  tip20MintWithMemo,
  tip20Burn,
  tip20TransferCreatedToken,
  tip403PolicyWhitelist,
]
