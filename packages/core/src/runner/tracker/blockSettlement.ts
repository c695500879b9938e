/**
 * Settles one block's tracked hashes: plain transfers to proven-codeless recipients from the
 * block itself (receiptDerivation.ts); everything else from one `eth_getBlockReceipts` (or, where
 * the node lacks it, the receipts of our hashes only, in one batch).
 */
import type { BaseError } from "../../errors/base.js"
import type { TransactionReceipt } from "../../tasks/transactionTypes.js"
import { type RpcReceipt, toQuantity } from "../chainTypes.js"
import type { RunnerLogger, RunnerRpc } from "../ports.js"
import { deriveTransferReceipt, type VerifiedRecipients } from "../receiptDerivation.js"
import type { TrackerState } from "./trackerState.js"
import type { PendingEntry, ReceiptTrackerStats, TrackerRequestOptions } from "./types.js"

/**
 * What the tracker knows of a block from its header.
 *
 * @example
 * const block: BlockFacts = { number: 5n, timestamp: 1_700_000_005, baseFeePerGas: 7n }
 */
export type BlockFacts = { number: bigint; timestamp: number; baseFeePerGas: bigint | null }

/**
 * True when the node says it has no such method (error codes from rpc/classify.ts).
 *
 * @example
 * if (isMethodUnsupported(result.error)) blockReceiptsSupported = false
 */
export function isMethodUnsupported(error: BaseError): boolean {
  return error.code === "RPC_METHOD_NOT_FOUND"
}

/** A block of thousands settles in slices so one settle burst never holds the event loop long. */
const settlesPerTick = 256

/**
 * Creates the block settlement.
 *
 * @example
 * const settlement = createBlockSettlement({ rpc, state, recipients, counters, logger, deriveTransfers: true, requestOptions })
 * await settlement.settleBlock(block, header.transactions)
 */
