// Hand-rolled ABI encoding of calls whose arguments are all static words (address, uint256,
// bytes32): selector + 32-byte words, built with string padding. ethers' Interface walks its coder
// tree and checksums every address with a keccak on each call; on the main job's hot path (a
// TIP-20 transfer or balanceOf per task, funding reads of every wallet) that was ~15 % of Node CPU.
import { checksumAddress, getNativeKeccakStatus } from "@testnet/core/wallet"
import { getAddress, type Interface, keccak256 } from "ethers"

const hexAddress = /^0x[0-9a-fA-F]{40}$/
const hexWord = /^0x[0-9a-fA-F]{64}$/
const maxUint256 = (1n << 256n) - 1n

/**
 * The lowercase form of `address`, validated as ethers' getAddress does (40 hex digits; a
 * mixed-case address must carry a valid EIP-55 checksum), without its keccak for all-lowercase or
 * all-uppercase input and with recent mixed-case results remembered.
 *
 * @example
 * lowercaseAddress("0x20C0000000000000000000000000000000000001") // "0x20c0000000000000000000000000000000000001"
 */
export function lowercaseAddress(address: string): string {
  if (!hexAddress.test(address)) return getAddress(address).toLowerCase()
  const lower = address.toLowerCase()
  if (lower === address || address.slice(2) === lower.slice(2).toUpperCase()) return lower
  // Throws ethers' error on a wrong checksum, like the ethers encoder did (native keccak; core
  // remembers the checksums it computed lately, so a wallet's or random recipient's is not redone).
  checksumAddress(address)
  return lower
}

/**
 * The 32-byte ABI word of an address (64 hex digits, no 0x).
 *
 * @example
 * addressWord("0x20c0000000000000000000000000000000000000") // "000000000000000000000000" + "20c0…"
 */
export function addressWord(address: string): string {
  return `000000000000000000000000${lowercaseAddress(address).slice(2)}`
}

/**
 * The 32-byte ABI word of a uint of `bits` (default 256; 64 hex digits, no 0x); out of range
 * throws like ethers.
 *
 * @example
 * uintWord(255n) // "00…ff"
 */
export function uintWord(value: bigint, bits = 256): string {
  const max = bits === 256 ? maxUint256 : (1n << BigInt(bits)) - 1n
  if (value < 0n || value > max) throw new RangeError(`value out of uint${bits} range: ${value}`)
  return value.toString(16).padStart(64, "0")
}

/**
 * The 32-byte ABI word of an int of `bits` (two's complement, sign-extended); out of range or not
 * an integer throws like ethers.
 *
 * @example
 * intWord(-1, 16) // "ff…ff"
 */
export function intWord(value: number | bigint, bits: number): string {
  if (typeof value === "number" && !Number.isSafeInteger(value))
    throw new RangeError(`not an integer: ${value}`)
  const big = BigInt(value)
  const limit = 1n << BigInt(bits - 1)
  if (big < -limit || big >= limit) throw new RangeError(`value out of int${bits} range: ${big}`)
  return (big < 0n ? (1n << 256n) + big : big).toString(16).padStart(64, "0")
}

/**
 * The 32-byte ABI word of a bool.
 *
 * @example
 * boolWord(true) // "00…01"
 */
export function boolWord(value: boolean): string {
  return value ? `${"0".repeat(63)}1` : "0".repeat(64)
}

/**
 * The ABI tail of a string: its byte length, then its UTF-8 bytes padded to whole words (no 0x).
 *
 * @example
 * stringTail("USD") // "00…03" + "555344" + "00…"
 */
export function stringTail(value: string): string {
  const hex = Buffer.from(value, "utf8").toString("hex")
  return `${uintWord(BigInt(hex.length / 2))}${hex.padEnd(Math.ceil(hex.length / 64) * 64, "0")}`
}

/**
 * The ABI word of a bytes32 given as 0x + 64 hex digits (no 0x in the result).
 *
 * @example
 * bytes32Word(`0x${"ab".repeat(32)}`) // "abab…"
 */
export function bytes32Word(value: string): string {
  if (!hexWord.test(value)) throw new RangeError(`not a bytes32: ${value}`)
  return value.slice(2).toLowerCase()
}

/**
 * The 4-byte selector of a function of `contract` (0x + 8 hex digits), computed once at load.
 *
 * @example
 * const transferSelector = selectorOf(tip20Interface, "transfer")
 */
export function selectorOf(contract: Interface, name: string): string {
  const fragment = contract.getFunction(name)
  if (fragment === null) throw new Error(`no function ${name} in the ABI`)
  return fragment.selector
}

/**
 * keccak-256 of hex digits (no 0x) as 0x-hex: core's native sponge when it loads, ethers' otherwise.
 *
 * @example
 * keccakOfHex(`${addressWord(sender)}${bytes32Word(salt)}`) // what keccak256(abi.encode(sender, salt)) gives
 */
export function keccakOfHex(digits: string): string {
  const bytes = Buffer.from(digits, "hex")
  if (bytes.length * 2 !== digits.length)
    throw new RangeError(`not whole bytes of hex: ${digits.slice(0, 20)}…`)
  const keccak = getNativeKeccakStatus()
  if (!keccak.available) return keccak256(bytes)
  return `0x${Buffer.from(keccak.keccak256(bytes)).toString("hex")}`
}
