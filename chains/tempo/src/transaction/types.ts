import type { TempoSignedKeyAuthorization } from "./keyAuthorization.js"
import type { TempoSignatureEnvelope } from "./signatureEnvelope.js"

/**
 * One call inside a Tempo transaction. `to: null` is a CREATE (allowed only as `calls[0]`);
 * `input` is the calldata (or init code for a CREATE).
 *
 * @example
 * const call: TempoCall = { to: pathUsdAddress, value: 0n, input: encodeTip20Transfer(recipient, 1_000_000n) }
 */
export type TempoCall = {
  readonly to: string | null
  readonly value?: bigint
  readonly input?: string
}

/**
 * An EIP-2930 access list entry.
 *
 * @example
 * const entry: TempoAccessListEntry = { address: pathUsdAddress, storageKeys: [] }
 */
export type TempoAccessListEntry = {
  readonly address: string
  readonly storageKeys: readonly string[]
}

/**
 * A secp256k1 signature as the parts Tempo encodes (`yParity` 0 or 1).
 * An `ethers.Signature` satisfies this shape.
 *
 * @example
 * const parts: TempoSignature = { r: signature.r, s: signature.s, yParity: signature.yParity }
 */
export type TempoSignature = {
  readonly r: string
  readonly s: string
  readonly yParity: 0 | 1
}

/**
 * Signs a 32-byte digest (hex) with a secp256k1 key, without hashing it again — e.g. a wallet's
 * `signDigest`, or `(digest) => new SigningKey(key).sign(digest)` in ethers.
 *
 * @example
 * const signDigest: SignDigest = (digest) => wallet.signDigest(digest)
 */
export type SignDigest = (digest: string) => {
  readonly r: string
  readonly s: string
  readonly yParity: number
}

/**
 * The fields of a Tempo transaction (EIP-2718 type 0x76).
 *
 * - `nonceKey` selects a 2D nonce lane (0 = the protocol nonce, `2^256-1` = expiring nonce).
 * - `validBefore` / `validAfter` are unix seconds; `null`/absent (or 0) means unbounded.
 * - `feeToken` is the TIP-20 that pays the fee; absent = the account's preference.
 * - Sponsorship: `sponsored: true` (or a `feePayerSignature`) means someone else pays. The
 *   sender then does not commit to `feeToken`; the fee payer does.
 * - `keyAuthorization`: a root-key-signed grant registering an access key before the calls run.
 *
 * @example
 * const fields: TempoTransactionFields = {
 *   chainId: 42431, nonce: 0n, gasLimit: 500_000n, maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 1n,
 *   calls: [{ to: pathUsdAddress, input: encodeTip20Transfer(recipient, 1n) }],
 * }
 */
export type TempoTransactionFields = {
  readonly chainId: number | bigint
  readonly maxPriorityFeePerGas: bigint
  readonly maxFeePerGas: bigint
  readonly gasLimit: bigint
  readonly calls: readonly TempoCall[]
  readonly accessList?: readonly TempoAccessListEntry[]
  readonly nonceKey?: bigint
  readonly nonce: bigint
  readonly validBefore?: bigint | null
  readonly validAfter?: bigint | null
  readonly feeToken?: string | null
  readonly sponsored?: boolean
  readonly feePayerSignature?: TempoSignature | null
  /** An access key the root key authorizes in this transaction (see `signTempoKeyAuthorization`). */
  readonly keyAuthorization?: TempoSignedKeyAuthorization | null
}

/**
 * The result of decoding a serialized Tempo transaction.
 *
 * @example
 * const decoded = decodeTempoTransaction(raw)
 * if (decoded.isOk() && decoded.value.signature) console.log(decoded.value.fields.nonce)
 */
export type DecodedTempoTransaction = {
  readonly fields: TempoTransactionFields
  /** The sender signature: secp256k1, P256, WebAuthn or keychain (an access key for a root account). */
  readonly signature: TempoSignatureEnvelope | undefined
}
