// The RPC client: call intake, batching, endpoint choice, retries and the resend check. Batches go
// on the wire in endpointTransport.ts; their answers are matched in batchResponse.ts.
import { keccak256 } from "ethers"
import { Agent } from "undici"
import { type RpcErrorType, RpcTimeoutError, RpcUnsupportedTransportError } from "../errors/rpc.js"
import { Err, Ok, type Result } from "../result.js"
import { createBatchingQueue } from "./batchingTransport.js"
import { settleBatchResponse } from "./batchResponse.js"
import { isRetryableRpcError } from "./classify.js"
import { type PendingCall, type RpcClient, type RpcClientOptions, sendMethods } from "./clientTypes.js"
import { createEndpointHealth } from "./endpointHealth.js"
import { createEndpointTransport } from "./endpointTransport.js"
import { sendHedged } from "./hedgedCall.js"
import { type PreparedEndpoint, prepareEndpoint } from "./httpTransport.js"
import type { RpcRequestOptions } from "./requester.js"
import { type BackoffPolicy, backoffDelayMs, defaultBackoffPolicy, retryDelayMs } from "./retry.js"
import { isRefusedSend } from "./sendOutcome.js"

export type { RpcClient, RpcClientOptions, RpcClientStats } from "./clientTypes.js"

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
  const usableEndpoints = endpoints.length - unsupported.size
  const health = createEndpointHealth(options.endpoints)
  const ownAgent = options.dispatcher === undefined ? new Agent({ keepAliveTimeout: 30_000 }) : undefined
  const transport = createEndpointTransport({
    endpoints,
    defaultDispatcher: options.dispatcher ?? (ownAgent as Agent),
    ...(options.requestsPerSecond === undefined ? {} : { requestsPerSecond: options.requestsPerSecond }),
    ...(options.burst === undefined ? {} : { burst: options.burst }),
  })
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
    await transport.acquire(index)
    counters.httpRequests += 1
    counters.largestBatch = Math.max(counters.largestBatch, calls.length)
    const started = performance.now()
    const answer = await transport.send(index, calls, first.dispatcher)
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
    settleBatchResponse({
      calls,
      payload: answer.value,
      endpoint: endpoint.configured,
      index,
      health,
      settle,
      retryOrFail,
    })
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
      transport.close()
      // destroy, not close: a hanging request must not hold shutdown for its whole timeout.
      await ownAgent?.destroy()
    },
  }
}
