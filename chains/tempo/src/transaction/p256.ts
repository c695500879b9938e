import { createECDH, createPrivateKey, randomBytes, sign } from "node:crypto"
import { getBytes, hexlify, toBeHex } from "ethers"
import { p256Address, type TempoP256PublicKey } from "./signatureEnvelope.js"

/** Order of the P256 group; Tempo rejects s > n/2 (signature malleability), so s is normalized. */
const p256Order = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n

/**
 * A P256 key (what a passkey or WebCrypto holds). The private key stays inside the closure;
 * `signSha256(message)` returns a low-s ECDSA signature over `sha256(message)`.
 *
 * @example
 * const key = createRandomP256Key()
 * const { r, s } = key.signSha256(getBytes(digest))
 */
export type TempoP256Key = {
  readonly publicKey: TempoP256PublicKey
  /** The address this key signs as: last 20 bytes of keccak256(x ‖ y). */
  readonly address: string
  readonly signSha256: (message: Uint8Array) => { readonly r: string; readonly s: string }
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url")
}

/**
 * A P256 key from a 32-byte secret (hex or bytes), signing with node:crypto.
 *
 * @example
 * const key = p256KeyFromSecret(hexlify(randomBytes(32)))
 */
export function p256KeyFromSecret(secret: string | Uint8Array): TempoP256Key {
  const privateKey = getBytes(secret)
  if (privateKey.length !== 32) throw new RangeError(`a P256 secret is 32 bytes, got ${privateKey.length}`)
  const ecdh = createECDH("prime256v1")
  ecdh.setPrivateKey(privateKey)
  const point = ecdh.getPublicKey() // 0x04 ‖ x ‖ y
  const publicKey = { x: hexlify(point.subarray(1, 33)), y: hexlify(point.subarray(33, 65)) }
  const key = createPrivateKey({
    format: "jwk",
    key: {
      kty: "EC",
      crv: "P-256",
      d: base64Url(privateKey),
      x: base64Url(point.subarray(1, 33)),
      y: base64Url(point.subarray(33, 65)),
    },
  })
  return {
    publicKey,
    address: p256Address(publicKey),
    signSha256: (message) => {
      const signature = sign("sha256", message, { key, dsaEncoding: "ieee-p1363" })
      const s = BigInt(hexlify(signature.subarray(32, 64)))
      const lowS = s > p256Order / 2n ? p256Order - s : s
      return { r: hexlify(signature.subarray(0, 32)), s: toBeHex(lowS, 32) }
    },
  }
}

/**
 * A fresh random P256 key (e.g. an access key made for one run).
 *
 * @example
 * const accessKey = createRandomP256Key()
 */
export function createRandomP256Key(): TempoP256Key {
  for (;;) {
    const secret = randomBytes(32)
    // Astronomically rare: a secret ≥ the group order or zero is not a valid key; draw again.
    const value = BigInt(hexlify(secret))
    if (value > 0n && value < p256Order) return p256KeyFromSecret(secret)
  }
}
