import { createHash } from "node:crypto"
import { getBytes, toUtf8Bytes } from "ethers"
import type { TempoKeyType } from "./keyAuthorization.js"
import type { TempoP256Key } from "./p256.js"
import { toTempoSignature } from "./sign.js"
import type { TempoPrimitiveSignature } from "./signatureEnvelope.js"
import type { SignDigest } from "./types.js"

/**
 * A key that signs Tempo digests, whatever its curve: the address it signs as, its access-key
 * type, and `sign(digest)` returning the signature envelope.
 *
 * @example
 * const signer = secp256k1Signer(wallet.address, (digest) => wallet.signDigest(digest))
 * const raw = signTempoTransactionAs(fields, signer)
 */
export type TempoSigner = {
  readonly address: string
  readonly keyType: TempoKeyType
  readonly sign: (digest: string) => TempoPrimitiveSignature
}

/**
 * A secp256k1 signer from an address and a digest-signing function (e.g. an ethers wallet's).
 *
 * @example
 * const signer = secp256k1Signer(wallet.address, (digest) => wallet.signingKey.sign(digest))
 */
export function secp256k1Signer(address: string, signDigest: SignDigest): TempoSigner {
  return {
    address,
    keyType: "secp256k1",
    sign: (digest) => ({ type: "secp256k1", ...toTempoSignature(signDigest(digest)) }),
  }
}

/**
 * A raw P256 signer (type 0x01, `prehash: true`: the key signs `sha256(digest)`, as WebCrypto does).
 *
 * @example
 * const signer = p256Signer(createRandomP256Key())
 */
export function p256Signer(key: TempoP256Key): TempoSigner {
  return {
    address: key.address,
    keyType: "p256",
    sign: (digest) => ({
      type: "p256",
      ...key.signSha256(getBytes(digest)),
      publicKey: key.publicKey,
      prehash: true,
    }),
  }
}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash("sha256").update(bytes).digest()
}

/**
 * A WebAuthn (passkey) signer: an authenticator assertion built in software. authenticatorData is
 * the 37 bytes Tempo accepts (rpIdHash ‖ flags UP|UV ‖ counter 0, no extensions), clientDataJSON
 * is a `webauthn.get` with the digest as base64url challenge; the key signs
 * `sha256(authenticatorData ‖ sha256(clientDataJSON))`.
 *
 * @example
 * const signer = webAuthnSigner(createRandomP256Key(), { rpId: "wallet.example" })
 */
export function webAuthnSigner(key: TempoP256Key, options: { readonly rpId?: string } = {}): TempoSigner {
  const rpId = options.rpId ?? "localhost"
  const authenticatorData = new Uint8Array([...sha256(toUtf8Bytes(rpId)), 0x05, 0, 0, 0, 0])
  return {
    address: key.address,
    keyType: "webAuthn",
    sign: (digest) => {
      const challenge = Buffer.from(getBytes(digest)).toString("base64url")
      const clientDataJSON = JSON.stringify({
        type: "webauthn.get",
        challenge,
        origin: `https://${rpId}`,
        crossOrigin: false,
      })
      const signed = key.signSha256(
        new Uint8Array([...authenticatorData, ...sha256(toUtf8Bytes(clientDataJSON))]),
      )
      return {
        type: "webAuthn",
        ...signed,
        publicKey: key.publicKey,
        authenticatorData: `0x${Buffer.from(authenticatorData).toString("hex")}`,
        clientDataJSON,
      }
    },
  }
}
