import {
  type BaseError,
  Ok,
  type Result,
  type TaskContext,
  type TransactionReceipt,
  taskFailure,
} from "@testnet/core"
import { tempoAddresses } from "../../contracts/addresses.js"
import { tip403RegistryInterface } from "../../contracts/tip403Registry.js"
import type { TempoCall } from "../../transaction/types.js"
import type { PendingTransaction } from "../shared/pendingSend.js"
import { sendPathUsdCallsPending } from "../shared/sendPathUsdCalls.js"

const registry = tempoAddresses.tip403Registry

/**
 * Gas limits of the policy and administration batches, measured on `anvil --network tempo
 * --hardfork T4` with headroom (TIP-1000: each fresh storage slot costs 250k).
 *
 * @example
 * await sendPathUsdCalls(context, calls, policyGas.createPolicy)
 */
export const policyGas = Object.freeze({
  /** createPolicyWithAccounts with up to two accounts (~1.3M). */
  createPolicy: 2_000_000n,
  /** One administrative call on a token (role, policy, cap, pause, mint, burn, permit). */
  adminCall: 900_000n,
})

/**
 * The gas limit of a batch of `count` administrative calls.
 *
 * @example
 * const gasLimit = adminGas(calls.length)
 */
export function adminGas(count: number): bigint {
  return policyGas.adminCall * BigInt(Math.max(1, count))
}

const policyCreatedTopics = new Set([
  tip403RegistryInterface.getEvent("PolicyCreated")?.topicHash,
  tip403RegistryInterface.getEvent("CompoundPolicyCreated")?.topicHash,
])

/**
 * The ids of the policies created in `receipt`, in log order (from PolicyCreated and
 * CompoundPolicyCreated; `policyIdCounter` is unreliable while other wallets create policies).
 *
 * @example
 * const [whitelistId, blacklistId] = createdPolicyIds(done.value.receipt)
 */
export function createdPolicyIds(receipt: TransactionReceipt): bigint[] {
  return receipt.logs
    .filter(
      (log) => log.address.toLowerCase() === registry.toLowerCase() && policyCreatedTopics.has(log.topics[0]),
    )
    .map((log) => BigInt(log.topics[1] ?? "0x0"))
}

/**
 * A TIP-403 policy kind as `createPolicyWithAccounts` takes it.
 *
 * @example
 * const kind: SimplePolicyKind = "blacklist"
 */
export type SimplePolicyKind = "whitelist" | "blacklist"

/**
 * `createPolicyWithAccounts(wallet, kind, accounts)` call: a whitelist that allows exactly
 * `accounts`, or a blacklist that blocks exactly them, administered by the wallet.
 *
 * @example
 * const call = createPolicyCall(context.address, "whitelist", [context.address, friend])
 */
export function createPolicyCall(
  admin: string,
  kind: SimplePolicyKind,
  accounts: readonly string[],
): TempoCall {
  return {
    to: registry,
    input: tip403RegistryInterface.encodeFunctionData("createPolicyWithAccounts", [
      admin,
      kind === "whitelist" ? 0 : 1,
      [...accounts],
    ]),
  }
}

/**
 * A policy creation sent, not waited for; `policyId()` waits for it and reads the id from its
 * receipt. The registry numbers policies with one global counter (`policy_id_counter` in tempo's
 * `tip403_registry/mod.rs`), so the id is known only once the creation is mined: a step that names
 * the policy waits for it, a step that does not can go out right behind it.
 *
 * @example
 * const policyId = await policy.value.policyId()
 */
export type PolicyCreation = {
  readonly pending: PendingTransaction
  policyId(): Promise<Result<bigint, BaseError>>
}

/**
 * Sends the creation of one policy (see {@link createPolicyCall}) without waiting for it; once
 * mined, its PolicyCreated log gives the id and the policy is recorded (asset kind "tip403_policy").
 *
 * @example
 * const policy = await sendCreatePolicy(context, "blacklist", [blocked])
 * if (policy.isErr()) return policy
 */
export async function sendCreatePolicy(
  context: TaskContext,
  kind: SimplePolicyKind,
  accounts: readonly string[],
): Promise<Result<PolicyCreation, BaseError>> {
  const noLog = () => taskFailure(context, "no PolicyCreated log in the receipt")
  const pending = sendPathUsdCallsPending(
    context,
    [createPolicyCall(context.address, kind, accounts)],
    policyGas.createPolicy,
    (receipt) => {
      const [policyId] = createdPolicyIds(receipt)
      if (policyId === undefined) return noLog()
      context.recordAsset({
        kind: "tip403_policy",
        address: registry,
        tokenId: policyId.toString(),
        transactionHash: receipt.hash,
        metadata: { policyType: kind, admin: context.address, accounts: [...accounts] },
      })
      return Ok(undefined)
    },
  )
  return Ok({
    pending,
    async policyId() {
      const confirmed = await pending.confirmed()
      if (confirmed.isErr()) return confirmed
      const [policyId] = createdPolicyIds(confirmed.value.receipt)
      return policyId === undefined ? noLog() : Ok(policyId)
    },
  })
}
