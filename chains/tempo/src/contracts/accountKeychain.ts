import { FastInterface } from "./fastInterface.js"

/**
 * The AccountKeychain precompile: access keys (a root account's secondary keys with spending
 * limits, call scopes and an expiry). Keys are usually authorized through a transaction's
 * `keyAuthorization` field; the root key can also call it directly (e.g. `revokeKey`).
 *
 * @example
 * await context.send({ to: accountKeychainAddress, data: encodeRevokeKey(keyId), gasLimit: 600_000n })
 */
export const accountKeychainAddress = "0xAAAAAAAA00000000000000000000000000000000"

/**
 * AccountKeychain ABI as anvil 1.7.1 has it (tempo `crates/contracts/src/precompiles/account_keychain.rs`
 * at the revision anvil is built from). `SignatureType`: 0 secp256k1, 1 P256, 2 WebAuthn.
 *
 * @example
 * const keychain = new Contract(accountKeychainAddress, accountKeychainAbi, provider)
 */
export const accountKeychainAbi = [
  "function revokeKey(address keyId)",
  "function updateSpendingLimit(address keyId, address token, uint256 newLimit)",
  "function getKey(address account, address keyId) view returns (tuple(uint8 signatureType, address keyId, uint64 expiry, bool enforceLimits, bool isRevoked))",
  "function getRemainingLimitWithPeriod(address account, address keyId, address token) view returns (uint256 remaining, uint64 periodEnd)",
  "function getAllowedCalls(address account, address keyId) view returns (bool isScoped, tuple(address target, tuple(bytes4 selector, address[] recipients)[] selectorRules)[] scopes)",
  "event KeyAuthorized(address indexed account, address indexed publicKey, uint8 signatureType, uint64 expiry)",
  "event KeyRevoked(address indexed account, address indexed publicKey)",
  "event AccessKeySpend(address indexed account, address indexed publicKey, address indexed token, uint256 amount, uint256 remainingLimit)",
  "error UnauthorizedCaller()",
  "error KeyAlreadyExists()",
  "error KeyNotFound()",
  "error KeyExpired()",
  "error SpendingLimitExceeded()",
  "error KeyAlreadyRevoked()",
  "error CallNotAllowed()",
] as const

/**
 * ethers `Interface` for the AccountKeychain precompile (encode calls, parse its events).
 *
 * @example
 * const event = accountKeychainInterface.parseLog(log)
 */
export const accountKeychainInterface = new FastInterface(accountKeychainAbi)

/**
 * An access key as `getKey` reports it (an unknown key reads as all zeros).
 *
 * @example
 * if (key.isRevoked) console.log("revoked")
 */
export type AccessKeyInfo = {
  readonly signatureType: number
  readonly keyId: string
  readonly expiry: bigint
  readonly enforceLimits: boolean
  readonly isRevoked: boolean
}

/**
 * Calldata for `revokeKey(keyId)` (sent by the root account).
 *
 * @example
 * const data = encodeRevokeKey(accessKey.address)
 */
export function encodeRevokeKey(keyId: string): string {
  return accountKeychainInterface.encodeFunctionData("revokeKey", [keyId])
}

/**
 * Calldata for the view `getKey(account, keyId)`; decode with {@link decodeAccessKeyInfo}.
 *
 * @example
 * const info = decodeAccessKeyInfo(await call(encodeGetKey(root, keyId)))
 */
export function encodeGetKey(account: string, keyId: string): string {
  return accountKeychainInterface.encodeFunctionData("getKey", [account, keyId])
}

/**
 * Decodes what `getKey` returned.
 *
 * @example
 * decodeAccessKeyInfo(returned).expiry
 */
export function decodeAccessKeyInfo(returned: string): AccessKeyInfo {
  const [info] = accountKeychainInterface.decodeFunctionResult("getKey", returned)
  return {
    signatureType: Number(info.signatureType),
    keyId: info.keyId as string,
    expiry: info.expiry as bigint,
    enforceLimits: info.enforceLimits as boolean,
    isRevoked: info.isRevoked as boolean,
  }
}

/**
 * Calldata for the view `getRemainingLimitWithPeriod(account, keyId, token)`: the remaining
 * limit (first uint256 word) and the period's end. (From T3 the older `getRemainingLimit`
 * reverts with an unknown-selector error on anvil.)
 *
 * @example
 * const data = encodeGetRemainingLimit(root, keyId, tempoAddresses.pathUsd)
 */
export function encodeGetRemainingLimit(account: string, keyId: string, token: string): string {
  return accountKeychainInterface.encodeFunctionData("getRemainingLimitWithPeriod", [account, keyId, token])
}

/**
 * Calldata for the view `getAllowedCalls(account, keyId)`; decode with {@link decodeAllowedCalls}.
 *
 * @example
 * const data = encodeGetAllowedCalls(root, keyId)
 */
export function encodeGetAllowedCalls(account: string, keyId: string): string {
  return accountKeychainInterface.encodeFunctionData("getAllowedCalls", [account, keyId])
}

/**
 * Decodes what `getAllowedCalls` returned: whether the key is scoped, and the scoped targets.
 *
 * @example
 * const { isScoped, targets } = decodeAllowedCalls(returned)
 */
export function decodeAllowedCalls(returned: string): {
  readonly isScoped: boolean
  readonly targets: string[]
} {
  const [isScoped, scopes] = accountKeychainInterface.decodeFunctionResult("getAllowedCalls", returned)
  return { isScoped: Boolean(isScoped), targets: [...scopes].map((scope) => String(scope.target)) }
}
