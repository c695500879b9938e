import { FastInterface } from "./fastInterface.js"
import { addressWord, selectorOf, uintWord } from "./staticAbi.js"

/**
 * Nonce precompile ABI. `getNonce(account, 0)` reverts `ProtocolNonceNotSupported`: read the
 * protocol nonce with `eth_getTransactionCount` instead.
 *
 * @example
 * const nonces = new Contract(tempoAddresses.noncePrecompile, nonceAbi, provider)
 */
export const nonceAbi = [
  "function getNonce(address account, uint256 nonceKey) view returns (uint64)",
  "error ProtocolNonceNotSupported()",
] as const

/**
 * ethers `Interface` for the nonce precompile.
 *
 * @example
 * const [next] = nonceInterface.decodeFunctionResult("getNonce", returned)
 */
export const nonceInterface = new FastInterface(nonceAbi)

const getNonceSelector = selectorOf(nonceInterface, "getNonce")

/**
 * Calldata for the view `getNonce(account, nonceKey)` (nonceKey ≠ 0).
 *
 * @example
 * const data = encodeGetNonce(address, 7n)
 */
export function encodeGetNonce(account: string, nonceKey: bigint): string {
  return `${getNonceSelector}${addressWord(account)}${uintWord(nonceKey)}`
}
