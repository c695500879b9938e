/**
 * Hex ⇄ bytes through Node's Buffer (native code): no per-character JavaScript on the hot path.
 */

/**
 * `0x`-prefixed lowercase hex of some bytes.
 *
 * @example
 * bytesToHex(new Uint8Array([1, 255])) // "0x01ff"
 */
export function bytesToHex(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`
}

/**
 * Bytes of a `0x`-prefixed hex string, or undefined when it is not valid even-length hex (the
 * caller then takes the strict ethers path, which reports the problem).
 *
 * @example
 * hexToBytes("0x01ff") // Uint8Array [1, 255]
 * hexToBytes("0x1")    // undefined (odd length; "0X…" is refused too, as ethers does)
 */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || hex.charCodeAt(0) !== 48 || hex.charCodeAt(1) !== 120) return undefined
  const bytes = Buffer.from(hex.slice(2), "hex")
  // Buffer stops at the first invalid pair: a short result means the text was not all hex.
  return bytes.length * 2 === hex.length - 2 ? bytes : undefined
}
