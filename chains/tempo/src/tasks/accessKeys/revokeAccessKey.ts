import { defineTask, succeeded, taskFailure } from "@testnet/core"
import { accountKeychainAddress, encodeRevokeKey } from "../../contracts/accountKeychain.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest } from "./accessKeyRequest.js"
import { keyAuthorizedIn, sendFreshAccessKeyAuthorization } from "./authorizeAccessKey.js"
import { accessKeyGasLimits } from "./gasLimits.js"

/**
 * An access key's life cycle: authorize it, then revoke it with the root key
 * (`AccountKeychain.revokeKey`), and check the KeyAuthorized and KeyRevoked events (the test reads `isRevoked` on chain). (A transaction
 * the revoked key signs afterwards is refused by the node: it is never mined.)
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_revoke")
 */
export const accessKeyRevoke = defineTask({
  name: "access_key_revoke",
  weight: 1,
  description:
    "Authorizes a fresh access key, then revokes it with the root key (AccountKeychain.revokeKey); checks the KeyRevoked event and that the keychain marks the key revoked.",
  async run(context) {
    // The revoke goes out right behind the authorization (next nonce, no wait between): the chain
    // runs them in nonce order, usually in the same block.
    const pending = await sendFreshAccessKeyAuthorization(context)
    if (pending.isErr()) return pending
    const { accessKey } = pending.value
    const revoke = await context.send(
      accessKeyRequest(context.wallet, {
        calls: [{ to: accountKeychainAddress, input: encodeRevokeKey(accessKey.address) }],
        gasLimit: accessKeyGasLimits.revoke,
      }),
    )
    if (revoke.isErr()) return revoke
    const [authorized, revoked] = await Promise.all([
      context.waitForReceipt(pending.value.sent.hash),
      context.waitForReceipt(revoke.value.hash),
    ])
    if (authorized.isErr()) return authorized
    if (revoked.isErr()) return revoked
    if (!keyAuthorizedIn(authorized.value, context.address, pending.value))
      return taskFailure(context, `no KeyAuthorized event for access key ${accessKey.address}`)
    if (!hasKeychainEvent(revoked.value.logs, "KeyRevoked", context.address, accessKey.address))
      return taskFailure(context, `no KeyRevoked event for access key ${accessKey.address}`)
    return succeeded(
      [pending.value.sent, revoke.value],
      [`${accessKey.keyType} access key ${accessKey.address} authorized, then revoked`],
    )
  },
})
