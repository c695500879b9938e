import { type BaseError, type Result, readValue, type TaskContext } from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20Mint, tip20Interface } from "../../contracts/tip20.js"
import { tip403RegistryInterface } from "../../contracts/tip403Registry.js"
import type { TempoCall } from "../../transaction/types.js"
import { sendPathUsdCalls } from "../shared/sendPathUsdCalls.js"
import { adminGas } from "./calls.js"

/**
 * The `changeTransferPolicyId(policyId)` call on `token` (the caller must be its admin): from then
 * on every transfer, mint and DEX escrow of the token asks the TIP-403 registry about sender and
 * recipient.
 *
 * @example
 * const call = attachPolicyCall(token, policyId)
 */
export function attachPolicyCall(token: string, policyId: bigint): TempoCall {
  return { to: token, input: tip20Interface.encodeFunctionData("changeTransferPolicyId", [policyId]) }
}

/**
 * The batch that attaches `policyId` to `token` and mints `amount` of it to the wallet (the wallet
 * then holds the token the policy governs).
 *
 * @example
 * const calls = attachPolicyAndMintCalls(context, token, policyId, 1_000n)
 */
export function attachPolicyAndMintCalls(
  context: Pick<TaskContext, "address">,
  token: string,
  policyId: bigint,
  amount: bigint,
): TempoCall[] {
  return [attachPolicyCall(token, policyId), { to: token, input: encodeTip20Mint(context.address, amount) }]
}

/**
 * Sends {@link attachPolicyAndMintCalls} and waits for it.
 *
 * @example
 * const attached = await attachPolicyAndMint(context, token, policyId, 1_000n)
 */
export function attachPolicyAndMint(context: TaskContext, token: string, policyId: bigint, amount: bigint) {
  const calls = attachPolicyAndMintCalls(context, token, policyId, amount)
  return sendPathUsdCalls(context, calls, adminGas(calls.length))
}

/**
 * The token's `transferPolicyId()`.
 *
 * @example
 * const policyId = await readTransferPolicyId(context, token)
 */
export function readTransferPolicyId(
  context: Pick<TaskContext, "call">,
  token: string,
): Promise<Result<bigint, BaseError>> {
  return readValue<bigint>(context, token, tip20Interface.encodeFunctionData("transferPolicyId"), "uint64")
}

/**
 * One of the registry's `isAuthorized*` views for `account` under `policyId`.
 *
 * @example
 * const allowed = await readAuthorized(context, "isAuthorizedRecipient", policyId, friend)
 */
export function readAuthorized(
  context: Pick<TaskContext, "call">,
  view: "isAuthorized" | "isAuthorizedSender" | "isAuthorizedRecipient" | "isAuthorizedMintRecipient",
  policyId: bigint,
  account: string,
): Promise<Result<boolean, BaseError>> {
  return readValue<boolean>(
    context,
    tempoAddresses.tip403Registry,
    tip403RegistryInterface.encodeFunctionData(view, [policyId, account]),
    "bool",
  )
}

/** The 4-byte selector of TIP-20's `PolicyForbids()` error: a transfer the policy refuses. */
export const policyForbidsSelector = tip20Interface.getError("PolicyForbids")?.selector ?? ""
