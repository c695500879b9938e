/**
 * EIP-55 checksums with the native keccak sponge: ethers' getAddress hashes in JavaScript and
 * splits the address into character arrays, which made it one of the main job's largest CPU and
 * allocation items (a checksum per random recipient, per wallet, per ABI address argument).
 */
import { getAddress } from "ethers"
import { getNativeKeccakStatus } from "./nativeKeccak.js"

const hexAddress = /^0x[0-9a-fA-F]{40}$/

// Checksummed forms computed or validated lately, in two generations of up to 4,096 each: an
// address checksummed here (a random recipient, a wallet) and validated again when encoded is
// found without a second keccak.
const generationSize = 4096
let recent = new Set<string>()
let previous = new Set<string>()

function remember(checksummed: string): string {
  if (recent.size >= generationSize) {
    previous = recent
    recent = new Set()
  }
  recent.add(checksummed)
  return checksummed
}

function checksumOfLowercase(lower: string): string {
  const keccak = getNativeKeccakStatus()
  if (!keccak.available) return getAddress(lower)
  const characters = Buffer.from(lower, "latin1")
  const hash = keccak.keccak256(characters.subarray(2))
  for (let index = 0; index < 40; index++) {
    const character = characters[index + 2] ?? 0
    const nibble = ((hash[index >> 1] ?? 0) >> (index % 2 === 0 ? 4 : 0)) & 0x0f
    // Letters a–f become uppercase where the hash nibble is ≥ 8 (EIP-55).
    if (character >= 97 && nibble >= 8) characters[index + 2] = character - 32
  }
  return characters.toString("latin1")
}

/**
 * The EIP-55 checksummed form of `address`, byte-identical to ethers' `getAddress`: lowercase or
 * uppercase input is checksummed, mixed case must carry a valid checksum, anything else throws
 * ethers' own error. Uses the native keccak when it loads.
 *
 * @example
 * checksumAddress("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266") // "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
 */
export function checksumAddress(address: string): string {
  if (!hexAddress.test(address)) return getAddress(address)
  if (recent.has(address) || previous.has(address)) return address
  const lower = address.toLowerCase()
  const checksummed = checksumOfLowercase(lower)
  const mixedCase = address !== lower && address.slice(2) !== lower.slice(2).toUpperCase()
  // A wrong checksum: ethers throws the error users know ("bad address checksum").
  if (mixedCase && checksummed !== address) return getAddress(address)
  return remember(checksummed)
}
