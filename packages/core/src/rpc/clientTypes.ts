/**
 * The RPC client's options, counters and public shape, and the call record it keeps internally.
 */
import type { Dispatcher } from "undici"
import type { RpcErrorType } from "../errors/rpc.js"
import type { Result } from "../result.js"
import type { EndpointHealthSnapshot } from "./endpointHealth.js"
import type { RpcPriority, RpcRequester } from "./requester.js"
import type { BackoffPolicy } from "./retry.js"

/**
 * Configuration of {@link createRpcClient}.
 *
 * @example
 * const options: RpcClientOptions = { endpoints: ["http://127.0.0.1:8545"], maxBatchSize: 200, requestsPerSecond: 50 }
 */
export type RpcClientOptions = {
  /** One or more endpoints of the same chain: http(s):// (undici request) or ws(s):// (undici WebSocket). Other schemes answer RpcUnsupportedTransportError. */
  endpoints: readonly string[]
  /** Largest JSON-RPC batch per HTTP request. Default 100. */
  maxBatchSize?: number
  /** 0 (default) coalesces calls issued in the same tick; > 0 waits that long to collect more. */
  batchWaitMs?: number
  /** HTTP requests in flight at once. Default 4 (anvil runs one batch per core). */
  maxConcurrentBatches?: number
  /** Extra in-flight slots only high-priority calls may use (default 2): hung sends never starve head polls. */
  urgentBatchSlots?: number
  /** Token-bucket limit per endpoint, in HTTP requests per second. Default: unlimited. */
  requestsPerSecond?: number
  /** Token-bucket size. Default: one second's worth. */
  burst?: number
  /** Per HTTP request. Default 10 000 ms. */
  timeoutMs?: number
  /** Retries of a retryable failure (so attempts = retries + 1). Default 3. */
  retries?: number
  backoff?: Partial<BackoffPolicy>
  /** Dispatcher for every request (e.g. one proxy). Default: an own keep-alive undici Agent. */
  dispatcher?: Dispatcher
  /** Per-wallet dispatcher (wallet-sticky proxies); used when a request passes `from`. */
  dispatcherFor?: (address: string) => Dispatcher | undefined
  /** Injectable randomness for the backoff jitter (tests). */
  random?: () => number
}

/**
 * Counters the benchmarks read.
 *
 * @example
 * const { calls, httpRequests, queued, queuedHigh } = client.stats()
 * console.log(`${httpRequests / calls} HTTP requests per call, ${queued} queued (${queuedHigh} high)`)
 */
export type RpcClientStats = {
  /** JSON-RPC calls requested by callers (retries not included). */
  calls: number
  /** HTTP requests sent (a batch is one). */
  httpRequests: number
  byMethod: Record<string, number>
  /** Call re-sends after a retryable failure. */
  retries: number
  /** Final errors returned to callers, by code. */
  errorsByCode: Record<string, number>
  largestBatch: number
  /** Calls waiting for a batch slot (high-priority ones included). */
  queued: number
  /** High-priority calls waiting for a batch slot. */
  queuedHigh: number
  /** HTTP requests in flight (high-priority ones included). */
  inFlight: number
  /** High-priority HTTP requests in flight. */
  inFlightHigh: number
  endpoints: EndpointHealthSnapshot[]
  /** Unix ms of the last HTTP/WebSocket answer from any endpoint (a JSON-RPC error counts: the node answered); undefined before the first. */
  lastAnswerAt: number | undefined
  /** Second attempts of hedged reads (`hedgeAfterMs`) sent so far. */
  hedges: number
}

/**
 * A JSON-RPC client over HTTP with batching, failover, retries and rate limiting.
 *
 * @example
 * const client: RpcClient = createRpcClient({ endpoints: ["http://127.0.0.1:8545"] })
 * const chainId = await client.request<string>("eth_chainId", [])
 */
export type RpcClient = RpcRequester<RpcErrorType> & {
  /** Records a head block seen on an endpoint (by index or URL) for head-lag health. */
  reportHead(endpoint: number | string, blockNumber: bigint): void
  stats(): RpcClientStats
  /** Masked endpoint URLs, in configuration order. */
  readonly endpoints: readonly string[]
  /** Stops accepting calls, fails calls still waiting for a retry, and destroys the client's own connections (in-flight calls fail). */
  close(): Promise<void>
}

/**
 * One call while the client holds it (queued, in a batch, or waiting for a retry).
 *
 * @example
 * if (!call.settled) queue.enqueue(call)
 */
export type PendingCall = {
  id: number
  method: string
  /** Sent as the JSON-RPC `params` field. */
  parameters: readonly unknown[]
  dispatcher: Dispatcher | undefined
  timeoutMs: number
  priority: RpcPriority
  attempt: number
  /** Retries allowed for this call. */
  retries: number
  /** The endpoint of the last attempt; a retry or a hedge prefers another one. */
  lastEndpoint: number | undefined
  avoidEndpoint: number | undefined
  /** A previous attempt failed in a way that may have reached the node. */
  ambiguous: boolean
  /** The first such failure: what a send's outcome is when a later attempt is refused. */
  ambiguousError: RpcErrorType | undefined
  settled: boolean
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
  resolve(result: Result<unknown, RpcErrorType>): void
}

/**
 * Methods that put a signed transaction into the pool: their failures go through the send-outcome
 * model (ADR 0013) and they are never hedged.
 *
 * @example
 * if (sendMethods.has(call.method)) void settleAfterResend(call, error)
 */
export const sendMethods = new Set(["eth_sendRawTransaction", "eth_sendRawTransactionSync"])
