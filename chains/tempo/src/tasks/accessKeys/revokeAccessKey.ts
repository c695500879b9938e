import { defineTask, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { accountKeychainAddress, encodeRevokeKey } from "../../contracts/accountKeychain.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest } from "./accessKeyRequest.js"
import { authorizeFreshAccessKey } from "./authorizeAccessKey.js"
import { accessKeyGasLimits } from "./gasLimits.js"
import { readAccessKey } from "./keyState.js"

/**
 * An access key's life cycle: authorize it, then revoke it with the root key
 * (`AccountKeychain.revokeKey`), and check the KeyRevoked event and `isRevoked`. (A transaction
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
    const authorized = await authorizeFreshAccessKey(context)
    if (authorized.isErr()) return authorized
    const { accessKey } = authorized.value
    const revoked = await sendAndConfirm(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: accountKeychainAddress, input: encodeRevokeKey(accessKey.address) }],
        gasLimit: accessKeyGasLimits.revoke,
      }),
    )
    if (revoked.isErr()) return revoked
    if (!hasKeychainEvent(revoked.value.receipt.logs, "KeyRevoked", context.address, accessKey.address))
      return taskFailure(context, `no KeyRevoked event for access key ${accessKey.address}`)
    const stored = await readAccessKey(context, context.address, accessKey.address)
    if (stored.isErr()) return stored
    if (!stored.value.isRevoked)
      return taskFailure(context, `access key ${accessKey.address} is not marked revoked`)
    return succeeded(
      [authorized.value.confirmed.sent, revoked.value.sent],
      [`${accessKey.keyType} access key ${accessKey.address} authorized, then revoked`],
    )
  },
})
