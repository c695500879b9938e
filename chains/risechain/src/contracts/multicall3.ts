import { Interface } from "ethers"

/**
 * The part of the Multicall3 ABI the catalog uses (`aggregate3`: each call may be allowed to fail).
 *
 * @example
 * const data = multicall3Interface.encodeFunctionData("aggregate3", [[{ target, allowFailure: false, callData }]])
 */
export const multicall3Interface = new Interface([
  "function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)",
])
