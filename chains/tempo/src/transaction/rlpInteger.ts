import { quantityBytes } from "@testnet/core/wallet"

const empty = new Uint8Array(0)

/**
 * Minimal big-endian bytes (zero is the empty string), as RLP integers require.
 *
 * @example
 * rlpInteger(0n) // Uint8Array []
 */
export function rlpInteger(value: bigint | number): Uint8Array {
  if (typeof value === "number" && !Number.isSafeInteger(value))
    throw new RangeError(`not an integer: ${value}`)
  const big = BigInt(value)
  if (big < 0n) throw new RangeError(`negative integer: ${big}`)
  // core's encoder: small values without ethers' hex string round trip.
  return big === 0n ? empty : quantityBytes(big)
}
