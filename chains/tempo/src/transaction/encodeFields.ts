import type { RlpStructuredDataish } from "ethers"
import { hexlify } from "ethers"
import { lowercaseAddress } from "../contracts/staticAbi.js"
import { encodeSignedKeyAuthorization } from "./keyAuthorization.js"
import { rlpInteger } from "./rlpInteger.js"
import type { TempoCall, TempoSignature, TempoTransactionFields } from "./types.js"
import { validateTempoFields } from "./validateFields.js"

/**
 * What sits in the fee-payer slot of the RLP list, depending on which digest or payload is built.
 *
 * @example
 * const slot: FeePayerSlot = { kind: "sender", address: senderAddress } // the fee payer's digest
 */
export type FeePayerSlot =
  | { readonly kind: "none" }
  | { readonly kind: "placeholder" }
  | { readonly kind: "sender"; readonly address: string }
  | { readonly kind: "signature"; readonly signature: TempoSignature }

const empty = new Uint8Array(0)

function optionalInteger(value: bigint | null | undefined): Uint8Array {
  return value === undefined || value === null ? empty : rlpInteger(value)
}

function addressBytes(address: string): string {
  // Validated like getAddress (checksum of mixed case), without a keccak per call and address.
  return lowercaseAddress(address)
}

const evenHex = /^0x(?:[0-9a-fA-F]{2})*$/

/** Calldata as lowercase hex; well-formed hex strings skip hexlify's round trip through bytes. */
function calldataHex(input: TempoCall["input"]): string {
  if (input === undefined) return "0x"
  return typeof input === "string" && evenHex.test(input) ? input.toLowerCase() : hexlify(input)
}

function encodeCall(call: TempoCall): RlpStructuredDataish {
  return [
    call.to === null ? empty : addressBytes(call.to),
    rlpInteger(call.value ?? 0n),
    calldataHex(call.input),
  ]
}

function encodeFeePayerSlot(slot: FeePayerSlot): RlpStructuredDataish {
  switch (slot.kind) {
    case "none":
      return empty
    case "placeholder":
      return "0x00"
    case "sender":
      return addressBytes(slot.address)
    case "signature":
      return [
        rlpInteger(slot.signature.yParity),
        rlpInteger(BigInt(slot.signature.r)),
        rlpInteger(BigInt(slot.signature.s)),
      ]
  }
}

/**
 * True when someone other than the sender pays the fee.
 *
 * @example
 * isSponsored({ ...fields, sponsored: true }) // true
 */
export function isSponsored(fields: TempoTransactionFields): boolean {
  return (
    fields.sponsored === true || (fields.feePayerSignature !== undefined && fields.feePayerSignature !== null)
  )
}

/**
 * Checks the invariants the protocol enforces on `calls`; violating them is a caller bug (throws).
 *
 * @example
 * assertValidCalls([{ to: null, input: initCode }]) // ok: CREATE as calls[0]
 */
export function assertValidCalls(calls: readonly TempoCall[]): void {
  if (calls.length === 0) throw new RangeError("a Tempo transaction needs at least one call")
  calls.forEach((call, index) => {
    if (call.to === null && index !== 0)
      throw new RangeError(`only calls[0] may be a CREATE (calls[${index}].to is null)`)
  })
}

/**
 * The 13 or 14 RLP items of a Tempo transaction, in protocol order (facts file §5):
 * chainId, maxPriorityFeePerGas, maxFeePerGas, gasLimit, calls, accessList, nonceKey, nonce,
 * validBefore, validAfter, feeToken, feePayer slot, aaAuthorizationList (always empty here),
 * and the signed key authorization when there is one.
 * Fields the node would refuse to decode (see `validateTempoFields`) are a caller bug: the typed
 * error (`TempoEmptyValidityWindowError`, `TempoFeeOutOfRangeError`) is thrown.
 *
 * @example
 * const payload = encodeRlp(encodeTempoFields(fields, { kind: "none" }, { omitFeeToken: false }))
 */
export function encodeTempoFields(
  fields: TempoTransactionFields,
  feePayerSlot: FeePayerSlot,
  options: { readonly omitFeeToken: boolean },
): RlpStructuredDataish[] {
  assertValidCalls(fields.calls)
  const valid = validateTempoFields(fields)
  if (valid.isErr()) throw valid.error
  const feeToken =
    options.omitFeeToken || fields.feeToken === undefined || fields.feeToken === null ? null : fields.feeToken
  return [
    rlpInteger(fields.chainId),
    rlpInteger(fields.maxPriorityFeePerGas),
    rlpInteger(fields.maxFeePerGas),
    rlpInteger(fields.gasLimit),
    fields.calls.map(encodeCall),
    (fields.accessList ?? []).map((entry) => [
      addressBytes(entry.address),
      entry.storageKeys.map((key) => hexlify(key)),
    ]),
    rlpInteger(fields.nonceKey ?? 0n),
    rlpInteger(fields.nonce),
    optionalInteger(fields.validBefore),
    optionalInteger(fields.validAfter),
    feeToken === null ? empty : addressBytes(feeToken),
    encodeFeePayerSlot(feePayerSlot),
    [],
    ...(fields.keyAuthorization === undefined || fields.keyAuthorization === null
      ? []
      : [encodeSignedKeyAuthorization(fields.keyAuthorization)]),
  ]
}
