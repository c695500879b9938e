// An ethers Interface whose encodeFunctionData builds the common argument shapes as hex strings
// (selector + words, dynamic strings/bytes/arrays of words as tails) instead of walking ethers'
// coder tree, which builds coder objects, byte arrays and an EIP-55 checksum per address on every
// call: that was ~7.5 % of the main job's Node CPU and ~18 % of its allocation in the tasks not yet
// on hand encoders. Anything else — overloaded or unknown names, tuples, fixed-size arrays,
// values of other JavaScript types, values ethers refuses — goes to ethers itself, so results
// and errors are ethers' own (property-tested over every function of the Tempo ABIs).
import {
  type EventFragment,
  type FunctionFragment,
  Interface,
  type InterfaceAbi,
  type ParamType,
} from "ethers"
import { addressWord, boolWord, intWord, uintWord } from "./staticAbi.js"

/** Encodes one argument: its head word (static) or tail (dynamic); throws when it cannot. */
type ArgumentEncoder = { readonly dynamic: boolean; readonly encode: (value: unknown) => string }

const fixedBytesType = /^bytes([0-9]+)$/
const hexText = /^0x(?:[0-9a-fA-F]{2})*$/
const hexKey = /^0x[0-9a-fA-F]*$/
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function bytesHex(value: unknown): string {
  if (typeof value !== "string" || !hexText.test(value)) throw new TypeError("not a hex string")
  return value.slice(2).toLowerCase()
}

function padRight(hex: string): string {
  return hex.padEnd(Math.ceil(hex.length / 64) * 64, "0")
}

function lengthWord(count: number): string {
  return uintWord(BigInt(count))
}

function wordEncoder(type: string): ((value: unknown) => string) | undefined {
  if (type === "address")
    return (value) => {
      if (typeof value !== "string") throw new TypeError("not a string")
      return addressWord(value)
    }
  if (type === "bool")
    return (value) => {
      if (typeof value !== "boolean") throw new TypeError("not a boolean")
      return boolWord(value)
    }
  const unsigned = /^uint([0-9]*)$/.exec(type)
  if (unsigned !== null) {
    const bits = unsigned[1] === "" ? 256 : Number(unsigned[1])
    return (value) => {
      if (typeof value === "bigint") return uintWord(value, bits)
      if (typeof value === "number" && Number.isSafeInteger(value)) return uintWord(BigInt(value), bits)
      throw new TypeError("not an integer")
    }
  }
  const signed = /^int([0-9]*)$/.exec(type)
  if (signed !== null) {
    const bits = signed[1] === "" ? 256 : Number(signed[1])
    return (value) => {
      if (typeof value !== "bigint" && typeof value !== "number") throw new TypeError("not an integer")
      return intWord(value, bits)
    }
  }
  const fixed = fixedBytesType.exec(type)
  if (fixed !== null) {
    const size = Number(fixed[1])
    return (value) => {
      const hex = bytesHex(value)
      if (hex.length !== size * 2) throw new RangeError("incorrect data length")
      return hex.padEnd(64, "0")
    }
  }
  return undefined
}

function argumentEncoder(parameter: ParamType): ArgumentEncoder | undefined {
  if (parameter.baseType === "tuple") return undefined
  if (parameter.type === "string")
    return {
      dynamic: true,
      encode: (value) => {
        if (typeof value !== "string") throw new TypeError("not a string")
        // ethers encodes with toUtf8Bytes, which refuses lone surrogates: leave those to it.
        if (loneSurrogate.test(value)) throw new TypeError("not well-formed UTF-16")
        const hex = Buffer.from(value, "utf8").toString("hex")
        return `${lengthWord(hex.length / 2)}${padRight(hex)}`
      },
    }
  if (parameter.type === "bytes")
    return {
      dynamic: true,
      encode: (value) => {
        const hex = bytesHex(value)
        return `${lengthWord(hex.length / 2)}${padRight(hex)}`
      },
    }
  if (parameter.baseType === "array") {
    const child = parameter.arrayChildren
    // Only dynamic arrays (T[]) of one-word elements; fixed-size arrays and nesting go to ethers.
    if (parameter.arrayLength !== -1 || child === null) return undefined
    const element = wordEncoder(child.type)
    if (element === undefined) return undefined
    return {
      dynamic: true,
      encode: (value) => {
        if (!Array.isArray(value)) throw new TypeError("not an array")
        return `${lengthWord(value.length)}${value.map(element).join("")}`
      },
    }
  }
  const word = wordEncoder(parameter.type)
  return word === undefined ? undefined : { dynamic: false, encode: word }
}

