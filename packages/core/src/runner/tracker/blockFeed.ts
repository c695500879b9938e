/**
 * Follows the chain head: each poll asks for the head number and the next block's header in ONE
 * batch (at steady state a new block costs no extra round trip) — with, while blocks need their
 * receipts read, the next block's receipts too, and once per block the fee hint. It fetches any
 * further headers of a catch-up range in one more batch, feeds the fee cache, and hands each block
 * to the settlement in order.
 */
import type { BaseError } from "../../errors/base.js"
import type { Result } from "../../result.js"
import { type RpcBlockHeader, type RpcReceipt, toQuantity } from "../chainTypes.js"
import type { RunnerLogger, RunnerRpc } from "../ports.js"
import { type BlockFacts, isMethodUnsupported } from "./blockSettlement.js"
import { receiptsOfHeader } from "./speculativeReceipts.js"
import type { ReceiptTrackerStats, TrackerEvents, TrackerGasManager, TrackerRequestOptions } from "./types.js"

/**
 * What one poll found.
 *
 * @example
 * const polled: PollResult = await feed.poll()
 * if (polled === "unreachable") console.log("head poll failed")
 */
export type PollResult = "unreachable" | "idle" | "advanced"

/**
 * The block settlement as the feed drives it: `prefetched` are the block's receipts when the poll
 * already brought them; `wantsReceipts` says whether the next block will likely need them.
 *
 * @example
 * const settlement: FeedSettlement = { settleBlock: async (block, transactions, prefetched) => {}, wantsReceipts: () => true }
 */
export type FeedSettlement = {
  settleBlock(
    block: BlockFacts,
    transactions: readonly string[],
    prefetched: readonly RpcReceipt[] | undefined,
  ): Promise<void>
  wantsReceipts(): boolean
}

/**
 * Creates the block feed.
 *
 * @example
 * const feed = createBlockFeed({ rpc, gas, logger, events, counters, settlement, maxBlocksPerPoll: 50, requestOptions, blockReceiptOptions })
 * await feed.poll()
 */
