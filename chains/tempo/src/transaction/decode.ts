import { Err, Ok, type Result } from "@testnet/core"
import { decodeRlp, getAddress, getBytes, hexlify, type RlpStructuredData, zeroPadValue } from "ethers"
import { TempoTransactionDecodeError, type TempoTransactionDecodeErrorType } from "../errors/transaction.js"
import { tempoTransactionType } from "./constants.js"
import type {
  DecodedTempoTransaction,
  TempoAccessListEntry,
  TempoCall,
  TempoSignature,
  TempoTransactionFields,
} from "./types.js"

// Internal control flow: decoding helpers throw this, the public function turns it into an Err.
class Malformed extends Error {}

function fail(reason: string): never {
  throw new Malformed(reason)
}

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
  return getAddress(hex)
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

function decodeSenderSignature(item: RlpStructuredData): TempoSignature {
  if (Array.isArray(item)) fail("key authorization is not supported")
  const bytes = getBytes(item)
  if (bytes.length !== 65)
    fail(`unsupported sender signature of ${bytes.length} bytes (only 65-byte secp256k1)`)
  const v = bytes[64]
  if (v !== 27 && v !== 28) fail(`sender signature v must be 27 or 28, got ${v}`)
  return { r: hexlify(bytes.slice(0, 32)), s: hexlify(bytes.slice(32, 64)), yParity: v === 27 ? 0 : 1 }
}

function decodeItems(items: RlpStructuredData[]): DecodedTempoTransaction {
  if (items.length !== 13 && items.length !== 14) fail(`expected 13 or 14 RLP items, found ${items.length}`)
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
  const feePayerBytes = typeof feePayer === "string" ? feePayer : undefined
  if (feePayerBytes !== undefined && feePayerBytes !== "0x" && feePayerBytes !== "0x00") {
    fail("feePayerSignature must be empty, 0x00 or a [yParity, r, s] list")
  }
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
  }
  const senderSignature = items[13]
  return {
    fields,
    signature: senderSignature === undefined ? undefined : decodeSenderSignature(senderSignature),
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
  try {
    const bytes = getBytes(serialized)
    if (bytes[0] !== tempoTransactionType) {
      fail(`type byte is 0x${(bytes[0] ?? 0).toString(16).padStart(2, "0")}, expected 0x76`)
    }
    let items: RlpStructuredData
    try {
      items = decodeRlp(bytes.slice(1))
    } catch (cause) {
      fail(`malformed RLP (${cause instanceof Error ? cause.message.split(" (")[0] : String(cause)})`)
    }
    return Ok(decodeItems(listItem(items, "payload")))
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
