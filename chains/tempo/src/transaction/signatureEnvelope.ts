import { checksumAddress } from "@testnet/core/wallet"
import { getBytes, hexlify, toUtf8Bytes, toUtf8String, zeroPadValue } from "ethers"
import { hashBytes } from "./fastRlp.js"
import { fail } from "./malformed.js"
import type { TempoSignature } from "./types.js"

/**
 * An uncompressed P256 public key as its two 32-byte coordinates (hex).
 *
 * @example
 * const publicKey: TempoP256PublicKey = { x: "0x…32 bytes", y: "0x…32 bytes" }
 */
export type TempoP256PublicKey = { readonly x: string; readonly y: string }

/** A secp256k1 signature (the 65-byte `r ‖ s ‖ v` form on the wire, no type byte). */
export type TempoSecp256k1Signature = TempoSignature & { readonly type: "secp256k1" }

/**
 * A raw P256 signature (type byte 0x01). `prehash: true` means the key signed `sha256(digest)`
 * (what WebCrypto and node:crypto do); `false` means it signed the digest itself.
 */
export type TempoP256Signature = {
  readonly type: "p256"
  readonly r: string
  readonly s: string
  readonly publicKey: TempoP256PublicKey
  readonly prehash: boolean
}

/**
 * A WebAuthn (passkey) assertion (type byte 0x02): the key signed
 * `sha256(authenticatorData ‖ sha256(clientDataJSON))`, and clientDataJSON's `challenge` is the
 * base64url of the digest being authorized.
 */
export type TempoWebAuthnSignature = {
  readonly type: "webAuthn"
  readonly r: string
  readonly s: string
  readonly publicKey: TempoP256PublicKey
  readonly authenticatorData: string
  readonly clientDataJSON: string
}

/**
 * The signature kinds a key can produce directly (everything but a keychain wrapper).
 *
 * @example
 * const inner: TempoPrimitiveSignature = { type: "secp256k1", r, s, yParity: 0 }
 */
export type TempoPrimitiveSignature = TempoSecp256k1Signature | TempoP256Signature | TempoWebAuthnSignature

/**
 * A transaction signed by an access key on behalf of `userAddress` (AccountKeychain). Version
 * `v2` (type byte 0x04, required from hardfork T1C) has the access key sign
 * `keccak256(0x04 ‖ senderHash ‖ userAddress)`; `v1` (0x03, before T1C) signs the sender hash.
 */
export type TempoKeychainSignature = {
  readonly type: "keychain"
  readonly version: "v1" | "v2"
  readonly userAddress: string
  readonly inner: TempoPrimitiveSignature
}

/**
 * Any sender signature a Tempo transaction can carry.
 *
 * @example
 * const envelope: TempoSignatureEnvelope = { type: "keychain", version: "v2", userAddress, inner }
 */
export type TempoSignatureEnvelope = TempoPrimitiveSignature | TempoKeychainSignature

const p256TypeByte = "01"
const webAuthnTypeByte = "02"
const keychainV1TypeByte = "03"
const keychainV2TypeByte = "04"

/**
 * Tags a plain `{ r, s, yParity }` (the original API) as a secp256k1 envelope; envelopes pass through.
 *
 * @example
 * toSignatureEnvelope(wallet.signDigest(digest)).type // "secp256k1"
 */
export function toSignatureEnvelope(
  signature: TempoSignature | TempoSignatureEnvelope,
): TempoSignatureEnvelope {
  if ("type" in signature) return signature
  return { type: "secp256k1", r: signature.r, s: signature.s, yParity: signature.yParity }
}

/**
 * The address a P256 key signs as: the last 20 bytes of `keccak256(x ‖ y)`.
 *
 * @example
 * const keyId = p256Address(publicKey)
 */
export function p256Address(publicKey: TempoP256PublicKey): string {
  const hash = hashBytes(Buffer.from(`${wordHex(publicKey.x)}${wordHex(publicKey.y)}`, "hex"))
  return checksumAddress(`0x${hash.slice(-40)}`)
}

const hexWord = /^0x[0-9a-fA-F]{64}$/

/** A signature word as 64 lowercase hex digits (no 0x): shorter values are left-padded. */
function wordHex(value: string): string {
  // The common case (0x + 64 hex digits) skips ethers' bytes round trip.
  if (hexWord.test(value)) return value.slice(2).toLowerCase()
  const bytes = getBytes(value)
  if (bytes.length > 32) throw new RangeError(`a signature word is 32 bytes, got ${bytes.length}`)
  return zeroPadValue(bytes, 32).slice(2)
}

/**
 * The bytes of a sender (or key-authorization) signature as the node reads them: 65 bytes for
 * secp256k1, else a type byte (0x01 P256, 0x02 WebAuthn, 0x03/0x04 keychain v1/v2) and the parts.
 *
 * @example
 * const bytes = encodeSignatureEnvelope({ type: "p256", r, s, publicKey, prehash: true }) // 0x01…
 */
