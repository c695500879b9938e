/**
 * A small RLP encoder writing into one preallocated buffer: lengths first, then one pass of copies.
 * Byte-identical to ethers' `encodeRlp` (tested); no hex strings in between.
 */

/**
 * An RLP item: a byte string or a list of items.
 *
 * @example
 * const item: RlpItem = [new Uint8Array([1]), []]
 */
export type RlpItem = Uint8Array | readonly RlpItem[]

const empty = new Uint8Array(0)

function lengthOfLength(length: number): number {
  let bytes = 0
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes += 1
  return bytes
}

function headerLength(payload: number, single: boolean): number {
  if (single) return 0
  return payload <= 55 ? 1 : 1 + lengthOfLength(payload)
}

function payloadLength(item: RlpItem): number {
  if (item instanceof Uint8Array) return item.length
  let total = 0
  for (const child of item) total += encodedLength(child)
  return total
}

function isSingleByte(item: RlpItem): boolean {
  return item instanceof Uint8Array && item.length === 1 && (item[0] as number) < 0x80
}

function encodedLength(item: RlpItem): number {
  const payload = payloadLength(item)
  return payload + headerLength(payload, isSingleByte(item))
}

function writeHeader(target: Uint8Array, offset: number, payload: number, base: number): number {
  if (payload <= 55) {
    target[offset] = base + payload
    return offset + 1
  }
  const size = lengthOfLength(payload)
  target[offset] = base + 55 + size
  for (let index = size, rest = payload; index > 0; index -= 1, rest = Math.floor(rest / 256))
    target[offset + index] = rest % 256
  return offset + 1 + size
}

function writeItem(target: Uint8Array, offset: number, item: RlpItem): number {
  if (item instanceof Uint8Array) {
    if (isSingleByte(item)) {
      target[offset] = item[0] as number
      return offset + 1
    }
    const start = writeHeader(target, offset, item.length, 0x80)
    target.set(item, start)
    return start + item.length
  }
  let cursor = writeHeader(target, offset, payloadLength(item), 0xc0)
  for (const child of item) cursor = writeItem(target, cursor, child)
  return cursor
}

/**
 * RLP-encodes an item, optionally after a one-byte prefix (the EIP-2718 transaction type).
 *
 * @example
 * encodeRlp([new Uint8Array([0x7f]), []])          // Uint8Array [0xc2, 0x7f, 0xc0]
 * encodeRlp([new Uint8Array([1])], 2)              // Uint8Array [0x02, 0xc1, 0x01]
 */
export function encodeRlp(item: RlpItem, typePrefix?: number): Uint8Array {
  const prefix = typePrefix === undefined ? 0 : 1
  const target = Buffer.allocUnsafe(prefix + encodedLength(item))
  if (typePrefix !== undefined) target[0] = typePrefix
  writeItem(target, prefix, item)
  return target
}

/**
 * Minimal big-endian bytes of a non-negative integer (0 → empty), as RLP wants quantities.
 *
 * @example
 * quantityBytes(0n)     // Uint8Array []
 * quantityBytes(1024n)  // Uint8Array [4, 0]
 */
export function quantityBytes(value: bigint): Uint8Array {
  if (value === 0n) return empty
  if (value < 0x1_0000_0000_0000n) {
    // Small values (nonces, gas, most fees) without a string round trip.
    let rest = Number(value)
    let size = 0
    for (let probe = rest; probe > 0; probe = Math.floor(probe / 256)) size += 1
    const bytes = new Uint8Array(size)
    for (let index = size - 1; index >= 0; index -= 1) {
      bytes[index] = rest % 256
      rest = Math.floor(rest / 256)
    }
    return bytes
  }
  const hex = value.toString(16)
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex")
}

/**
 * The bytes without their leading zeros (how RLP encodes r and s of a signature).
 *
 * @example
 * stripLeadingZeros(new Uint8Array([0, 0, 5])) // Uint8Array [5]
 */
export function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let start = 0
  while (start < bytes.length && bytes[start] === 0) start += 1
  return start === 0 ? bytes : bytes.subarray(start)
}
