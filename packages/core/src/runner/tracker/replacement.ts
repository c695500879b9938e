/**
 * Replacement of stuck transactions. Under EIP-1559 a transaction whose `maxFeePerGas` is below
 * the block's base fee cannot be included; on Tempo since T7 (TIP-1067) the base fee can rise ~7×
 * in one block, and every later nonce of that sender waits behind it. A transaction underpriced
 * for `afterBlocks` blocks in a row, or pending `afterMs`, is signed again through the submitter
 * (same request, same nonce) with `gas.bump` fees — both fields raised by at least the node's
 * replacement minimum (geth `txpool.pricebump`, reth `PriceBumpConfig`: 10 %), never above the
 * cap — journaled, then broadcast. Both hashes stay tracked; whichever is mined wins
 * (trackerState.ts `retireGroup`).
 */

import type { RunRecorder } from "../../database/recorder.js"
import { classifySendOutcome } from "../../rpc/sendOutcome.js"
import type { RunnerFees, RunnerLogger, RunnerRpc } from "../ports.js"
import type { Clock } from "../scheduling/clock.js"
import type { TrackerState } from "./trackerState.js"
import type { PendingEntry, ReceiptTrackerStats, ReplacementGroup, TrackerGasManager } from "./types.js"

function maxFeeOf(fees: RunnerFees): bigint {
  return "gasPrice" in fees ? fees.gasPrice : fees.maxFeePerGas
}

/**
 * The replacement step of the tracker's poll.
 *
 * @example
 * const replacement = createReplacement({ rpc, state, gas, clock, logger, recorder, counters, afterBlocks: 3, afterMs: 45_000, checkAfterBlocks: 4 })
 * await replacement.check(head)
 */
export function createReplacement(parameters: {
  rpc: RunnerRpc
  state: TrackerState
  gas: TrackerGasManager
  clock: Clock
  logger: RunnerLogger
  recorder: RunRecorder
  counters: ReceiptTrackerStats
  afterBlocks: number
  afterMs: number
  /** Drop detection's first look, for the replacement's own wait. */
  checkAfterBlocks: number
}) {
  const { rpc, state, gas, clock, logger, recorder, counters } = parameters
  let lastHead: bigint | undefined

  function groupOf(entry: PendingEntry): ReplacementGroup {
    if (entry.group === undefined)
      entry.group = { members: [entry], latest: entry, replacing: false, capped: false }
    return entry.group
  }

  /** Signs, journals and broadcasts one replacement of `entry` (the group's latest member). */
  async function replaceOne(entry: PendingEntry, head: bigint) {
    const { replace, fees: previousFees } = entry
    const bump = gas.bump
    if (replace === undefined || previousFees === undefined || bump === undefined) return
    const fees = bump(previousFees)
    const group = groupOf(entry)
    if (fees.isErr()) {
      if (!group.capped)
        logger.warn(
          { hash: entry.hash, nonce: entry.nonce.toString(), code: fees.error.code },
          "a stuck transaction cannot be replaced under the fee cap",
        )
      group.capped = true
      entry.underpricedBlocks = 0
      return
    }
    group.replacing = true
    try {
      const signed = await replace(fees.value)
      if (signed.isErr()) {
        logger.warn({ hash: entry.hash, code: signed.error.code }, "replacement not signed or journaled")
        return
      }
      const { hash, raw } = signed.value
      const member: PendingEntry = {
        ...entry,
        hash,
        raw,
        fees: fees.value,
        ...(entry.plainTransfer === undefined
          ? {}
          : { plainTransfer: { ...entry.plainTransfer, fees: fees.value } }),
        sentAt: clock.now(),
        sentAtBlock: head,
        rebroadcast: false,
        checkAtBlock: head + BigInt(parameters.checkAfterBlocks),
        checkEveryBlocks: parameters.checkAfterBlocks,
        nonceTakenOnce: false,
        underpricedBlocks: 0,
        group,
      }
      if (!state.join(member, entry)) {
        // Settled while signing: the replacement was journaled but never leaves this process.
        recorder.updateTransactions([{ hash, status: "replaced", replacedBy: entry.hash }])
        return
      }
      group.members.push(member)
      group.latest = member
      const answer = await rpc.request<string>("eth_sendRawTransaction", [raw], {
        from: entry.lane.address,
      })
      const outcome = answer.isOk() ? undefined : classifySendOutcome(answer.error)
      if (answer.isErr() && outcome?.kind === "refused") {
        // Not admitted (e.g. "replacement underpriced", or the previous one was just mined).
        state.leave(member)
        group.members.pop()
        group.latest = entry
        entry.underpricedBlocks = 0
        recorder.updateTransactions([{ hash, status: "failed", errorCode: answer.error.code }])
        logger.info({ hash: entry.hash, reason: outcome.reason }, "replacement refused")
        return
      }
      counters.replacements += 1
      recorder.updateTransactions([{ hash: entry.hash, status: "replaced", replacedBy: hash }])
      logger.info(
        {
          hash: entry.hash,
          replacement: hash,
          nonce: entry.nonce.toString(),
          maxFeePerGas: maxFeeOf(fees.value).toString(),
        },
        "replaced a stuck transaction",
      )
    } finally {
      group.replacing = false
    }
  }

  /** Counts underpriced blocks per transaction and replaces what is due (call once per new head). */
  async function check(head: bigint) {
    const advanced = lastHead === undefined ? 1 : Math.max(0, Number(head - lastHead))
    lastHead = head
    if (state.pending.size === 0 || gas.bump === undefined) return
    const baseFee = gas.getLatestBlock?.()?.baseFeePerGas ?? null
    const now = clock.now()
    const due: PendingEntry[] = []
    for (const entry of state.pending.values()) {
      if (entry.replace === undefined || entry.fees === undefined) continue
      const group = entry.group
      if (group !== undefined && (group.latest !== entry || group.replacing)) continue
      if (baseFee !== null && baseFee > maxFeeOf(entry.fees)) entry.underpricedBlocks += advanced
      else entry.underpricedBlocks = 0
      if (entry.underpricedBlocks >= parameters.afterBlocks || now - entry.sentAt >= parameters.afterMs)
        due.push(entry)
    }
    await Promise.all(due.map((entry) => replaceOne(entry, head)))
  }

  return { check }
}
