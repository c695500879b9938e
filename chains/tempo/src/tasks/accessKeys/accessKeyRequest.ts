import { randomBytes } from "node:crypto"
import type { RawSendRequest, TaskSigner } from "@testnet/core"
import { createFastWallet } from "@testnet/core/wallet"
import type { TempoKeyType, TempoSignedKeyAuthorization } from "../../transaction/keyAuthorization.js"
import { createRandomP256Key } from "../../transaction/p256.js"
import { signTempoTransaction, signTempoTransactionWithAccessKey } from "../../transaction/sign.js"
import { p256Signer, secp256k1Signer, type TempoSigner, webAuthnSigner } from "../../transaction/signers.js"
import type { TempoCall } from "../../transaction/types.js"
import { tempoRawRequest } from "../shared/tempoRawRequest.js"

/**
 * A fresh access key of `keyType`, made for one task execution (the secret stays in the closure).
 *
 * @example
 * const accessKey = createAccessKey("p256")
 */
export function createAccessKey(keyType: TempoKeyType): TempoSigner {
  if (keyType === "p256") return p256Signer(createRandomP256Key())
  if (keyType === "webAuthn")
    return webAuthnSigner(createRandomP256Key(), { rpId: "testnet-framework.local" })
  // A bare random key, signing natively: no mnemonic, PBKDF2 or HD derivation (once ~8 % of CPU).
  // A secret ≥ the group order (probability ~2^-128) is refused: draw again.
  for (;;) {
    const wallet = createFastWallet(`0x${randomBytes(32).toString("hex")}`)
    if (wallet.isOk()) return secp256k1Signer(wallet.value.address, wallet.value.signDigest)
  }
}

/**
 * The leased wallet as a {@link TempoSigner}: the root key that signs key authorizations.
 *
 * @example
 * const root = rootSigner(context.wallet)
 */
export function rootSigner(wallet: TaskSigner): TempoSigner {
  return secp256k1Signer(wallet.address, (digest) => wallet.signDigest(digest))
}

/**
 * What an access-key transaction carries: its calls, gas limit and fee token, the key
 * authorization riding in it (if any), and the access key that signs it (absent: the root key).
 *
 * @example
 * const parameters: AccessKeyRequestParameters = { calls, gasLimit: 2_500_000n, keyAuthorization, accessKey }
 */
export type AccessKeyRequestParameters = {
  readonly calls: readonly TempoCall[]
  readonly gasLimit: bigint
  readonly feeToken?: string
  readonly keyAuthorization?: TempoSignedKeyAuthorization
  readonly accessKey?: TempoSigner
}

/**
 * A send request for a 0x76 transaction from the leased wallet's account on its protocol nonce
 * lane, signed by the root key or (keychain signature, v2) by an access key of that account.
 *
 * @example
 * const sent = await context.send(accessKeyRequest(context.wallet, { calls, gasLimit, accessKey }))
 */
export function accessKeyRequest(wallet: TaskSigner, parameters: AccessKeyRequestParameters): RawSendRequest {
  const { keyAuthorization, accessKey } = parameters
  const extraFields = keyAuthorization === undefined ? {} : { keyAuthorization }
  return tempoRawRequest({ ...parameters, extraFields }, (fields) => {
    if (accessKey === undefined) return signTempoTransaction(fields, (digest) => wallet.signDigest(digest))
    return signTempoTransactionWithAccessKey(fields, wallet.address, accessKey)
  })
}
