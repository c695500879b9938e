// Tempo transactions through core's one-buffer RLP encoder and native keccak: ethers' encodeRlp
// builds number arrays and hex strings item by item, and its keccak is JavaScript.
import { getNativeKeccakStatus, type RlpItem } from "@testnet/core/wallet"
import { getBytes, keccak256, type RlpStructuredDataish } from "ethers"

/** keccak-256 of bytes as 0x-hex: the native sponge when it loads (cached by core), ethers' otherwise. */
export function hashBytes(bytes: Uint8Array): string {
  const nativeKeccak = getNativeKeccakStatus()
  if (!nativeKeccak.available) return keccak256(bytes)
  const digest = nativeKeccak.keccak256(bytes)
  return `0x${Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).toString("hex")}`
}

/** The encoder's items (0x-hex strings, bytes, lists) as byte items for core's RLP encoder. */
export function toRlpItems(items: readonly RlpStructuredDataish[]): RlpItem[] {
  return items.map(toRlpItem)
}

function toRlpItem(item: RlpStructuredDataish): RlpItem {
  if (typeof item === "string") return item.length === 2 ? new Uint8Array(0) : getBytesFast(item)
  if (item instanceof Uint8Array) return item
  return (item as readonly RlpStructuredDataish[]).map(toRlpItem)
}

const evenHex = /^0x(?:[0-9a-fA-F]{2})*$/
function getBytesFast(hex: string): Uint8Array {
  return evenHex.test(hex) ? Buffer.from(hex.slice(2), "hex") : getBytes(hex)
}

/**
 * Bytes as 0x-hex.
 *
 * @example
 * bytesHex(new Uint8Array([0x76])) // "0x76"
 */
export function bytesHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`
}