export function createBlockFeed(parameters: {
  rpc: RunnerRpc
  gas: TrackerGasManager | undefined
  logger: RunnerLogger
  events: TrackerEvents
  counters: ReceiptTrackerStats
  settlement: FeedSettlement
  maxBlocksPerPoll: number
  priorityFeeMethod: "eth_maxPriorityFeePerGas" | "eth_gasPrice" | undefined
  requestOptions: TrackerRequestOptions
  /** For the next block's receipts asked with the poll: the settlement's longer deadline. */
  blockReceiptOptions: TrackerRequestOptions
  /** Told each processed header (the poll schedule learns the block time from them). */
  onHeader?(number: bigint, timestamp: number): void
}) {
  const { rpc, gas, logger, events, counters, settlement, requestOptions } = parameters
  let priorityFeeMethod = parameters.priorityFeeMethod
  let head: bigint | undefined
  let lastProcessed: bigint | undefined
  // The fee hint is asked once per block (by the first poll after one), kept until the next block.
  let fee: bigint | undefined
  let feeAskedAfter: bigint | undefined | null = null
  // The poll repeats anyway: one retry (on another endpoint where there is one) is enough.
  const pollOptions = { ...requestOptions, retries: 1 }
  const receiptOptions = { ...parameters.blockReceiptOptions, retries: 1 }

  const header = (number: bigint) =>
    rpc.request<RpcBlockHeader | null>("eth_getBlockByNumber", [toQuantity(number), false], pollOptions)

  async function feeFrom(request: Promise<Result<string, BaseError>>) {
    const answer = await request
    if (answer.isOk()) fee = BigInt(answer.value)
    else if (isMethodUnsupported(answer.error)) priorityFeeMethod = undefined
  }

  async function processBlock(
    number: bigint,
    block: RpcBlockHeader,
    priorityFee: bigint | undefined,
    prefetched: readonly RpcReceipt[] | undefined,
  ) {
    const timestamp = Number(BigInt(block.timestamp))
    const baseFeePerGas =
      block.baseFeePerGas === undefined || block.baseFeePerGas === null ? null : BigInt(block.baseFeePerGas)
    gas?.updateFromBlock({ number, baseFeePerGas, gasLimit: BigInt(block.gasLimit) }, priorityFee)
    await settlement.settleBlock({ number, timestamp, baseFeePerGas }, block.transactions, prefetched)
    lastProcessed = number
    counters.blocksProcessed += 1
    parameters.onHeader?.(number, timestamp)
    events.onBlock?.({ number, timestamp, miner: block.miner, transactionCount: block.transactions.length })
  }

  /** Headers and settlement of (from, to]; the first header (and its receipts) may already be in hand. */
  async function processRange(
    from: bigint,
    to: bigint,
    first: RpcBlockHeader | null,
    firstReceipts: readonly RpcReceipt[] | undefined,
  ) {
    const numbers: bigint[] = []
    for (let number = from + (first === null ? 0n : 1n); number <= to; number += 1n) numbers.push(number)
    const rest = await Promise.all(numbers.map(header))
    const headers: [bigint, RpcBlockHeader | null][] = []
    if (first !== null) headers.push([from, first])
    for (const [index, result] of rest.entries()) {
      if (result.isErr()) throw result.error
      headers.push([numbers[index] as bigint, result.value])
    }
    for (const [index, [number, block]] of headers.entries()) {
      if (block === null) return // not yet visible on this endpoint; next poll
      const last = index === headers.length - 1
      await processBlock(number, block, last ? fee : undefined, index === 0 ? firstReceipts : undefined)
      if (last) fee = undefined
    }
  }

  async function poll(): Promise<PollResult> {
    const next = lastProcessed === undefined ? undefined : lastProcessed + 1n
    const headRequest = rpc.request<string>("eth_blockNumber", [], pollOptions)
    const nextHeader = next === undefined ? undefined : header(next)
    // Speculative: null (ignored) until the block is mined; when it is, the poll that finds the
    // block brings its receipts, and the settlement needs no second round trip.
    const nextReceipts =
      next !== undefined && settlement.wantsReceipts()
        ? rpc.request<RpcReceipt[] | null>("eth_getBlockReceipts", [toQuantity(next)], receiptOptions)
        : undefined
    const feeRequest =
      priorityFeeMethod !== undefined && feeAskedAfter !== lastProcessed
        ? rpc.request<string>(priorityFeeMethod, [], pollOptions)
        : undefined
    if (feeRequest !== undefined) feeAskedAfter = lastProcessed
    const result = await headRequest
    if (feeRequest !== undefined) await feeFrom(feeRequest)
    if (result.isErr()) {
      void nextHeader
      void nextReceipts
      // Asked again by the next poll.
      if (feeRequest !== undefined) feeAskedAfter = null
      return "unreachable"
    }
    head = BigInt(result.value)
    if (lastProcessed === undefined) lastProcessed = head - 1n
    if (head <= lastProcessed) return "idle"
    const from = lastProcessed + 1n
    const to =
      head - lastProcessed > BigInt(parameters.maxBlocksPerPoll)
        ? lastProcessed + BigInt(parameters.maxBlocksPerPoll)
        : head
    const speculative = nextHeader === undefined ? undefined : await nextHeader
    const first = speculative?.isOk() === true && next === from ? speculative.value : null
    const receipts = nextReceipts === undefined ? undefined : await nextReceipts
    const firstReceipts =
      first !== null && receipts?.isOk() === true ? receiptsOfHeader(first, receipts.value) : undefined
    try {
      await processRange(from, to, first, firstReceipts)
    } catch (error) {
      logger.warn({ code: (error as BaseError).code ?? "UNKNOWN" }, "block processing failed; retrying")
    }
    return "advanced"
  }

  return {
    poll,
    get head() {
      return head
    },
    get lastProcessed() {
      return lastProcessed
    },
  }
}
