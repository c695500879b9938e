import { id } from "ethers"
import { FastInterface } from "./fastInterface.js"
import { addressWord, bytes32Word, selectorOf, uintWord } from "./staticAbi.js"

/**
 * TIP-20 token ABI (any `0x20C0…` token), as verified on anvil 1.7.1. Note `hasRole(account, role)`:
 * the argument order is the reverse of OpenZeppelin's.
 *
 * @example
 * const token = new Contract(tempoAddresses.pathUsd, tip20Abi, provider)
 */
export const tip20Abi = [
  "function name() view returns (string)",
  "function symbol() view returns (string)",
  "function decimals() view returns (uint8)",
  "function totalSupply() view returns (uint256)",
  "function currency() view returns (string)",
  "function quoteToken() view returns (address)",
  "function balanceOf(address) view returns (uint256)",
  "function allowance(address owner, address spender) view returns (uint256)",
  "function transfer(address to, uint256 amount) returns (bool)",
  "function approve(address spender, uint256 amount) returns (bool)",
  "function transferFrom(address from, address to, uint256 amount) returns (bool)",
  "function transferWithMemo(address to, uint256 amount, bytes32 memo)",
  "function transferFromWithMemo(address from, address to, uint256 amount, bytes32 memo) returns (bool)",
  "function mint(address to, uint256 amount)",
  "function mintWithMemo(address to, uint256 amount, bytes32 memo)",
  "function burn(uint256 amount)",
  "function burnWithMemo(uint256 amount, bytes32 memo)",
  "function burnBlocked(address from, uint256 amount)",
  "function ISSUER_ROLE() view returns (bytes32)",
  "function PAUSE_ROLE() view returns (bytes32)",
  "function UNPAUSE_ROLE() view returns (bytes32)",
  "function BURN_BLOCKED_ROLE() view returns (bytes32)",
  "function hasRole(address account, bytes32 role) view returns (bool)",
  "function grantRole(bytes32 role, address account)",
  "function paused() view returns (bool)",
  "function pause()",
  "function unpause()",
  "function supplyCap() view returns (uint256)",
  "function setSupplyCap(uint256 newSupplyCap)",
  "function transferPolicyId() view returns (uint64)",
  "function changeTransferPolicyId(uint64 newPolicyId)",
  "function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)",
  "function nonces(address owner) view returns (uint256)",
  "function DOMAIN_SEPARATOR() view returns (bytes32)",
  "event Transfer(address indexed from, address indexed to, uint256 amount)",
  "event Approval(address indexed owner, address indexed spender, uint256 amount)",
  "event Burn(address indexed from, uint256 amount)",
  "event BurnBlocked(address indexed from, uint256 amount)",
  "event TransferWithMemo(address indexed from, address indexed to, uint256 amount, bytes32 indexed memo)",
  "event TransferPolicyUpdate(address indexed updater, uint64 indexed newPolicyId)",
  "event SupplyCapUpdate(address indexed updater, uint256 indexed newSupplyCap)",
  "event PauseStateUpdate(address indexed updater, bool isPaused)",
  "error Unauthorized()",
  "error InsufficientAllowance()",
  "error InsufficientBalance(uint256 available, uint256 required, address token)",
  "error SupplyCapExceeded()",
  "error InvalidSupplyCap()",
  "error PolicyForbids()",
  "error ContractPaused()",
  "error PermitExpired()",
  "error InvalidSignature()",
] as const

/**
 * ethers `Interface` for TIP-20 tokens.
 *
 * @example
 * const data = tip20Interface.encodeFunctionData("balanceOf", [address])
 */
export const tip20Interface = new FastInterface(tip20Abi)

/** Selectors of the hot-path encoders below (static arguments only: encoded by hand, see staticAbi.ts). */
const selectors = {
  transfer: selectorOf(tip20Interface, "transfer"),
  transferWithMemo: selectorOf(tip20Interface, "transferWithMemo"),
  approve: selectorOf(tip20Interface, "approve"),
  mint: selectorOf(tip20Interface, "mint"),
  burn: selectorOf(tip20Interface, "burn"),
  grantRole: selectorOf(tip20Interface, "grantRole"),
  balanceOf: selectorOf(tip20Interface, "balanceOf"),
  hasRole: selectorOf(tip20Interface, "hasRole"),
  mintWithMemo: selectorOf(tip20Interface, "mintWithMemo"),
  burnWithMemo: selectorOf(tip20Interface, "burnWithMemo"),
  transferFromWithMemo: selectorOf(tip20Interface, "transferFromWithMemo"),
  permit: selectorOf(tip20Interface, "permit"),
}

/**
 * Role id of TIP-20 issuers (`keccak256("ISSUER_ROLE")`); required for `mint`.
 *
 * @example
 * const data = encodeTip20GrantRole(tip20IssuerRole, minter)
 */
export const tip20IssuerRole = "0x114e74f6ea3bd819998f78687bfcb11b140da08e9b7d222fa9c1f1ba1f2aa122"

/**
 * Role ids of TIP-20 administration (`keccak256` of the role name, as the token's `PAUSE_ROLE()` …
 * views return): pausing, unpausing, and burning the balance of an account the token's TIP-403
 * policy blocks. The token admin (DEFAULT_ADMIN) grants them.
 *
 * @example
 * const input = encodeTip20GrantRole(tip20Roles.pause, self)
 */
export const tip20Roles = Object.freeze({
  issuer: tip20IssuerRole,
  pause: id("PAUSE_ROLE"),
  unpause: id("UNPAUSE_ROLE"),
  burnBlocked: id("BURN_BLOCKED_ROLE"),
})