export function createBlockSettlement(parameters: {
  rpc: RunnerRpc
  state: TrackerState
  recipients: VerifiedRecipients
  counters: ReceiptTrackerStats
  logger: RunnerLogger
  deriveTransfers: boolean
  requestOptions: TrackerRequestOptions
  /** For `eth_getBlockReceipts`: a longer deadline. */
  blockReceiptOptions: TrackerRequestOptions
}) {
  const { rpc, state, recipients, counters, logger, deriveTransfers, requestOptions } = parameters
  let blockReceiptsSupported = true
  /** The last block held tracked transactions whose receipts had to be read. */
  let lastBlockRead = false

  async function fetchReceipts(
    block: bigint,
    hashes: string[],
    prefetched: readonly RpcReceipt[] | undefined,
  ): Promise<readonly RpcReceipt[]> {
    if (prefetched !== undefined) {
      counters.receiptsFetched += prefetched.length
      return prefetched
    }
    // Always the whole block where the node has the method: anvil 1.7.1's eth_getTransactionReceipt
    // reported a wrong gasUsed for transactions read right after their block was mined (the first
    // increment's 43112 where the block's receipts, and the same call later, say 26012).
    if (blockReceiptsSupported) {
      const result = await rpc.request<RpcReceipt[] | null>(
        "eth_getBlockReceipts",
        [toQuantity(block)],
        parameters.blockReceiptOptions,
      )
      if (result.isOk()) {
        counters.receiptsFetched += result.value?.length ?? 0
        return result.value ?? []
      }
      if (!isMethodUnsupported(result.error)) throw result.error
      blockReceiptsSupported = false
      logger.info({}, "eth_getBlockReceipts is not supported; falling back to per-transaction receipts")
    }
    // Receipts of OUR hashes in this block only, issued together (one batch).
    const results = await Promise.all(
      hashes.map((hash) =>
        rpc.request<RpcReceipt | null>("eth_getTransactionReceipt", [hash], requestOptions),
      ),
    )
    counters.receiptsFetched += hashes.length
    const receipts: RpcReceipt[] = []
    for (const result of results) {
      if (result.isErr()) throw result.error
      if (result.value !== null) receipts.push(result.value)
    }
    return receipts
  }

  /** The receipt of a tracked plain transfer written from its block, when its recipient is proven. */
  function receiptFromBlock(entry: PendingEntry, block: BlockFacts) {
    const transfer = deriveTransfers ? entry.plainTransfer : undefined
    const gasUsed = transfer === undefined ? undefined : recipients.gasUsedFor(transfer.to)
    if (transfer === undefined || gasUsed === undefined) return undefined
    return deriveTransferReceipt({ hash: entry.hash, from: entry.lane.address, transfer, gasUsed, block })
  }

  async function settleFetched(
    block: BlockFacts,
    hashes: string[],
    prefetched: readonly RpcReceipt[] | undefined,
  ) {
    // Block receipts settle more than asked for (e.g. transfers waiting for a probe): all real.
    for (const receipt of await fetchReceipts(block.number, hashes, prefetched))
      state.settleReceipt(receipt, block.timestamp)
  }

  /**
   * Settles this block's tracked hashes: written from the block where the recipient is proven;
   * otherwise read — one probe per unproven recipient first, so that (where the node reads
   * receipts one by one) the rest of that recipient's transfers can still be written.
   */
  async function settleBlock(
    block: BlockFacts,
    transactions: readonly string[],
    prefetched?: readonly RpcReceipt[],
  ) {
    const fetch: string[] = []
    const later: PendingEntry[] = []
    const probed = new Set<string>()
    const derived: [PendingEntry, TransactionReceipt][] = []
    for (const listed of transactions) {
      const hash = listed.toLowerCase()
      const entry = state.pending.get(hash)
      if (entry === undefined) {
        if (state.dropped.has(hash)) fetch.push(hash)
        continue
      }
      const receipt = receiptFromBlock(entry, block)
      if (receipt !== undefined) derived.push([entry, receipt])
      else if (entry.plainTransfer === undefined || !deriveTransfers) fetch.push(hash)
      else {
        const to = entry.plainTransfer.to.toLowerCase()
        if (probed.has(to)) later.push(entry)
        else {
          probed.add(to)
          fetch.push(hash)
        }
      }
    }
    // Block receipts (the usual answer) settle every tracked hash of the block, derived ones too.
    lastBlockRead = fetch.length > 0
    if (fetch.length > 0) await settleFetched(block, fetch, prefetched)
    const unproven: string[] = []
    for (const entry of later) {
      if (!state.pending.has(entry.hash)) continue
      const receipt = receiptFromBlock(entry, block)
      if (receipt === undefined) unproven.push(entry.hash)
      else derived.push([entry, receipt])
    }
    if (unproven.length > 0) await settleFetched(block, unproven, prefetched)
    for (const [index, [entry, receipt]] of derived.entries()) {
      // Each settle resolves a task's promise and queues a journal update: slice big blocks.
      if (index > 0 && index % settlesPerTick === 0)
        await new Promise<void>((resolve) => setImmediate(resolve))
      if (!state.pending.has(entry.hash)) continue
      counters.receiptsDerived += 1
      state.settle(entry, { status: "included", receipt })
    }
  }

  /**
   * Worth asking for the next block's receipts with the poll: the last block held transactions of
   * ours that needed reading (so blocks are full of ours: a low-rate run on a busy chain does not
   * download foreign blocks' receipts), and a pending one will need its receipt read (not a plain
   * transfer its block can settle; a transfer to a recipient not proven yet is read by the usual
   * probe). Stops at the first such entry, so a mixed workload costs O(1).
   */
  function wantsReceipts(): boolean {
    if (!blockReceiptsSupported || !lastBlockRead) return false
    if (!deriveTransfers) return state.pending.size > 0
    for (const entry of state.pending.values()) if (entry.plainTransfer === undefined) return true
    return false
  }

  return { settleBlock, wantsReceipts }
}
