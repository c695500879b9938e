import { checksumAddress, encodeRlp } from "@testnet/core/wallet"
import { getBytes, hexlify, type RlpStructuredData, type RlpStructuredDataish } from "ethers"
import { hashBytes, toRlpItems } from "./fastRlp.js"
import { fail } from "./malformed.js"
import { rlpInteger } from "./rlpInteger.js"
import {
  decodeSignatureEnvelope,
  encodeSignatureEnvelope,
  type TempoPrimitiveSignature,
} from "./signatureEnvelope.js"

/**
 * The kind of key an access key is (AccountKeychain `SignatureType`: 0, 1, 2).
 *
 * @example
 * const keyType: TempoKeyType = "p256"
 */
export type TempoKeyType = "secp256k1" | "p256" | "webAuthn"

/**
 * A spending limit on one TIP-20: `limit` base units in total, or per `period` seconds when set.
 *
 * @example
 * const limit: TempoTokenLimit = { token: pathUsdAddress, limit: 5_000_000n }
 */
export type TempoTokenLimit = { readonly token: string; readonly limit: bigint; readonly period?: bigint }

/** One allowed function on a call-scope target; `recipients` (empty = any) restricts its first address argument. */
export type TempoSelectorRule = { readonly selector: string; readonly recipients?: readonly string[] }

/** A contract the access key may call; no `selectorRules` means any function on it. */
export type TempoCallScope = {
  readonly target: string
  readonly selectorRules?: readonly TempoSelectorRule[]
}

/**
 * What a root key grants an access key (tempo `KeyAuthorization`). Absent (`null`/undefined)
 * `limits` = unlimited spending, `[]` = no spending; absent `allowedCalls` = any call,
 * `[]` = no call; absent `expiry` = never expires (unix seconds otherwise).
 *
 * @example
 * const grant: TempoKeyAuthorization = { chainId: 42431, keyType: "secp256k1", keyId: accessKey.address, limits: [{ token, limit: 10_000_000n }] }
 */
export type TempoKeyAuthorization = {
  readonly chainId: number | bigint
  readonly keyType: TempoKeyType
  readonly keyId: string
  readonly expiry?: bigint | null
  readonly limits?: readonly TempoTokenLimit[] | null
  readonly allowedCalls?: readonly TempoCallScope[] | null
}

/**
 * A key authorization signed by the root account's key; it rides in a 0x76 transaction's
 * `keyAuthorization` field and registers the access key before the transaction runs.
 *
 * @example
 * const signed = signTempoKeyAuthorization(grant, rootSigner)
 */
export type TempoSignedKeyAuthorization = TempoKeyAuthorization & {
  readonly signature: TempoPrimitiveSignature
}

const keyTypeBytes: Record<TempoKeyType, string> = { secp256k1: "0x", p256: "0x01", webAuthn: "0x02" }

function encodeTrailing(authorization: TempoKeyAuthorization): RlpStructuredDataish[] {
  const { expiry, limits, allowedCalls } = authorization
  const hasCalls = allowedCalls !== undefined && allowedCalls !== null
  const hasLimits = limits !== undefined && limits !== null
  // The node decodes these trailing optionals canonically; a skipped `limits` before present
  // `allowedCalls` has no unambiguous wire form that also matches ox, so it must be explicit.
  if (hasCalls && !hasLimits)
    throw new RangeError("a key authorization with allowedCalls needs explicit limits ([] = no spending)")
  const trailing: RlpStructuredDataish[] = []
  const hasExpiry = expiry !== undefined && expiry !== null && expiry !== 0n
  if (hasExpiry || hasLimits) trailing.push(hasExpiry ? rlpInteger(expiry) : "0x")
  if (hasLimits)
    trailing.push(
      limits.map((limit) => [
        checksumAddress(limit.token),
        rlpInteger(limit.limit),
        ...(limit.period !== undefined && limit.period > 0n ? [rlpInteger(limit.period)] : []),
      ]),
    )
  if (hasCalls)
    trailing.push(
      allowedCalls.map((scope) => [
        checksumAddress(scope.target),
        (scope.selectorRules ?? []).map((rule) => {
          if (getBytes(rule.selector).length !== 4)
            throw new RangeError(`selector ${rule.selector} is not 4 bytes`)
          return [
            hexlify(rule.selector),
            (rule.recipients ?? []).map((recipient) => checksumAddress(recipient)),
          ]
        }),
      ]),
    )
  return trailing
}

/**
 * The RLP list of an (unsigned) key authorization: `[chainId, keyType, keyId, expiry?, limits?, allowedCalls?]`.
 *
 * @example
 * const item = encodeKeyAuthorizationFields(grant)
 */
export function encodeKeyAuthorizationFields(authorization: TempoKeyAuthorization): RlpStructuredDataish[] {
  return [
    rlpInteger(authorization.chainId),
    keyTypeBytes[authorization.keyType],
    checksumAddress(authorization.keyId),
    ...encodeTrailing(authorization),
  ]
}