export function encodeSignatureEnvelope(signature: TempoSignatureEnvelope): string {
  // Built as one hex string (lowercase, like ethers' concat): no byte arrays per part.
  switch (signature.type) {
    case "secp256k1": {
      if (signature.yParity !== 0 && signature.yParity !== 1) throw new RangeError("yParity must be 0 or 1")
      return `0x${wordHex(signature.r)}${wordHex(signature.s)}${signature.yParity === 0 ? "1b" : "1c"}`
    }
    case "p256":
      return `0x${p256TypeByte}${wordHex(signature.r)}${wordHex(signature.s)}${wordHex(signature.publicKey.x)}${wordHex(signature.publicKey.y)}${signature.prehash ? "01" : "00"}`
    case "webAuthn":
      return `0x${webAuthnTypeByte}${hexlify(signature.authenticatorData).slice(2)}${hexlify(toUtf8Bytes(signature.clientDataJSON)).slice(2)}${wordHex(signature.r)}${wordHex(signature.s)}${wordHex(signature.publicKey.x)}${wordHex(signature.publicKey.y)}`
    case "keychain":
      if (
        signature.inner.type !== "secp256k1" &&
        signature.inner.type !== "p256" &&
        signature.inner.type !== "webAuthn"
      )
        throw new RangeError("a keychain signature wraps a secp256k1, P256 or WebAuthn signature")
      return `0x${signature.version === "v1" ? keychainV1TypeByte : keychainV2TypeByte}${checksumAddress(signature.userAddress).slice(2).toLowerCase()}${encodeSignatureEnvelope(signature.inner).slice(2)}`
  }
}

function decodeSecp256k1(bytes: Uint8Array): TempoSecp256k1Signature {
  const v = bytes[64]
  if (v !== 27 && v !== 28) fail(`secp256k1 signature v must be 27 or 28, got ${v}`)
  return {
    type: "secp256k1",
    r: hexlify(bytes.slice(0, 32)),
    s: hexlify(bytes.slice(32, 64)),
    yParity: v === 27 ? 0 : 1,
  }
}

/** Where authenticatorData ends: the first offset ≥ 37 after which the rest is a JSON object. */
function splitWebAuthnData(data: Uint8Array): { authenticatorData: string; clientDataJSON: string } {
  for (let split = 37; split < data.length; split++) {
    if (data[split] !== 0x7b) continue // "{"
    try {
      const json = toUtf8String(data.slice(split))
      JSON.parse(json)
      return { authenticatorData: hexlify(data.slice(0, split)), clientDataJSON: json }
    } catch {}
  }
  fail("WebAuthn data has no clientDataJSON after 37+ bytes of authenticatorData")
}

function decodeP256Parts(data: Uint8Array): { r: string; s: string; publicKey: TempoP256PublicKey } {
  return {
    r: hexlify(data.slice(0, 32)),
    s: hexlify(data.slice(32, 64)),
    publicKey: { x: hexlify(data.slice(64, 96)), y: hexlify(data.slice(96, 128)) },
  }
}

function decodeEnvelope(bytes: Uint8Array, nested: boolean): TempoSignatureEnvelope {
  if (bytes.length === 65) return decodeSecp256k1(bytes)
  const type = bytes[0]
  const data = bytes.slice(1)
  if (type === 0x01) {
    if (data.length !== 129) fail(`P256 signature must be 129 bytes after its type byte, got ${data.length}`)
    return { type: "p256", ...decodeP256Parts(data), prehash: data[128] !== 0 }
  }
  if (type === 0x02) {
    if (data.length < 128) fail(`WebAuthn signature must be at least 128 bytes, got ${data.length}`)
    const split = data.length - 128
    return {
      type: "webAuthn",
      ...decodeP256Parts(data.slice(split)),
      ...splitWebAuthnData(data.slice(0, split)),
    }
  }
  if ((type === 0x03 || type === 0x04) && !nested) {
    if (data.length < 21) fail("keychain signature is shorter than its user address")
    const inner = decodeEnvelope(data.slice(20), true)
    if (inner.type === "keychain") fail("a keychain signature cannot wrap another keychain signature")
    return {
      type: "keychain",
      version: type === 0x03 ? "v1" : "v2",
      userAddress: checksumAddress(hexlify(data.slice(0, 20))),
      inner,
    }
  }
  fail(`unknown signature type byte 0x${(type ?? 0).toString(16).padStart(2, "0")} (${bytes.length} bytes)`)
}

/**
 * Reads the signature bytes {@link encodeSignatureEnvelope} writes. Throws on malformed input
 * (the transaction decoder turns that into a `TempoTransactionDecodeError`).
 *
 * @example
 * decodeSignatureEnvelope(encodeSignatureEnvelope(envelope)) // deep-equals envelope
 */
export function decodeSignatureEnvelope(signature: string | Uint8Array): TempoSignatureEnvelope {
  return decodeEnvelope(getBytes(signature), false)
}
