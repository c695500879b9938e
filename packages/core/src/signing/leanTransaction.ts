/**
 * The lean encoder's view of a transaction: the two fixed shapes that make up load traffic
 * (EIP-1559 type 2 with an empty access list, and legacy type 0), already as RLP-ready bytes.
 * Anything else — strings for amounts, access lists, blobs, authorisations, odd values — is
 * declined (undefined) and signed by ethers, which also reports the invalid inputs.
 */
import { getAddress, type TransactionLike } from "ethers"
import { hexToBytes } from "./hex.js"
import { encodeRlp, quantityBytes, type RlpItem, stripLeadingZeros } from "./rlp.js"

/**
 * A supported transaction, fields as minimal big-endian bytes.
 *
 * @example
 * const lean = toLeanTransaction({ type: 2, chainId: 1, nonce: 0, to, gasLimit: 21_000n, maxFeePerGas: 2n, maxPriorityFeePerGas: 1n })
 */
export type LeanTransaction = {
  readonly type: 0 | 2
  readonly chainId: bigint
  /** Type 2: chainId, nonce, priority fee, max fee, gas, to, value, data. Type 0: nonce, gasPrice, gas, to, value, data. */
  readonly fields: readonly Uint8Array[]
}

/**
 * A signature as RLP wants it.
 *
 * @example
 * const signature: RawSignature = { r, s, yParity: 1 }
 */
export type RawSignature = { readonly r: Uint8Array; readonly s: Uint8Array; readonly yParity: 0 | 1 }

const maxQuantity = 2n ** 256n
const maxNonce = BigInt(Number.MAX_SAFE_INTEGER)
const emptyList: readonly RlpItem[] = []
const empty = new Uint8Array(0)
const supportedKeys = new Set([
  "type",
  "chainId",
  "nonce",
  "gasLimit",
  "to",
  "data",
  "value",
  "maxFeePerGas",
  "maxPriorityFeePerGas",
  "gasPrice",
  "accessList",
  "from",
])
// Mixed-case addresses are checksum-validated once (a keccak each), then remembered.
const checkedAddresses = new Map<string, Uint8Array>()
const checkedAddressesLimit = 4096

function toQuantity(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value >= 0n && value < maxQuantity ? value : undefined
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined
  if (value === undefined || value === null) return 0n
  return undefined
}

function addressBytes(to: unknown): Uint8Array | undefined {
  if (to === undefined || to === null) return empty
  if (typeof to !== "string" || to.length !== 42) return undefined
  const cached = checkedAddresses.get(to)
  if (cached !== undefined) return cached
  const bytes = hexToBytes(to)
  if (bytes === undefined) return undefined
  const body = to.slice(2)
  if (body !== body.toLowerCase() && body !== body.toUpperCase()) {
    try {
      getAddress(to)
    } catch {
      return undefined
    }
  }
  if (checkedAddresses.size >= checkedAddressesLimit) checkedAddresses.clear()
  checkedAddresses.set(to, bytes)
  return bytes
}

function dataBytes(data: unknown): Uint8Array | undefined {
  // "0x" (plain transfers) without a trip through Buffer.
  if (data === undefined || data === null || data === "0x") return empty
  if (typeof data === "string") return hexToBytes(data)
  return data instanceof Uint8Array ? data : undefined
}

/**
 * The transaction as a {@link LeanTransaction}, or undefined when it is not one of the two fixed
 * shapes (then sign it with ethers).
 *
 * @example
 * const lean = toLeanTransaction(request) ?? undefined // undefined → Transaction.from(request)
 */
export function toLeanTransaction(transaction: TransactionLike<string>): LeanTransaction | undefined {
  for (const key in transaction) {
    if (!supportedKeys.has(key) && (transaction as Record<string, unknown>)[key] != null) return undefined
  }
  const { type } = transaction
  if (type !== 0 && type !== 2) return undefined
  const { accessList } = transaction
  if (accessList != null && (type === 0 || !Array.isArray(accessList) || accessList.length > 0))
    return undefined
  const nonce = toQuantity(transaction.nonce)
  const chainId = toQuantity(transaction.chainId)
  const gasLimit = toQuantity(transaction.gasLimit)
  const value = toQuantity(transaction.value)
  const to = addressBytes(transaction.to)
  const data = dataBytes(transaction.data)
  if (
    nonce === undefined ||
    nonce > maxNonce ||
    chainId === undefined ||
    gasLimit === undefined ||
    value === undefined ||
    to === undefined ||
    data === undefined
  )
    return undefined
  if (type === 0) {
    if (transaction.maxFeePerGas != null || transaction.maxPriorityFeePerGas != null) return undefined
    const gasPrice = toQuantity(transaction.gasPrice)
    if (gasPrice === undefined) return undefined
    return {
      type,
      chainId,
      fields: [
        quantityBytes(nonce),
        quantityBytes(gasPrice),
        quantityBytes(gasLimit),
        to,
        quantityBytes(value),
        data,
      ],
    }
  }
  if (transaction.gasPrice != null) return undefined
  const maxFee = toQuantity(transaction.maxFeePerGas)
  const priorityFee = toQuantity(transaction.maxPriorityFeePerGas)
  if (maxFee === undefined || priorityFee === undefined) return undefined
  // ethers refuses this only when both are given; declining keeps its exact behaviour.
  if (transaction.maxFeePerGas != null && transaction.maxPriorityFeePerGas != null && maxFee < priorityFee)
    return undefined
  return {
    type,
    chainId,
    fields: [
      quantityBytes(chainId),
      quantityBytes(nonce),
      quantityBytes(priorityFee),
      quantityBytes(maxFee),
      quantityBytes(gasLimit),
      to,
      quantityBytes(value),
      data,
    ],
  }
}

/**
 * The bytes whose keccak256 is signed (EIP-155 for legacy with a chain id; pre-155 without one).
 *
 * @example
 * const digest = keccak256(encodeUnsigned(lean))
 */
export function encodeUnsigned(lean: LeanTransaction): Uint8Array {
  if (lean.type === 2) return encodeRlp([...lean.fields, emptyList], 2)
  if (lean.chainId === 0n) return encodeRlp(lean.fields)
  return encodeRlp([...lean.fields, quantityBytes(lean.chainId), empty, empty])
}

/**
 * The signed transaction, ready for eth_sendRawTransaction.
 *
 * @example
 * const raw = encodeSigned(lean, { r, s, yParity })
 */
export function encodeSigned(lean: LeanTransaction, signature: RawSignature): Uint8Array {
  const r = stripLeadingZeros(signature.r)
  const s = stripLeadingZeros(signature.s)
  if (lean.type === 2)
    return encodeRlp([...lean.fields, emptyList, quantityBytes(BigInt(signature.yParity)), r, s], 2)
  const v =
    lean.chainId === 0n
      ? 27n + BigInt(signature.yParity)
      : lean.chainId * 2n + 35n + BigInt(signature.yParity)
  return encodeRlp([...lean.fields, quantityBytes(v), r, s])
}
