/**
 * The one JSON-RPC request signature of the framework: the RPC client implements it, and the
 * runner, the tasks (`context.rpc`), the report and the metrics wrapper depend on nothing more.
 */
import type { Dispatcher } from "undici"
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"

/**
 * How urgently a call must go out. `"high"` calls (head and block polls that everything else
 * waits on) never queue behind `"normal"` ones: they are batched among themselves, sent first,
 * and may use one in-flight slot beyond `maxConcurrentBatches` that normal batches never take.
 *
 * @example
 * const priority: RpcPriority = "high"
 * await client.request<string>("eth_blockNumber", [], { priority })
 */
export type RpcPriority = "normal" | "high"

/**
 * Per-call options of {@link RpcClient.request}.
 *
 * @example
 * await client.request("eth_sendRawTransaction", [raw], { from: wallet.address, timeoutMs: 30_000 })
 * await client.request("eth_blockNumber", [], { priority: "high" })
 */
export type RpcRequestOptions = {
  signal?: AbortSignal
  /** The wallet this call is for: routes it through `dispatcherFor(from)`. */
  from?: string
  /** Explicit dispatcher for this call (wins over `from`). */
  dispatcher?: Dispatcher
  /** Overrides the client's timeout (e.g. eth_sendRawTransactionSync waits for a block). */
  timeoutMs?: number
  /** Default "normal". Retries keep the priority of the call. */
  priority?: RpcPriority
  /**
   * For idempotent reads only: unanswered after this many ms, the call is sent once more (to the
   * healthiest endpoint, in a new batch) and the first answer wins. A slow or hung answer then
   * costs about `hedgeAfterMs` instead of its full delay or the timeout.
   */
  hedgeAfterMs?: number
  /** Overrides the client's `retries` for this call (e.g. 1 for a poll that is repeated anyway). */
  retries?: number
}

/**
 * Anything that sends JSON-RPC calls. Calls issued in the same tick share one batch POST (the RPC
 * client); the result is not validated: `T` is the caller's claim about the node's answer.
 *
 * @example
 * const head = await rpc.request<string>("eth_blockNumber", [], { priority: "high" })
 */
export type RpcRequester<Failure extends BaseError = BaseError> = {
  request<T = unknown>(
    method: string,
    parameters: readonly unknown[],
    options?: RpcRequestOptions,
  ): Promise<Result<T, Failure>>
}