/** The fast encoder of a function's arguments, or undefined when a parameter type is not covered. */
function callEncoder(fragment: FunctionFragment): ((values: readonly unknown[]) => string) | undefined {
  const encoders: ArgumentEncoder[] = []
  for (const input of fragment.inputs) {
    const encoder = argumentEncoder(input)
    if (encoder === undefined) return undefined
    encoders.push(encoder)
  }
  const selector = fragment.selector
  const headBytes = encoders.length * 32
  return (values) => {
    if (values.length !== encoders.length) throw new RangeError("wrong argument count")
    let head = selector
    let tail = ""
    encoders.forEach((encoder, index) => {
      const encoded = encoder.encode(values[index])
      if (!encoder.dynamic) {
        head += encoded
        return
      }
      head += uintWord(BigInt(headBytes + tail.length / 2))
      tail += encoded
    })
    return `${head}${tail}`
  }
}

/**
 * An ethers `Interface` with a faster `encodeFunctionData(name, values)` for functions whose
 * parameters are words (address, bool, uintN, intN, bytesN), strings, bytes or dynamic arrays of
 * words, called by name with bigint/number/boolean/string values; byte-identical to ethers, and
 * everything else (errors included) is ethers' own.
 *
 * @example
 * const tip20 = new FastInterface(["function transfer(address to, uint256 amount)"])
 * tip20.encodeFunctionData("transfer", [recipient, 1_000_000n]) // same string as ethers' Interface
 */
export class FastInterface extends Interface {
  readonly #encoders = new Map<string, ((values: readonly unknown[]) => string) | null>()

  constructor(abi: InterfaceAbi) {
    super(abi)
  }

  override encodeFunctionData(fragment: FunctionFragment | string, values?: readonly unknown[]): string {
    if (typeof fragment !== "string") return super.encodeFunctionData(fragment, values)
    let encoder = this.#encoders.get(fragment)
    if (encoder === undefined) {
      encoder = this.#encoderOf(fragment)
      this.#encoders.set(fragment, encoder)
    }
    if (encoder === null) return super.encodeFunctionData(fragment, values)
    try {
      return encoder(values ?? [])
    } catch {
      // A value outside the fast path (or one ethers refuses): ethers' result or error.
      return super.encodeFunctionData(fragment, values)
    }
  }

  /**
   * ethers looks an event up by topic hash by hashing every event's signature (JavaScript keccak)
   * until one matches, on every `parseLog`; here the topics are hashed once per interface.
   */
  override getEvent(key: string, values?: readonly unknown[]): EventFragment | null {
    if (values !== undefined || !hexKey.test(key)) return super.getEvent(key, values as unknown[] | undefined)
    if (this.#eventsByTopic === undefined) {
      const byTopic = new Map<string, EventFragment>()
      // One event per signature, so one per topic.
      this.forEachEvent((fragment) => {
        byTopic.set(fragment.topicHash, fragment)
      })
      this.#eventsByTopic = byTopic
    }
    return this.#eventsByTopic.get(key.toLowerCase()) ?? null
  }

  #eventsByTopic: Map<string, EventFragment> | undefined

  #encoderOf(key: string): ((values: readonly unknown[]) => string) | null {
    let fragment: FunctionFragment | null
    try {
      fragment = this.getFunction(key)
    } catch {
      return null // ambiguous overload: ethers reports it
    }
    return fragment === null ? null : (callEncoder(fragment) ?? null)
  }
}
