// The "accessKeys" category: AccountKeychain access keys (key authorizations, keychain signatures,
// spending limits, call scopes, revocation).
import type { AnyTaskDefinition } from "@testnet/core"
import { accessKeyAuthorize } from "./authorizeAccessKey.js"
import { accessKeyCallScope } from "./callScope.js"
import { accessKeyPayment } from "./payWithAccessKey.js"
import { accessKeyRevoke } from "./revokeAccessKey.js"
import { accessKeySpendingLimit } from "./spendingLimit.js"

export { accessKeyAuthorize, accessKeyCallScope, accessKeyPayment, accessKeyRevoke, accessKeySpendingLimit }

/**
 * The access-key tasks, in catalog order; all run on the embedded devnet (anvil 1.7.1, T4).
 *
 * @example
 * accessKeysTasks.map((task) => task.name)
 */
export const accessKeysTasks: readonly AnyTaskDefinition[] = [
  accessKeyAuthorize,
  accessKeyPayment,
  accessKeySpendingLimit,
  accessKeyCallScope,
  accessKeyRevoke,
]