/**
 * The largest supply cap a TIP-20 accepts (`uint128` max): the cap of a new token.
 *
 * @example
 * const input = tip20Interface.encodeFunctionData("setSupplyCap", [tip20MaximumSupplyCap])
 */
export const tip20MaximumSupplyCap = 2n ** 128n - 1n

/**
 * Calldata for `transfer(to, amount)`.
 *
 * @example
 * const call = { to: tempoAddresses.pathUsd, input: encodeTip20Transfer(recipient, 1_000_000n) }
 */
export function encodeTip20Transfer(to: string, amount: bigint): string {
  return `${selectors.transfer}${addressWord(to)}${uintWord(amount)}`
}

/**
 * Calldata for `transferWithMemo(to, amount, memo)`; `memo` is 32 bytes (e.g. `encodeBytes32String("invoice-7")`).
 *
 * @example
 * const input = encodeTransferWithMemo(recipient, 5_000_000n, encodeBytes32String("order 42"))
 */
export function encodeTransferWithMemo(to: string, amount: bigint, memo: string): string {
  return `${selectors.transferWithMemo}${addressWord(to)}${uintWord(amount)}${bytes32Word(memo)}`
}

/**
 * Calldata for `mintWithMemo(to, amount, memo)` (the caller needs the issuer role).
 *
 * @example
 * const input = encodeTip20MintWithMemo(recipient, 5_000_000n, encodeBytes32String("deposit 9"))
 */
export function encodeTip20MintWithMemo(to: string, amount: bigint, memo: string): string {
  return `${selectors.mintWithMemo}${addressWord(to)}${uintWord(amount)}${bytes32Word(memo)}`
}

/**
 * Calldata for `burnWithMemo(amount, memo)` (the caller needs the issuer role).
 *
 * @example
 * const input = encodeTip20BurnWithMemo(1_000n, encodeBytes32String("redemption 3"))
 */
export function encodeTip20BurnWithMemo(amount: bigint, memo: string): string {
  return `${selectors.burnWithMemo}${uintWord(amount)}${bytes32Word(memo)}`
}

/**
 * Calldata for `transferFromWithMemo(from, to, amount, memo)` (spends the caller's allowance).
 *
 * @example
 * const input = encodeTip20TransferFromWithMemo(payer, merchant, 5_000_000n, encodeBytes32String("invoice 7"))
 */
export function encodeTip20TransferFromWithMemo(
  from: string,
  to: string,
  amount: bigint,
  memo: string,
): string {
  return `${selectors.transferFromWithMemo}${addressWord(from)}${addressWord(to)}${uintWord(amount)}${bytes32Word(memo)}`
}

/**
 * Calldata for `approve(spender, amount)`.
 *
 * @example
 * const input = encodeTip20Approve(tempoAddresses.stablecoinDex, 2n ** 128n - 1n)
 */
export function encodeTip20Approve(spender: string, amount: bigint): string {
  return `${selectors.approve}${addressWord(spender)}${uintWord(amount)}`
}

/**
 * Calldata for `mint(to, amount)` (the caller needs the issuer role).
 *
 * @example
 * const input = encodeTip20Mint(self, 1_000_000_000n)
 */
export function encodeTip20Mint(to: string, amount: bigint): string {
  return `${selectors.mint}${addressWord(to)}${uintWord(amount)}`
}

/**
 * Calldata for `burn(amount)`.
 *
 * @example
 * const input = encodeTip20Burn(1_000_000n)
 */
export function encodeTip20Burn(amount: bigint): string {
  return `${selectors.burn}${uintWord(amount)}`
}

/**
 * Calldata for `grantRole(role, account)`.
 *
 * @example
 * const input = encodeTip20GrantRole(tip20IssuerRole, self)
 */
export function encodeTip20GrantRole(role: string, account: string): string {
  return `${selectors.grantRole}${bytes32Word(role)}${addressWord(account)}`
}

/**
 * Calldata for the view `balanceOf(account)`.
 *
 * @example
 * const result = await rpc.request("eth_call", [{ to: token, data: encodeTip20BalanceOf(address) }, "latest"])
 */
export function encodeTip20BalanceOf(account: string): string {
  return `${selectors.balanceOf}${addressWord(account)}`
}

/**
 * Calldata of `hasRole(account, role)`.
 *
 * @example
 * const data = encodeTip20HasRole(wallet, tip20IssuerRole)
 */
export function encodeTip20HasRole(account: string, role: string): string {
  return `${selectors.hasRole}${addressWord(account)}${bytes32Word(role)}`
}

/**
 * Calldata of the EIP-2612 `permit(owner, spender, value, deadline, v, r, s)`.
 *
 * @example
 * const input = encodeTip20Permit({ owner, spender, value: 5n, deadline, v: 27, r, s })
 */
export function encodeTip20Permit(permit: {
  readonly owner: string
  readonly spender: string
  readonly value: bigint
  readonly deadline: bigint
  readonly v: number
  readonly r: string
  readonly s: string
}): string {
  const { owner, spender, value, deadline, v, r, s } = permit
  return `${selectors.permit}${addressWord(owner)}${addressWord(spender)}${uintWord(value)}${uintWord(deadline)}${intWordOfUint8(v)}${bytes32Word(r)}${bytes32Word(s)}`
}

function intWordOfUint8(v: number): string {
  if (!Number.isSafeInteger(v)) throw new RangeError(`not an integer: ${v}`)
  return uintWord(BigInt(v), 8)
}
