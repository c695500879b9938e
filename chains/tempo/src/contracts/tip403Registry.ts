import { FastInterface } from "./fastInterface.js"

/**
 * TIP-403 policy registry ABI (`policyType`: 0 whitelist, 1 blacklist, 2 compound).
 *
 * @example
 * const registry = new Contract(tempoAddresses.tip403Registry, tip403RegistryAbi, provider)
 */
export const tip403RegistryAbi = [
  "function createPolicy(address admin, uint8 policyType) returns (uint64)",
  "function policyIdCounter() view returns (uint64)",
  "function modifyPolicyWhitelist(uint64 policyId, address account, bool allowed)",
  "function isAuthorized(uint64 policyId, address user) view returns (bool)",
  "function isAuthorizedSender(uint64 policyId, address user) view returns (bool)",
  "function isAuthorizedRecipient(uint64 policyId, address user) view returns (bool)",
  "function isAuthorizedMintRecipient(uint64 policyId, address user) view returns (bool)",
  "function policyExists(uint64 policyId) view returns (bool)",
  "function policyData(uint64 policyId) view returns (uint8 policyType, address admin)",
  "function compoundPolicyData(uint64 policyId) view returns (uint64 senderPolicyId, uint64 recipientPolicyId, uint64 mintRecipientPolicyId)",
  "function createPolicyWithAccounts(address admin, uint8 policyType, address[] accounts) returns (uint64)",
  "function modifyPolicyBlacklist(uint64 policyId, address account, bool restricted)",
  "function createCompoundPolicy(uint64 senderPolicyId, uint64 recipientPolicyId, uint64 mintRecipientPolicyId) returns (uint64)",
  "event PolicyCreated(uint64 indexed policyId, address indexed updater, uint8 policyType)",
  "event CompoundPolicyCreated(uint64 indexed policyId, address indexed creator, uint64 senderPolicyId, uint64 recipientPolicyId, uint64 mintRecipientPolicyId)",
  "error Unauthorized()",
  "error PolicyNotFound()",
  "error PolicyNotSimple()",
  "error IncompatiblePolicyType()",
] as const

/**
 * ethers `Interface` for the TIP-403 registry.
 *
 * @example
 * const data = tip403RegistryInterface.encodeFunctionData("isAuthorized", [policyId, user])
 */
export const tip403RegistryInterface = new FastInterface(tip403RegistryAbi)

/**
 * The built-in policies every TIP-20 can point at: 0 rejects everyone, 1 (a new token's policy)
 * allows everyone (tempo `crates/precompiles/src/tip403_registry`).
 *
 * @example
 * const input = tip20Interface.encodeFunctionData("changeTransferPolicyId", [tip403BuiltinPolicy.allowAll])
 */
export const tip403BuiltinPolicy = Object.freeze({ rejectAll: 0n, allowAll: 1n })

/**
 * TIP-403 policy kinds.
 *
 * @example
 * const input = encodeCreatePolicy(admin, tip403PolicyType.whitelist)
 */
export const tip403PolicyType = { whitelist: 0, blacklist: 1, compound: 2 } as const

/**
 * Calldata for `createPolicy(admin, policyType)`.
 *
 * @example
 * const input = encodeCreatePolicy(self, tip403PolicyType.blacklist)
 */
export function encodeCreatePolicy(admin: string, policyType: number): string {
  return tip403RegistryInterface.encodeFunctionData("createPolicy", [admin, policyType])
}

/**
 * Calldata for `modifyPolicyWhitelist(policyId, account, allowed)`.
 *
 * @example
 * const input = encodeModifyPolicyWhitelist(policyId, friend, true)
 */
export function encodeModifyPolicyWhitelist(policyId: bigint, account: string, allowed: boolean): string {
  return tip403RegistryInterface.encodeFunctionData("modifyPolicyWhitelist", [policyId, account, allowed])
}
