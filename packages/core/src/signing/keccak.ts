import { keccak256 } from "ethers"
import { hexToBytes } from "./hex.js"

/**
 * keccak256 of some bytes, as bytes (ethers' @noble/hashes keccak; only the 32-byte result is
 * converted, never the input).
 *
 * @example
 * keccakBytes(new Uint8Array()) // 0xc5d2…a470 as 32 bytes
 */
export function keccakBytes(data: Uint8Array): Uint8Array {
  return hexToBytes(keccak256(data)) as Uint8Array
}
