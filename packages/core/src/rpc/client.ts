import { keccak256 } from "ethers"
import { Agent, type Dispatcher } from "undici"
import {
  type RpcErrorType,
  RpcInvalidResponseError,
  RpcTimeoutError,
  RpcUnsupportedTransportError,
} from "../errors/rpc.js"
import { getDispatcherProxy } from "../proxy/dispatcherLabel.js"
import { Err, Ok, type Result } from "../result.js"
import { createBatchingQueue } from "./batchingTransport.js"
import { classifyRpcError, isRetryableRpcError } from "./classify.js"
import { createEndpointHealth, type EndpointHealthSnapshot } from "./endpointHealth.js"
import { sendHedged } from "./hedgedCall.js"
import { type PreparedEndpoint, postJsonRpc, prepareEndpoint } from "./httpTransport.js"
import { createRateLimiter, type RateLimiter } from "./rateLimiter.js"
import type { RpcPriority, RpcRequester, RpcRequestOptions } from "./requester.js"
import { type BackoffPolicy, backoffDelayMs, defaultBackoffPolicy, retryDelayMs } from "./retry.js"
import { isRefusedSend } from "./sendOutcome.js"
import { createWebSocketConnection, type WebSocketConnection } from "./webSocketTransport.js"

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

type PendingCall = {
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

type JsonRpcResponse = { id?: unknown; result?: unknown; error?: unknown }

/** Methods that put a signed transaction into the pool: their failures go through the send-outcome model. */
const sendMethods = new Set(["eth_sendRawTransaction", "eth_sendRawTransactionSync"])

/**
 * Creates the framework's RPC client: raw JSON-RPC over undici (no ethers provider on the
 * hot path), calls of one tick coalesced into batches (`maxBatchSize`, `maxConcurrentBatches`
 * in flight; a batch of one is a plain request), responses matched by id, a per-call node
 * error failing only that call. Endpoints are health-tracked (error rate, latency, head lag)
 * and the healthiest is used; retryable failures (timeouts, 429 with Retry-After, 5xx,
 * resets/refusals) are retried with full-jitter exponential backoff, bounded by `retries`.
 *
 * @example
 * const client = createRpcClient({ endpoints: ["http://127.0.0.1:8545"] })
 * const head = await client.request<string>("eth_blockNumber", [])
 * if (head.isOk()) console.log(BigInt(head.value))
 * await client.close()
 */
export function createRpcClient(options: RpcClientOptions): RpcClient {
  if (options.endpoints.length === 0) throw new RangeError("createRpcClient needs at least one endpoint")
  const endpoints: PreparedEndpoint[] = options.endpoints.map(prepareEndpoint)
  const unsupported = new Set(
    endpoints.flatMap((endpoint, index) => (endpoint.scheme === "other" ? [index] : [])),
  )
  const webSockets = new Map<number, Map<Dispatcher | undefined, WebSocketConnection>>()

  function webSocketFor(index: number, dispatcher: Dispatcher | undefined): WebSocketConnection {
    let byDispatcher = webSockets.get(index)
    if (byDispatcher === undefined) {
      byDispatcher = new Map()
      webSockets.set(index, byDispatcher)
    }
    let connection = byDispatcher.get(dispatcher)
    if (connection === undefined) {
      connection = createWebSocketConnection(endpoints[index] as PreparedEndpoint, { dispatcher })
      byDispatcher.set(dispatcher, connection)
    }
    return connection
  }
  const usableEndpoints = endpoints.length - unsupported.size
  const health = createEndpointHealth(options.endpoints)
  const limiters: (RateLimiter | undefined)[] = endpoints.map(() =>
    options.requestsPerSecond === undefined
      ? undefined
      : createRateLimiter({
          requestsPerSecond: options.requestsPerSecond,
          ...(options.burst === undefined ? {} : { burst: options.burst }),
        }),
  )
  const ownAgent = options.dispatcher === undefined ? new Agent({ keepAliveTimeout: 30_000 }) : undefined
  const defaultDispatcher: Dispatcher = options.dispatcher ?? (ownAgent as Agent)
  const timeoutMs = options.timeoutMs ?? 10_000
  const retries = options.retries ?? 3
  const backoff: BackoffPolicy = { ...defaultBackoffPolicy, ...options.backoff }
  const random = options.random ?? Math.random
  const retryTimers = new Map<NodeJS.Timeout, { call: PendingCall; error: RpcErrorType }>()
  let nextId = 1
  let closed = false
  let lastAnswerAt: number | undefined
  let hedges = 0
  const counters = {
    calls: 0,
    httpRequests: 0,
    retries: 0,
    largestBatch: 0,
    byMethod: new Map<string, number>(),
    errorsByCode: new Map<string, number>(),
  }

  const queue = createBatchingQueue<PendingCall>({
    maxBatchSize: options.maxBatchSize ?? 100,
    batchWaitMs: options.batchWaitMs ?? 0,
    maxConcurrentBatches: options.maxConcurrentBatches ?? 4,
    urgentSlots: options.urgentBatchSlots ?? 2,
    groupOf: (call) => call.dispatcher,
    isUrgent: (call) => call.priority === "high",
    sendBatch: (calls) => sendBatch(calls),
  })

  function settle(call: PendingCall, result: Result<unknown, RpcErrorType>): void {
    if (call.settled) return
    call.settled = true
    if (call.onAbort !== undefined) call.signal?.removeEventListener("abort", call.onAbort)
    if (result.isErr())
      counters.errorsByCode.set(result.error.code, (counters.errorsByCode.get(result.error.code) ?? 0) + 1)
    call.resolve(result)
  }

  function retryOrFail(call: PendingCall, error: RpcErrorType): void {
    if (call.settled) return
    if (closed || call.attempt >= call.retries || !isRetryableRpcError(error, call.method)) {
      if (call.ambiguous && sendMethods.has(call.method) && isRefusedSend(error))
        void settleAfterResend(call, error)
      else settle(call, Err(error))
      return
    }
    if (!isRefusedSend(error) && !call.ambiguous) {
      call.ambiguous = true
      call.ambiguousError = error
    }
    // With another endpoint to fail over to, a Retry-After only benches the limited endpoint
    // (health cool-down); the call itself retries elsewhere after the normal backoff.
    const delay =
      error.code === "RPC_RATE_LIMITED" && usableEndpoints > 1
        ? backoffDelayMs(call.attempt, backoff, random)
        : retryDelayMs(error, call.attempt, backoff, random)
    call.attempt += 1
    // A timeout or a failure says little about the other endpoints: try one of them next.
    if (usableEndpoints > 1) call.avoidEndpoint = call.lastEndpoint
    counters.retries += 1
    const timer = setTimeout(() => {
      retryTimers.delete(timer)
      if (!call.settled) queue.enqueue(call)
    }, delay)
    retryTimers.set(timer, { call, error })
  }

  /**
   * A resend after an ambiguous failure (timeout, reset after writing, 5xx …) may meet its own
   * earlier success as "nonce too low", or be refused while the first attempt sits in the pool.
   * The node is asked for the hash: found → the send succeeded; not found after "nonce too low" →
   * another transaction holds the nonce (a refusal); not found after any other refusal → the
   * first failure stands (outcome unknown: only proof frees a nonce).
   */
  async function settleAfterResend(call: PendingCall, error: RpcErrorType): Promise<void> {
    const raw = call.parameters[0]
    if (closed || !sendMethods.has(call.method) || !call.ambiguous || typeof raw !== "string") {
      settle(call, Err(error))
      return
    }
    const hash = keccak256(raw)
    const found = await request("eth_getTransactionByHash", [hash], {
      ...(call.dispatcher ? { dispatcher: call.dispatcher } : {}),
      priority: call.priority,
    })
    if (found.isOk() && found.value !== null) settle(call, Ok(hash))
    else if (error.code === "RPC_NONCE_TOO_LOW" && found.isOk()) settle(call, Err(error))
    else settle(call, Err(call.ambiguousError ?? error))
  }

  async function sendBatch(batch: PendingCall[]): Promise<void> {
    const calls = batch.filter((call) => !call.settled)
    const first = calls[0]
    if (first === undefined) return
    if (unsupported.size === endpoints.length) {
      for (const call of calls) {
        settle(
          call,
          Err(
            new RpcUnsupportedTransportError({
              method: call.method,
              endpoint: endpoints[0]?.configured,
            }) as RpcErrorType,
          ),
        )
      }
      return
    }
    const avoided = new Set(unsupported)
    for (const call of calls) if (call.avoidEndpoint !== undefined) avoided.add(call.avoidEndpoint)
    const index = health.pick(avoided.size < endpoints.length ? avoided : unsupported)
    for (const call of calls) call.lastEndpoint = index
    const endpoint = endpoints[index] as PreparedEndpoint
    await limiters[index]?.acquire()
    const dispatcher = first.dispatcher ?? defaultDispatcher
    const body =
      calls.length === 1
        ? JSON.stringify({ jsonrpc: "2.0", id: first.id, method: first.method, params: first.parameters })
        : JSON.stringify(
            calls.map((call) => ({
              jsonrpc: "2.0",
              id: call.id,
              method: call.method,
              params: call.parameters,
            })),
          )
    counters.httpRequests += 1
    counters.largestBatch = Math.max(counters.largestBatch, calls.length)
    const started = performance.now()
    const method = calls.length === 1 ? first.method : `batch of ${calls.length}`
    const batchTimeoutMs = Math.max(...calls.map((call) => call.timeoutMs))
    const answer =
      endpoint.scheme === "ws"
        ? await webSocketFor(index, first.dispatcher).send({
            body,
            ids: calls.map((call) => call.id),
            batch: calls.length > 1,
            method,
            timeoutMs: batchTimeoutMs,
          })
        : await postJsonRpc({
            endpoint,
            body,
            method,
            timeoutMs: batchTimeoutMs,
            dispatcher,
            proxy: getDispatcherProxy(dispatcher),
          })
    if (answer.isErr()) {
      const error = answer.error
      // A failed proxy hop says nothing about the endpoint: the proxy manager bans the proxy.
      if ((error as { reason?: string }).reason !== "proxy") {
        health.recordFailure(index, (error as { retryAfterMs?: number | undefined }).retryAfterMs)
      }
      for (const call of calls) retryOrFail(call, error)
      return
    }
    health.recordSuccess(index, performance.now() - started)
    lastAnswerAt = Date.now()
    const payload = answer.value
    const responses = new Map<unknown, JsonRpcResponse>()
    let batchError: unknown
    for (const response of Array.isArray(payload) ? payload : [payload]) {
      if (typeof response !== "object" || response === null) continue
      const { id, error } = response as JsonRpcResponse
      if (id === null && error !== undefined) batchError = error
      else responses.set(id, response as JsonRpcResponse)
    }
    let rateLimitedInBatch = false
    for (const call of calls) {
      const context = { method: call.method, endpoint: endpoint.configured }
      const response = responses.get(call.id)
      if (response === undefined) {
        retryOrFail(
          call,
          batchError !== undefined
            ? classifyRpcError(batchError, context)
            : (new RpcInvalidResponseError({
                ...context,
                reason: `no response for id ${call.id}`,
              }) as RpcErrorType),
        )
        continue
      }
      if (response.error !== undefined && response.error !== null) {
        const error = classifyRpcError(response.error, context)
        // A JSON-RPC-level rate limit (-32005 …) benches the endpoint like an HTTP 429 does.
        if (error.code === "RPC_RATE_LIMITED" && !rateLimitedInBatch) {
          rateLimitedInBatch = true
          health.recordFailure(index)
        }
        retryOrFail(call, error)
        continue
      }
      if (!("result" in response)) {
        retryOrFail(
          call,
          new RpcInvalidResponseError({
            ...context,
            reason: "response has neither result nor error",
          }) as RpcErrorType,
        )
        continue
      }
      if (call.method === "eth_blockNumber" && typeof response.result === "string") {
        try {
          health.reportHead(index, BigInt(response.result))
        } catch {
          // A malformed head is the caller's problem to see; health ignores it.
        }
      }
      settle(call, Ok(response.result))
    }
  }

  function request<T = unknown>(
    method: string,
    parameters: readonly unknown[],
    requestOptions: RpcRequestOptions = {},
  ): Promise<Result<T, RpcErrorType>> {
    if (closed) throw new Error("RpcClient.request called after close()")
    counters.calls += 1
    counters.byMethod.set(method, (counters.byMethod.get(method) ?? 0) + 1)
    const dispatcher =
      requestOptions.dispatcher ??
      (requestOptions.from !== undefined ? options.dispatcherFor?.(requestOptions.from) : undefined) ??
      options.dispatcher
    return new Promise((resolve) => {
      const newCall = (settleWith: (result: Result<unknown, RpcErrorType>) => void): PendingCall => ({
        id: nextId++,
        method,
        parameters,
        dispatcher,
        timeoutMs: requestOptions.timeoutMs ?? timeoutMs,
        priority: requestOptions.priority ?? "normal",
        attempt: 0,
        retries: requestOptions.retries ?? retries,
        lastEndpoint: undefined,
        avoidEndpoint: undefined,
        ambiguous: false,
        ambiguousError: undefined,
        settled: false,
        signal: requestOptions.signal,
        onAbort: undefined,
        resolve: settleWith,
      })
      const hedgeAfterMs = requestOptions.hedgeAfterMs
      if (hedgeAfterMs !== undefined && !sendMethods.has(method)) {
        sendHedged({
          newCall,
          hedgeAfterMs,
          resolve: resolve as (result: Result<unknown, RpcErrorType>) => void,
          enqueue: (call) => queue.enqueue(call),
          settle,
          isClosed: () => closed,
          onHedge: (second, first) => {
            hedges += 1
            second.avoidEndpoint = first.lastEndpoint
          },
        })
        return
      }
      const call = newCall(resolve as (result: Result<unknown, RpcErrorType>) => void)
      const signal = requestOptions.signal
      if (signal !== undefined) {
        const aborted = () =>
          settle(
            call,
            Err(new RpcTimeoutError({ method, aborted: true, cause: signal.reason }) as RpcErrorType),
          )
        if (signal.aborted) {
          aborted()
          return
        }
        call.onAbort = aborted
        signal.addEventListener("abort", aborted, { once: true })
      }
      queue.enqueue(call)
    })
  }

  function endpointIndex(endpoint: number | string): number {
    if (typeof endpoint === "number") return endpoint
    const index = options.endpoints.indexOf(endpoint)
    if (index < 0) throw new RangeError("reportHead: unknown endpoint")
    return index
  }

  return {
    request,
    reportHead(endpoint, blockNumber) {
      health.reportHead(endpointIndex(endpoint), blockNumber)
    },
    stats() {
      return {
        calls: counters.calls,
        httpRequests: counters.httpRequests,
        byMethod: Object.fromEntries(counters.byMethod),
        retries: counters.retries,
        errorsByCode: Object.fromEntries(counters.errorsByCode),
        largestBatch: counters.largestBatch,
        queued: queue.queued,
        queuedHigh: queue.queuedUrgent,
        inFlight: queue.inFlight,
        inFlightHigh: queue.inFlightUrgent,
        endpoints: health.snapshot(),
        lastAnswerAt,
        hedges,
      }
    },
    endpoints: health.snapshot().map((snapshot) => snapshot.endpoint),
    async close() {
      closed = true
      // Calls waiting for a retry get the error that made them wait.
      for (const [timer, { call, error }] of retryTimers) {
        clearTimeout(timer)
        settle(call, Err(error))
      }
      retryTimers.clear()
      for (const byDispatcher of webSockets.values())
        for (const connection of byDispatcher.values()) connection.close()
      // destroy, not close: a hanging request must not hold shutdown for its whole timeout.
      await ownAgent?.destroy()
    },
  }
}
