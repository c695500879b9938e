import { AbiCoder } from "ethers"
import { checksumAddress } from "../../signing/checksumAddress.js"

const firstWord = /^0x([0-9a-fA-F]{64})/
const evenHex = /^0x(?:[0-9a-fA-F]{2})*$/
const unsignedType = /^uint([0-9]+)$/
const zeroHighBytes = /^0{24}/

function decodeFirstWord(type: string, word: string): unknown {
  if (type === "bool") return /[1-9a-fA-F]/.test(word)
  if (type === "bytes32") return `0x${word.toLowerCase()}`
  if (type === "address") {
    // ethers refuses a word above 160 bits: its own error then.
    if (!zeroHighBytes.test(word)) return undefined
    return checksumAddress(`0x${word.slice(24).toLowerCase()}`)
  }
  const unsigned = unsignedType.exec(type === "uint" ? "uint256" : type)
  if (unsigned === null) return undefined
  const bits = BigInt(unsigned[1] ?? "256")
  // ethers masks a wider word to the type's width rather than refusing it.
  return BigInt(`0x${word}`) & ((1n << bits) - 1n)
}

/**
 * The first return value of an `eth_call` as ABI `type`, equal to
 * `AbiCoder.defaultAbiCoder().decode([type], data)[0]`: uintN, bool, bytes32 and address are read
 * from the first word directly (no coder objects, native-keccak checksum); other types and
 * malformed data go to ethers, whose value or error it is.
 *
 * @example
 * decodeValue<bigint>("uint256", "0x…0007") // 7n
 */
export function decodeValue<T>(type: string, data: string): T {
  const word = firstWord.exec(data)?.[1]
  if (word !== undefined && evenHex.test(data)) {
    const value = decodeFirstWord(type, word)
    if (value !== undefined) return value as T
  }
  return AbiCoder.defaultAbiCoder().decode([type], data)[0] as T
}
