/**
 * Putting one batch on the wire: the JSON-RPC body (a batch of one is a plain request), then an
 * HTTP POST through the call's dispatcher or a message on the endpoint's WebSocket (one
 * connection per endpoint and dispatcher, opened on first use).
 */
import type { Dispatcher } from "undici"
import type { RpcErrorType } from "../errors/rpc.js"
import type { Result } from "../result.js"
import type { PendingCall } from "./clientTypes.js"
import { getDispatcherProxy } from "./dispatcherLabel.js"
import { type PreparedEndpoint, postJsonRpc } from "./httpTransport.js"
import { createRateLimiter, type RateLimiter } from "./rateLimiter.js"
import { createWebSocketConnection, type WebSocketConnection } from "./webSocketTransport.js"

/**
 * The client's transports to its endpoints.
 *
 * @example
 * const answer = await transport.send(0, calls, calls[0]?.dispatcher)
 */
export type EndpointTransport = {
  /** Waits for endpoint `index`'s rate limit (`requestsPerSecond`), if any: call before `send`. */
  acquire(index: number): Promise<void>
  /** Sends the calls as one request to endpoint `index`; the answer is the parsed JSON payload. */
  send(
    index: number,
    calls: readonly PendingCall[],
    dispatcher: Dispatcher | undefined,
  ): Promise<Result<unknown, RpcErrorType>>
  /** Closes the WebSocket connections (HTTP connections belong to the dispatchers). */
  close(): void
}

function encodeBatch(calls: readonly PendingCall[]): string {
  const first = calls[0] as PendingCall
  if (calls.length === 1)
    return JSON.stringify({ jsonrpc: "2.0", id: first.id, method: first.method, params: first.parameters })
  return JSON.stringify(
    calls.map((call) => ({ jsonrpc: "2.0", id: call.id, method: call.method, params: call.parameters })),
  )
}

/**
 * Creates the transports over prepared endpoints; `defaultDispatcher` carries HTTP calls that
 * name no dispatcher of their own.
 *
 * @example
 * const transport = createEndpointTransport({ endpoints: urls.map(prepareEndpoint), defaultDispatcher: new Agent() })
 */
export function createEndpointTransport(parameters: {
  endpoints: readonly PreparedEndpoint[]
  defaultDispatcher: Dispatcher
  /** Per endpoint; a batch is one request, which is how providers count. */
  requestsPerSecond?: number
  burst?: number
}): EndpointTransport {
  const { endpoints, defaultDispatcher, requestsPerSecond, burst } = parameters
  const limiters: (RateLimiter | undefined)[] = endpoints.map(() =>
    requestsPerSecond === undefined
      ? undefined
      : createRateLimiter({ requestsPerSecond, ...(burst === undefined ? {} : { burst }) }),
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

  return {
    async acquire(index) {
      await limiters[index]?.acquire()
    },
    send(index, calls, callDispatcher) {
      const endpoint = endpoints[index] as PreparedEndpoint
      const first = calls[0] as PendingCall
      const body = encodeBatch(calls)
      const method = calls.length === 1 ? first.method : `batch of ${calls.length}`
      const timeoutMs = Math.max(...calls.map((call) => call.timeoutMs))
      if (endpoint.scheme === "ws")
        return webSocketFor(index, callDispatcher).send({
          body,
          ids: calls.map((call) => call.id),
          batch: calls.length > 1,
          method,
          timeoutMs,
        })
      const dispatcher = callDispatcher ?? defaultDispatcher
      return postJsonRpc({
        endpoint,
        body,
        method,
        timeoutMs,
        dispatcher,
        proxy: getDispatcherProxy(dispatcher),
      })
    },
    close() {
      for (const byDispatcher of webSockets.values())
        for (const connection of byDispatcher.values()) connection.close()
    },
  }
}
