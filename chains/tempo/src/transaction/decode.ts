import { Err, Ok, type Result } from "@testnet/core"
import { checksumAddress } from "@testnet/core/wallet"
import { decodeRlp, getBytes, hexlify, type RlpStructuredData, zeroPadValue } from "ethers"
import { TempoTransactionDecodeError, type TempoTransactionDecodeErrorType } from "../errors/transaction.js"
import { feePayerSignatureMagicByte, tempoTransactionType } from "./constants.js"
import { decodeSignedKeyAuthorization } from "./keyAuthorization.js"
import { fail, Malformed } from "./malformed.js"
import { decodeSignatureEnvelope, type TempoSignatureEnvelope } from "./signatureEnvelope.js"
import type {
  DecodedTempoTransaction,
  TempoAccessListEntry,
  TempoCall,
  TempoSignature,
  TempoTransactionFields,
} from "./types.js"

function bytesItem(item: RlpStructuredData | undefined, what: string): string {
  if (typeof item !== "string") fail(`${what} must be a byte string`)
  return item
}

function listItem(item: RlpStructuredData | undefined, what: string): RlpStructuredData[] {
  if (!Array.isArray(item)) fail(`${what} must be a list`)
  return item
}

function integerItem(item: RlpStructuredData | undefined, what: string, maxBits = 256): bigint {
  const hex = bytesItem(item, what)
  if (hex === "0x") return 0n
  if (hex.startsWith("0x00")) fail(`${what} has a leading zero byte (non-canonical integer)`)
  const value = BigInt(hex)
  if (value >> BigInt(maxBits) !== 0n) fail(`${what} does not fit in ${maxBits} bits`)
  return value
}

function optionalIntegerItem(item: RlpStructuredData | undefined, what: string): bigint | null {
  const value = integerItem(item, what, 64)
  return value === 0n ? null : value
}

function addressItem(item: RlpStructuredData | undefined, what: string): string {
  const hex = bytesItem(item, what)
  if (getBytes(hex).length !== 20) fail(`${what} must be 20 bytes`)
  return checksumAddress(hex)
}

function decodeCall(item: RlpStructuredData, index: number): TempoCall {
  const [to, value, input, ...rest] = listItem(item, `calls[${index}]`)
  if (rest.length > 0) fail(`calls[${index}] has more than 3 items`)
  const target = bytesItem(to, `calls[${index}].to`) === "0x" ? null : addressItem(to, `calls[${index}].to`)
  return {
    to: target,
    value: integerItem(value, `calls[${index}].value`),
    input: bytesItem(input, `calls[${index}].input`),
  }
}

function decodeAccessEntry(item: RlpStructuredData, index: number): TempoAccessListEntry {
  const [address, keys] = listItem(item, `accessList[${index}]`)
  return {
    address: addressItem(address, `accessList[${index}].address`),
    storageKeys: listItem(keys, `accessList[${index}].storageKeys`).map((key) => {
      const hex = bytesItem(key, "storage key")
      if (getBytes(hex).length !== 32) fail("storage keys must be 32 bytes")
      return hex
    }),
  }
}

function decodeFeePayerSignature(item: RlpStructuredData | undefined): TempoSignature {
  const [yParity, r, s] = listItem(item, "feePayerSignature")
  const parity = integerItem(yParity, "feePayerSignature.yParity", 8)
  if (parity > 1n) fail("feePayerSignature.yParity must be 0 or 1")
  return {
    yParity: parity === 0n ? 0 : 1,
    r: zeroPadValue(hexlify(bytesItem(r, "feePayerSignature.r")), 32),
    s: zeroPadValue(hexlify(bytesItem(s, "feePayerSignature.s")), 32),
  }
}

function decodeSenderSignature(item: RlpStructuredData): TempoSignatureEnvelope {
  if (Array.isArray(item)) fail("the sender signature must be a byte string")
  return decodeSignatureEnvelope(item)
}

/** Which wire form is read: the 0x76 transaction, or the 0x78 fee-payer form (sender address in the fee-payer slot). */
type WireForm = "transaction" | "feePayer"

