/**
 * keccak-256 on bytes for the fast signer: the native sponge of the npm `keccak` package when it
 * loads (~4 µs for a transfer), ethers' @noble/hashes otherwise (~30 µs), same bytes.
 */
import { keccak256 } from "ethers"
import { hexToBytes } from "./hex.js"
import { getNativeKeccakStatus, type Keccak256 } from "./nativeKeccak.js"

/**
 * Which implementation hashes.
 *
 * @example
 * const backend: KeccakBackend = "native"
 */
export type KeccakBackend = "native" | "js"

/**
 * keccak256 of some bytes in JavaScript (ethers' @noble/hashes; only the 32-byte result is
 * converted, never the input).
 *
 * @example
 * keccakJs(new Uint8Array()) // 0xc5d2…a470 as 32 bytes
 */
export function keccakJs(data: Uint8Array): Uint8Array {
  return hexToBytes(keccak256(data)) as Uint8Array
}

/**
 * The keccak to use: native when `preferNative` and the binding loads, else JavaScript.
 *
 * @example
 * const { backend, keccak256 } = selectKeccak(true) // backend "native" on linux-x64
 */
export function selectKeccak(preferNative: boolean): { backend: KeccakBackend; keccak256: Keccak256 } {
  if (preferNative) {
    const status = getNativeKeccakStatus()
    if (status.available) return { backend: "native", keccak256: status.keccak256 }
  }
  return { backend: "js", keccak256: keccakJs }
}
