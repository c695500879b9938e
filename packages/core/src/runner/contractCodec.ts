/**
 * ABI encoding for tasks without ethers `Contract` (which would pull a provider onto the hot path):
 * one cached `Interface` per ABI, encode/decode only.
 */
import { type Result as AbiResult, Interface, type InterfaceAbi } from "ethers"

const interfaces = new WeakMap<object, Interface>()
const byText = new Map<string, Interface>()

/**
 * The cached ethers Interface of an ABI (array identity first, then its JSON text).
 *
 * @example
 * const counter = getContractInterface(["function increment()"])
 */
export function getContractInterface(abi: InterfaceAbi | Interface): Interface {
  if (abi instanceof Interface) return abi
  if (typeof abi === "object") {
    const cached = interfaces.get(abi)
    if (cached !== undefined) return cached
  }
  const text = typeof abi === "string" ? abi : JSON.stringify(abi)
  let created = byText.get(text)
  if (created === undefined) {
    created = new Interface(abi)
    byText.set(text, created)
  }
  if (typeof abi === "object") interfaces.set(abi, created)
  return created
}

/**
 * Encode/decode helpers handed to tasks as `context.contract`.
 *
 * @example
 * const data = contractCodec.encode(["function set(uint256)"], "set", [7n])
 * const [value] = contractCodec.decode(["function get() view returns (uint256)"], "get", returned)
 */
export const contractCodec = {
  encode(abi: InterfaceAbi | Interface, functionName: string, args: readonly unknown[] = []): string {
    return getContractInterface(abi).encodeFunctionData(functionName, args)
  },
  decode(abi: InterfaceAbi | Interface, functionName: string, data: string): AbiResult {
    return getContractInterface(abi).decodeFunctionResult(functionName, data)
  },
  encodeDeploy(abi: InterfaceAbi | Interface, bytecode: string, args: readonly unknown[] = []): string {
    return `${bytecode}${getContractInterface(abi).encodeDeploy(args).slice(2)}`
  },
}