/**
 * The digest the root key signs to authorize an access key: `keccak256(rlp(authorization))`.
 *
 * @example
 * const digest = tempoKeyAuthorizationHash(grant)
 */
export function tempoKeyAuthorizationHash(authorization: TempoKeyAuthorization): string {
  return hashBytes(encodeRlp(toRlpItems(encodeKeyAuthorizationFields(authorization))))
}

/**
 * The transaction's `keyAuthorization` item: `[authorization, signatureBytes]`.
 *
 * @example
 * items.push(encodeSignedKeyAuthorization(signed))
 */
export function encodeSignedKeyAuthorization(
  authorization: TempoSignedKeyAuthorization,
): RlpStructuredDataish {
  return [encodeKeyAuthorizationFields(authorization), encodeSignatureEnvelope(authorization.signature)]
}

function bytesOf(item: RlpStructuredData | undefined, what: string): string {
  if (typeof item !== "string") fail(`${what} must be a byte string`)
  return item
}

function listOf(item: RlpStructuredData | undefined, what: string): RlpStructuredData[] {
  if (!Array.isArray(item)) fail(`${what} must be a list`)
  return item
}

function integerOf(item: RlpStructuredData | undefined, what: string, maxBits: number): bigint {
  const hex = bytesOf(item, what)
  if (hex === "0x") return 0n
  if (hex.startsWith("0x00")) fail(`${what} has a leading zero byte (non-canonical integer)`)
  const value = BigInt(hex)
  if (value >> BigInt(maxBits) !== 0n) fail(`${what} does not fit in ${maxBits} bits`)
  return value
}

function addressOf(item: RlpStructuredData | undefined, what: string): string {
  const hex = bytesOf(item, what)
  if (getBytes(hex).length !== 20) fail(`${what} must be 20 bytes`)
  return checksumAddress(hex)
}

const keyTypes: readonly TempoKeyType[] = ["secp256k1", "p256", "webAuthn"]

function decodeLimit(item: RlpStructuredData, index: number): TempoTokenLimit {
  const [token, limit, period, ...rest] = listOf(item, `keyAuthorization.limits[${index}]`)
  if (rest.length > 0) fail(`keyAuthorization.limits[${index}] has more than 3 items`)
  const decoded = { token: addressOf(token, "limit token"), limit: integerOf(limit, "limit amount", 256) }
  const periodValue = period === undefined ? 0n : integerOf(period, "limit period", 64)
  return periodValue === 0n ? decoded : { ...decoded, period: periodValue }
}

function decodeScope(item: RlpStructuredData, index: number): TempoCallScope {
  const [target, rules] = listOf(item, `keyAuthorization.allowedCalls[${index}]`)
  return {
    target: addressOf(target, "call scope target"),
    selectorRules: listOf(rules, "selector rules").map((rule) => {
      const [selector, recipients] = listOf(rule, "selector rule")
      if (getBytes(bytesOf(selector, "selector")).length !== 4) fail("a selector must be 4 bytes")
      return {
        selector: bytesOf(selector, "selector"),
        recipients: listOf(recipients, "recipients").map((recipient) => addressOf(recipient, "recipient")),
      }
    }),
  }
}

/**
 * Reads the `keyAuthorization` item of a transaction (throws `Malformed` on bad input).
 *
 * @example
 * const signed = decodeSignedKeyAuthorization(items[13])
 */
export function decodeSignedKeyAuthorization(item: RlpStructuredData): TempoSignedKeyAuthorization {
  const [fields, signature, ...extra] = listOf(item, "keyAuthorization")
  if (extra.length > 0) fail("keyAuthorization has more than 2 items")
  const [chainId, keyType, keyId, expiry, limits, allowedCalls, ...rest] = listOf(
    fields,
    "keyAuthorization fields",
  )
  if (rest.length > 0)
    fail("keyAuthorization has fields this decoder does not know (witness, admin, account)")
  const keyTypeIndex = Number(integerOf(keyType, "keyAuthorization.keyType", 8))
  const decodedKeyType = keyTypes[keyTypeIndex] ?? fail(`unknown access key type ${keyTypeIndex}`)
  const envelope = decodeSignatureEnvelope(bytesOf(signature, "keyAuthorization.signature"))
  if (envelope.type === "keychain")
    fail("a key authorization must be signed by the root key, not a keychain signature")
  const expiryValue = expiry === undefined ? 0n : integerOf(expiry, "keyAuthorization.expiry", 64)
  const chainIdValue = integerOf(chainId, "keyAuthorization.chainId", 64)
  return {
    chainId: chainIdValue <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(chainIdValue) : chainIdValue,
    keyType: decodedKeyType,
    keyId: addressOf(keyId, "keyAuthorization.keyId"),
    expiry: expiryValue === 0n ? null : expiryValue,
    limits: limits === undefined || limits === "0x" ? null : listOf(limits, "limits").map(decodeLimit),
    allowedCalls:
      allowedCalls === undefined || allowedCalls === "0x"
        ? null
        : listOf(allowedCalls, "allowedCalls").map(decodeScope),
    signature: envelope,
  }
}
