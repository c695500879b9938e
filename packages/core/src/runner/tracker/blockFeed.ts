/**
 * Follows the chain head: each poll asks for the head number, the next block's header and the
 * fee hint in ONE batch (at steady state a new block costs no extra round trip), fetches any
 * further headers of a catch-up range in one more batch, feeds the fee cache, and hands each
 * block to the settlement in order.
 */
import type { BaseError } from "../../errors/base.js"
import type { Result } from "../../result.js"
import { type RpcBlockHeader, toQuantity } from "../chainTypes.js"
import type { RunnerLogger, RunnerRpc } from "../ports.js"
import { type BlockFacts, isMethodUnsupported } from "./blockSettlement.js"
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
 * Creates the block feed.
 *
 * @example
 * const feed = createBlockFeed({ rpc, gas, logger, events, counters, settleBlock, maxBlocksPerPoll: 50, requestOptions })
 * await feed.poll()
 */
export function createBlockFeed(parameters: {
  rpc: RunnerRpc
  gas: TrackerGasManager | undefined
  logger: RunnerLogger
  events: TrackerEvents
  counters: ReceiptTrackerStats
  settleBlock: (block: BlockFacts, transactions: readonly string[]) => Promise<void>
  maxBlocksPerPoll: number
  priorityFeeMethod: "eth_maxPriorityFeePerGas" | "eth_gasPrice" | undefined
  requestOptions: TrackerRequestOptions
}) {
  const { rpc, gas, logger, events, counters, settleBlock, requestOptions } = parameters
  let priorityFeeMethod = parameters.priorityFeeMethod
  let head: bigint | undefined
  let lastProcessed: bigint | undefined
  // The poll repeats anyway: one retry (on another endpoint where there is one) is enough.
  const pollOptions = { ...requestOptions, retries: 1 }

  const header = (number: bigint) =>
    rpc.request<RpcBlockHeader | null>("eth_getBlockByNumber", [toQuantity(number), false], pollOptions)

  async function priorityFeeFrom(request: Promise<Result<string, BaseError>> | undefined) {
    if (request === undefined) return undefined
    const answer = await request
    if (answer.isOk()) return BigInt(answer.value)
    if (isMethodUnsupported(answer.error)) priorityFeeMethod = undefined
    return undefined
  }

  async function processBlock(number: bigint, block: RpcBlockHeader, priorityFee: bigint | undefined) {
    const timestamp = Number(BigInt(block.timestamp))
    const baseFeePerGas =
      block.baseFeePerGas === undefined || block.baseFeePerGas === null ? null : BigInt(block.baseFeePerGas)
    gas?.updateFromBlock({ number, baseFeePerGas, gasLimit: BigInt(block.gasLimit) }, priorityFee)
    await settleBlock({ number, timestamp, baseFeePerGas }, block.transactions)
    lastProcessed = number
    counters.blocksProcessed += 1
    events.onBlock?.({ number, timestamp, miner: block.miner, transactionCount: block.transactions.length })
  }

  /** Headers and settlement of (from, to]; the first header may already be in hand. */
  async function processRange(
    from: bigint,
    to: bigint,
    first: RpcBlockHeader | null,
    fee: bigint | undefined,
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
      await processBlock(number, block, index === headers.length - 1 ? fee : undefined)
    }
  }

  async function poll(): Promise<PollResult> {
    const next = lastProcessed === undefined ? undefined : lastProcessed + 1n
    const headRequest = rpc.request<string>("eth_blockNumber", [], pollOptions)
    const nextHeader = next === undefined ? undefined : header(next)
    const feeRequest =
      priorityFeeMethod === undefined ? undefined : rpc.request<string>(priorityFeeMethod, [], pollOptions)
    const result = await headRequest
    if (result.isErr()) {
      void nextHeader
      void feeRequest
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
    const fee = await priorityFeeFrom(feeRequest)
    try {
      await processRange(from, to, first, fee)
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
  }
}
