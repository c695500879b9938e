import { tip20Interface } from "../../contracts/tip20.js"
import type { TempoAccessListEntry, TempoCall } from "../../transaction/types.js"

/**
 * Which block lane a transaction is built into (TIP-1010): payments have the block to themselves,
 * everything else (general) shares at most {@link tempoGeneralGasLimit} gas per block.
 *
 * @example
 * const lane: TempoLane = classifyTempoLane({ calls })
 */
export type TempoLane = "payment" | "general"

/**
 * Gas per block that general (non-payment) transactions may use together, from T1 on (TIP-1010;
 * tempo `crates/hardfork/src/constants.rs` `TEMPO_T1_GENERAL_GAS_LIMIT`).
 *
 * @example
 * if (generalGasUsed + gasLimit > tempoGeneralGasLimit) console.log("waits for the next block")
 */
export const tempoGeneralGasLimit = 30_000_000n

// TIP-1045's payment allow-list for TIP-20 targets: every entry has static parameters only, so the
// calldata must be exactly the selector plus one word per parameter.
const paymentFunctions = [
  "transfer",
  "transferWithMemo",
  "transferFrom",
  "transferFromWithMemo",
  "approve",
  "mint",
  "mintWithMemo",
  "burn",
  "burnWithMemo",
] as const
const paymentCalldataLength = new Map(
  paymentFunctions.map((name) => {
    const fragment = tip20Interface.getFunction(name)
    if (fragment === null) throw new Error(`the TIP-20 ABI lacks ${name}`)
    return [fragment.selector, 2 + 2 * (4 + 32 * fragment.inputs.length)] as const
  }),
)
const tip20Prefix = "0x20c000000000000000000000"

function isPaymentCall(call: TempoCall): boolean {
  if (call.to === null || !call.to.toLowerCase().startsWith(tip20Prefix)) return false
  const input = (call.input ?? "0x").toLowerCase()
  return paymentCalldataLength.get(input.slice(0, 10)) === input.length
}

/**
 * Classifies a Tempo (0x76) transaction the way T5+ consensus does (TIP-1045, tempo
 * `crates/primitives/src/transaction/envelope.rs` `is_payment_v2`): a payment when it has calls,
 * every call is an allow-listed TIP-20 payment call (target with the `0x20c0…` prefix, selector of
 * transfer/transferWithMemo/transferFrom/transferFromWithMemo/approve/mint/mintWithMemo/burn/
 * burnWithMemo, calldata of exactly the static ABI length) and the access list and authorization
 * list are empty; general otherwise. The TIP20ChannelReserve entries of the allow-list are not
 * modelled (the catalog sends no channel calls); key authorizations are assumed within 1024 bytes.
 *
 * @example
 * classifyTempoLane({ calls: [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(to, 1n) }] }) // "payment"
 */
export function classifyTempoLane(transaction: {
  readonly calls: readonly TempoCall[]
  readonly accessList?: readonly TempoAccessListEntry[]
  readonly authorizationCount?: number
}): TempoLane {
  if ((transaction.accessList?.length ?? 0) > 0 || (transaction.authorizationCount ?? 0) > 0) return "general"
  return transaction.calls.length > 0 && transaction.calls.every(isPaymentCall) ? "payment" : "general"
}

/**
 * A transaction waiting for a block, as {@link packBlock} sees it.
 *
 * @example
 * const candidate: LaneCandidate = { lane: "general", gasLimit: 900_000n }
 */
export type LaneCandidate = { readonly lane: TempoLane; readonly gasLimit: bigint }

/**
 * The builder's lane rule over a queue in arrival order: a transaction is included while the block
 * has gas left, and a general one only while the general transactions already included plus this
 * one stay within `generalGasLimit`; the others wait for a later block. Anvil does not build lanes,
 * so this is the rule the workload's general-lane traffic meets on a real Tempo network.
 *
 * @example
 * const { included, deferred } = packBlock(queue, { blockGasLimit: 500_000_000n })
 */
export function packBlock(
  queue: readonly LaneCandidate[],
  limits: { readonly blockGasLimit: bigint; readonly generalGasLimit?: bigint },
): { included: LaneCandidate[]; deferred: LaneCandidate[] } {
  const generalLimit = limits.generalGasLimit ?? tempoGeneralGasLimit
  const included: LaneCandidate[] = []
  const deferred: LaneCandidate[] = []
  let used = 0n
  let generalUsed = 0n
  for (const candidate of queue) {
    const general = candidate.lane === "general"
    const fits =
      used + candidate.gasLimit <= limits.blockGasLimit &&
      (!general || generalUsed + candidate.gasLimit <= generalLimit)
    if (!fits) {
      deferred.push(candidate)
      continue
    }
    included.push(candidate)
    used += candidate.gasLimit
    if (general) generalUsed += candidate.gasLimit
  }
  return { included, deferred }
}
