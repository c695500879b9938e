import type { ConfirmedTransaction } from "@testnet/core"
import {
  type BaseError,
  defineTask,
  Ok,
  type Result,
  succeeded,
  type TaskContext,
  type TransactionReceipt,
  taskFailure,
} from "@testnet/core"
import { encodeTip20Transfer } from "../../contracts/tip20.js"
import type { TempoKeyType } from "../../transaction/keyAuthorization.js"
import { signTempoKeyAuthorization } from "../../transaction/sign.js"
import type { TempoSigner } from "../../transaction/signers.js"
import { estimateChainTime } from "../shared/chainTime.js"
import { type PendingTransaction, sendPending } from "../shared/pendingSend.js"
import { tempoFeeTokens, tokenLabel } from "../shared/tokens.js"
import { hasKeychainEvent } from "./accessKeyEvents.js"
import { accessKeyRequest, createAccessKey, rootSigner } from "./accessKeyRequest.js"
import { accessKeyGasLimits } from "./gasLimits.js"

const keyTypes: readonly TempoKeyType[] = ["secp256k1", "p256", "webAuthn"]

/** An access key the root just authorized, with what it was granted. */
export type AuthorizedAccessKey = {
  readonly accessKey: TempoSigner
  readonly token: string
  readonly limit: bigint
  readonly expiry: bigint
  readonly confirmed: ConfirmedTransaction
}

/** An authorization the root key started sending (not yet accepted or mined), with what it grants. */
export type SentAccessKeyAuthorization = Omit<AuthorizedAccessKey, "confirmed"> & {
  readonly pending: PendingTransaction
}

/**
 * Starts sending (without waiting for acceptance) the root key's (the leased wallet's)
 * authorization of a fresh access key of a random type through the `keyAuthorization` field of a
 * 0x76 that transfers 1 unit to itself. A task that starts the next transaction right away (e.g.
 * the revoke) gets both into the same batch and block: the chain executes the sender's
 * transactions in nonce order.
 *
 * @example
 * const authorization = await sendFreshAccessKeyAuthorization(context)
 */
export async function sendFreshAccessKeyAuthorization(
  context: TaskContext,
): Promise<Result<SentAccessKeyAuthorization, BaseError>> {
  const keyType = context.random.pick(keyTypes)
  const token = context.random.pick(tempoFeeTokens)
  const limit = context.random.bigint(1_000n, 5_000_000n)
  const now = await estimateChainTime(context)
  if (now.isErr()) return now
  const expiry = now.value + 3_600n
  const accessKey = createAccessKey(keyType)
  const keyAuthorization = signTempoKeyAuthorization(
    { chainId: context.chainId, keyType, keyId: accessKey.address, expiry, limits: [{ token, limit }] },
    rootSigner(context.wallet),
  )
  const granted = { accessKey, token, limit, expiry }
  const pending = sendPending(
    context,
    accessKeyRequest(context.wallet, {
      calls: [{ to: token, input: encodeTip20Transfer(context.address, 1n) }],
      gasLimit: accessKeyGasLimits.authorize,
      keyAuthorization,
    }),
    (receipt) =>
      keyAuthorizedIn(receipt, context.address, granted)
        ? Ok(undefined)
        : taskFailure(context, `no KeyAuthorized event for access key ${accessKey.address}`),
  )
  return Ok({ ...granted, pending })
}

/**
 * Whether `receipt` holds the KeyAuthorized event of the authorization `pending` sent.
 *
 * @example
 * if (!keyAuthorizedIn(receipt, context.address, pending)) return taskFailure(context, "no KeyAuthorized")
 */
export function keyAuthorizedIn(
  receipt: TransactionReceipt,
  account: string,
  pending: Pick<SentAccessKeyAuthorization, "accessKey">,
): boolean {
  return hasKeychainEvent(receipt.logs, "KeyAuthorized", account, pending.accessKey.address)
}

/**
 * The root key authorizes a fresh access key (see {@link sendFreshAccessKeyAuthorization}) and the
 * receipt must hold its KeyAuthorized event (the tests read the keychain's record: type, expiry,
 * limits enforced).
 *
 * @example
 * const authorized = await authorizeFreshAccessKey(context)
 */
export async function authorizeFreshAccessKey(
  context: TaskContext,
): Promise<Result<AuthorizedAccessKey, BaseError>> {
  const authorization = await sendFreshAccessKeyAuthorization(context)
  if (authorization.isErr()) return authorization
  const { pending, ...granted } = authorization.value
  const confirmed = await pending.confirmed()
  if (confirmed.isErr()) return confirmed
  return Ok({ ...granted, confirmed: confirmed.value })
}

/**
 * Authorizes an access key (AccountKeychain) in a 0x76 transaction's `keyAuthorization` field.
 *
 * @example
 * tempo.tasks.find((task) => task.name === "access_key_authorize")
 */
export const accessKeyAuthorize = defineTask({
  name: "access_key_authorize",
  weight: 1,
  description:
    "The wallet's root key authorizes a fresh access key (random type: secp256k1, P256 or WebAuthn) with a 1-hour expiry and a spending limit, via a 0x76 keyAuthorization; checks the KeyAuthorized event and the keychain's record.",
  async run(context) {
    const authorized = await authorizeFreshAccessKey(context)
    if (authorized.isErr()) return authorized
    const { accessKey, token, limit, expiry, confirmed } = authorized.value
    return succeeded(
      [confirmed.sent],
      [
        `${accessKey.keyType} access key ${accessKey.address} may spend ${limit} ${tokenLabel(token)} until ${expiry}`,
      ],
    )
  },
})