function decodeItems(
  items: RlpStructuredData[],
  form: WireForm,
): DecodedTempoTransaction & { readonly sender?: string } {
  if (items.length < 13 || items.length > 15) fail(`expected 13 to 15 RLP items, found ${items.length}`)
  const [
    chainId,
    priority,
    maxFee,
    gasLimit,
    calls,
    accessList,
    nonceKey,
    nonce,
    before,
    after,
    feeToken,
    feePayer,
    aa,
  ] = items
  if (listItem(aa, "aaAuthorizationList").length > 0) fail("a non-empty aaAuthorizationList is not supported")
  const decodedCalls = listItem(calls, "calls").map(decodeCall)
  if (decodedCalls.length === 0) fail("calls is empty")
  if (decodedCalls.some((call, index) => index > 0 && call.to === null)) fail("only calls[0] may be a CREATE")
  const chainIdValue = integerItem(chainId, "chainId", 64)
  const sender = form === "feePayer" ? addressItem(feePayer, "fee-payer form sender") : undefined
  const feePayerBytes = form === "feePayer" ? "0x00" : typeof feePayer === "string" ? feePayer : undefined
  if (feePayerBytes !== undefined && feePayerBytes !== "0x" && feePayerBytes !== "0x00") {
    fail("feePayerSignature must be empty, 0x00 or a [yParity, r, s] list")
  }
  const hasKeyAuthorization = Array.isArray(items[13])
  if (!hasKeyAuthorization && items.length === 15) fail("item 14 must be the key authorization list")
  const fields: TempoTransactionFields = {
    chainId: chainIdValue <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(chainIdValue) : chainIdValue,
    maxPriorityFeePerGas: integerItem(priority, "maxPriorityFeePerGas"),
    maxFeePerGas: integerItem(maxFee, "maxFeePerGas"),
    gasLimit: integerItem(gasLimit, "gasLimit", 64),
    calls: decodedCalls,
    accessList: listItem(accessList, "accessList").map(decodeAccessEntry),
    nonceKey: integerItem(nonceKey, "nonceKey"),
    nonce: integerItem(nonce, "nonce", 64),
    validBefore: optionalIntegerItem(before, "validBefore"),
    validAfter: optionalIntegerItem(after, "validAfter"),
    feeToken: bytesItem(feeToken, "feeToken") === "0x" ? null : addressItem(feeToken, "feeToken"),
    sponsored: feePayerBytes !== "0x",
    feePayerSignature: feePayerBytes === undefined ? decodeFeePayerSignature(feePayer) : null,
    ...(hasKeyAuthorization
      ? { keyAuthorization: decodeSignedKeyAuthorization(items[13] as RlpStructuredData) }
      : {}),
  }
  const senderSignature = items[hasKeyAuthorization ? 14 : 13]
  return {
    fields,
    signature: senderSignature === undefined ? undefined : decodeSenderSignature(senderSignature),
    ...(sender === undefined ? {} : { sender }),
  }
}

function decodeWire(
  serialized: string,
  form: WireForm,
): Result<DecodedTempoTransaction & { readonly sender?: string }, TempoTransactionDecodeErrorType> {
  try {
    const bytes = getBytes(serialized)
    const expected = form === "feePayer" ? feePayerSignatureMagicByte : tempoTransactionType
    if (bytes[0] !== expected) {
      const found = (bytes[0] ?? 0).toString(16).padStart(2, "0")
      fail(`type byte is 0x${found}, expected 0x${expected.toString(16)}`)
    }
    let items: RlpStructuredData
    try {
      items = decodeRlp(bytes.slice(1))
    } catch (cause) {
      fail(`malformed RLP (${cause instanceof Error ? cause.message.split(" (")[0] : String(cause)})`)
    }
    return Ok(decodeItems(listItem(items, "payload"), form))
  } catch (error) {
    const reason = error instanceof Malformed ? error.message : "not hex data"
    const cause = error instanceof Malformed ? undefined : error
    return Err(
      new TempoTransactionDecodeError(
        cause === undefined ? { reason } : { reason, cause },
      ) as TempoTransactionDecodeErrorType,
    )
  }
}

/**
 * Decodes a serialized Tempo transaction (signed or unsigned) back into fields and the sender
 * signature. `serializeTempoTransaction(decoded.fields, decoded.signature)` reproduces the input.
 *
 * @example
 * const decoded = decodeTempoTransaction(raw)
 * if (decoded.isOk()) console.log(decoded.value.fields.calls.length, decoded.value.fields.nonceKey)
 */
export function decodeTempoTransaction(
  serialized: string,
): Result<DecodedTempoTransaction, TempoTransactionDecodeErrorType> {
  return decodeWire(serialized, "transaction").map(({ fields, signature }) => ({ fields, signature }))
}

/**
 * Decodes the 0x78 fee-payer form (what `serializeTempoFeePayerRequest` writes and ox's
 * `serialize(…, { format: "feePayer" })` hands to a fee-payer service): the fields with the real
 * `feeToken`, the sender's address, and the sender signature when there is one.
 *
 * @example
 * const request = decodeTempoFeePayerRequest(raw)
 * if (request.isOk()) console.log(request.value.sender, request.value.fields.feeToken)
 */
export function decodeTempoFeePayerRequest(
  serialized: string,
): Result<DecodedTempoTransaction & { readonly sender: string }, TempoTransactionDecodeErrorType> {
  return decodeWire(serialized, "feePayer").map(({ fields, signature, sender }) => ({
    fields,
    signature,
    sender: sender ?? "",
  }))
}
