import { AbiCoder, dataSlice, isHexString } from "ethers"
import type { RevertReason } from "../errors/rpc.js"

const errorSelector = "0x08c379a0" // Error(string)
const panicSelector = "0x4e487b71" // Panic(uint256)

/** Solidity's panic codes (docs: "Panic via assert and Error via require"). */
const panicDescriptions: Record<string, string> = {
  "0": "generic compiler panic",
  "1": "assertion failed",
  "17": "arithmetic overflow or underflow",
  "18": "division or modulo by zero",
  "33": "invalid enum value",
  "34": "invalid storage byte array encoding",
  "49": "pop on an empty array",
  "50": "array index out of bounds",
  "65": "too much memory allocated",
  "81": "call to an uninitialised function pointer",
}

/**
 * Decodes revert data returned by a node: `Error(string)` and `Panic(uint256)` in full,
 * anything else as a custom error identified by its 4-byte selector. Malformed data never
 * throws; it is reported as a custom error with whatever selector is there.
 *
 * @example
 * decodeRevertData("0x4e487b710000000000000000000000000000000000000000000000000000000000000011")
 * // { kind: "panic", code: 17n, description: "arithmetic overflow or underflow" }
 */
export function decodeRevertData(data: string | undefined): RevertReason {
  if (data === undefined || !isHexString(data) || data.length < 10) return { kind: "empty" }
  const selector = data.slice(0, 10).toLowerCase()
  const coder = AbiCoder.defaultAbiCoder()
  try {
    if (selector === errorSelector) {
      const [message] = coder.decode(["string"], dataSlice(data, 4))
      return { kind: "error", message: String(message) }
    }
    if (selector === panicSelector) {
      const [code] = coder.decode(["uint256"], dataSlice(data, 4))
      const value = BigInt(code as bigint)
      return {
        kind: "panic",
        code: value,
        description: panicDescriptions[value.toString()] ?? "unknown panic code",
      }
    }
  } catch {
    // Malformed payload behind a known selector: fall through and report the selector.
  }
  return { kind: "custom", selector, data }
}
