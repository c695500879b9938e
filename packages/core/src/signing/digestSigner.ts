/**
 * Signing a 32-byte digest with one backend: native libsecp256k1 or ethers' SigningKey (pure JS,
 * @noble/curves). Both produce RFC 6979 deterministic, low-s signatures, so the bytes agree.
 */
import { SigningKey } from "ethers"
import { hexToBytes } from "./hex.js"
import type { RawSignature } from "./leanTransaction.js"
import type { NativeSecp256k1 } from "./nativeBinding.js"

/**
 * Which implementation signs.
 *
 * @example
 * const backend: SigningBackend = "native"
 */
export type SigningBackend = "native" | "ethers"

/**
 * Signs digests with a key it keeps to itself.
 *
 * @example
 * const { r, s, yParity } = signer.sign(digest)
 */
export type DigestSigner = {
  readonly backend: SigningBackend
  sign(digest: Uint8Array): RawSignature
  /** Uncompressed public key (65 bytes, 0x04 prefix), for the address. */
  publicKey(): Uint8Array
}

/**
 * A signer backed by the native binding.
 *
 * @example
 * const signer = createNativeDigestSigner(binding, keyBytes)
 */
export function createNativeDigestSigner(binding: NativeSecp256k1, privateKey: Uint8Array): DigestSigner {
  const key = Uint8Array.from(privateKey)
  return {
    backend: "native",
    sign(digest) {
      const { signature, recid } = binding.ecdsaSign(digest, key)
      return { r: signature.subarray(0, 32), s: signature.subarray(32, 64), yParity: recid === 1 ? 1 : 0 }
    },
    publicKey: () => binding.publicKeyCreate(key, false),
  }
}

/**
 * A signer backed by ethers' SigningKey (the fallback where the binding cannot load).
 *
 * @example
 * const signer = createEthersDigestSigner(keyBytes)
 */
export function createEthersDigestSigner(privateKey: Uint8Array): DigestSigner {
  const signingKey = new SigningKey(Uint8Array.from(privateKey))
  return {
    backend: "ethers",
    sign(digest) {
      const signature = signingKey.sign(digest)
      return {
        r: hexToBytes(signature.r) as Uint8Array,
        s: hexToBytes(signature.s) as Uint8Array,
        yParity: signature.yParity,
      }
    },
    publicKey: () => hexToBytes(signingKey.publicKey) as Uint8Array,
  }
}
