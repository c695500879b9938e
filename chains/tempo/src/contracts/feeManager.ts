import { FastInterface } from "./fastInterface.js"
import { addressWord, selectorOf } from "./staticAbi.js"

/**
 * FeeManager (+ FeeAMM) ABI.
 *
 * @example
 * const feeManager = new Contract(tempoAddresses.feeManager, feeManagerAbi, provider)
 */
export const feeManagerAbi = [
  "function userTokens(address) view returns (address)",
  "function validatorTokens(address) view returns (address)",
  "function setUserToken(address token)",
  "function setValidatorToken(address token)",
  "function getPool(address userToken, address validatorToken) view returns (tuple(uint128 reserveUserToken, uint128 reserveValidatorToken))",
  "function mint(address userToken, address validatorToken, uint256 amountValidatorToken, address to) returns (uint256)",
  "function burn(address userToken, address validatorToken, uint256 liquidity, address to) returns (uint256 amountUserToken, uint256 amountValidatorToken)",
  "function rebalanceSwap(address userToken, address validatorToken, uint256 amountOut, address to) returns (uint256 amountIn)",
  "function getPoolId(address userToken, address validatorToken) pure returns (bytes32)",
  "function totalSupply(bytes32 poolId) view returns (uint256)",
  "function liquidityBalances(bytes32 poolId, address user) view returns (uint256)",
  "event Mint(address sender, address indexed to, address indexed userToken, address indexed validatorToken, uint256 amountValidatorToken, uint256 liquidity)",
  "event Burn(address indexed sender, address indexed userToken, address indexed validatorToken, uint256 amountUserToken, uint256 amountValidatorToken, uint256 liquidity, address to)",
  "event RebalanceSwap(address indexed userToken, address indexed validatorToken, address indexed swapper, uint256 amountIn, uint256 amountOut)",
  "error InsufficientLiquidity()",
  "error InvalidAmount()",
] as const

/**
 * ethers `Interface` for the FeeManager.
 *
 * @example
 * const data = feeManagerInterface.encodeFunctionData("userTokens", [address])
 */
export const feeManagerInterface = new FastInterface(feeManagerAbi)

const setUserTokenSelector = selectorOf(feeManagerInterface, "setUserToken")
const userTokensSelector = selectorOf(feeManagerInterface, "userTokens")

/**
 * Calldata for `setUserToken(token)`. Choose a token the account holds and that has FeeAMM
 * liquidity: otherwise the transaction is silently dropped (it pays its own fee in that token).
 *
 * @example
 * const input = encodeSetUserToken(tempoAddresses.betaUsd)
 */
export function encodeSetUserToken(token: string): string {
  return `${setUserTokenSelector}${addressWord(token)}`
}

/**
 * Calldata for the view `userTokens(account)`.
 *
 * @example
 * const data = encodeGetUserToken(address)
 */
export function encodeGetUserToken(account: string): string {
  return `${userTokensSelector}${addressWord(account)}`
}
