import { defineTask, Ok, succeeded, taskFailure } from "@testnet/core"
import { accountKeychainAddress, encodeRevokeKey } from "../../contracts/accountKeychain.js"
import { confirmAll, sendPending, sentOf } from "../shared/pendingSend.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest } from "./accessKeyRequest.js"
import { sendFreshAccessKeyAuthorization } from "./authorizeAccessKey.js"
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
    // The revoke is started right behind the authorization (next nonce, before the authorization
    // is even accepted): both reach the node in one batch and the chain runs them in nonce order,
    // as a rule in the same block.
    const authorization = await sendFreshAccessKeyAuthorization(context)
    if (authorization.isErr()) return authorization
    const { accessKey, pending } = authorization.value
    const revoke = sendPending(
      context,
      accessKeyRequest(context.wallet, {
        calls: [{ to: accountKeychainAddress, input: encodeRevokeKey(accessKey.address) }],
        gasLimit: accessKeyGasLimits.revoke,
      }),
      (receipt) =>
        hasKeychainEvent(receipt.logs, "KeyRevoked", context.address, accessKey.address)
          ? Ok(undefined)
          : taskFailure(context, `no KeyRevoked event for access key ${accessKey.address}`),
    )
    const mined = await confirmAll([pending, revoke] as const)
    if (mined.isErr()) return mined
    return succeeded(sentOf(mined.value), [
      `${accessKey.keyType} access key ${accessKey.address} authorized, then revoked`,
    ])
  },
})
