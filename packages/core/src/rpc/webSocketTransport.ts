import { type Dispatcher, WebSocket } from "undici"
import { RpcConnectionRefusedError, type RpcErrorType, RpcTimeoutError } from "../errors/rpc.js"
import { Err, Ok, type Result } from "../result.js"
import type { PreparedEndpoint } from "./httpTransport.js"

/**
 * One JSON-RPC request or batch sent over a WebSocket.
 *
 * @example
 * const parameters: WebSocketSendParameters = { body, ids: [1, 2], batch: true, method: "batch of 2", timeoutMs: 5000 }
 */
export type WebSocketSendParameters = {
  /** The serialized request or batch. */
  body: string
  /** Ids of the calls in `body`; the answer is complete when all have arrived. */
  ids: readonly number[]
  /** True when `body` is a batch (the answer is then an array). */
  batch: boolean
  method: string
  timeoutMs: number
}

/**
 * A lazily (re)connected WebSocket to one endpoint.
 *
 * @example
 * const connection: WebSocketConnection = createWebSocketConnection(prepareEndpoint("ws://127.0.0.1:8545"))
 */
export type WebSocketConnection = {
  /** Sends and resolves with the parsed answer (object, or array for a batch), like an HTTP POST would. */
  send(parameters: WebSocketSendParameters): Promise<Result<unknown, RpcErrorType>>
  close(): void
}

type Waiter = {
  remaining: Set<number>
  responses: unknown[]
  batch: boolean
  timer: NodeJS.Timeout
  resolve(result: Result<unknown, RpcErrorType>): void
}

/**
 * A JSON-RPC transport over one WebSocket (undici 7's `WebSocket`, which works on Node 20
 * without flags and accepts a proxy dispatcher). Requests and batches are sent as text frames
 * and answers matched by id. The socket opens on first use and reopens after it drops; calls
 * in flight when it drops fail with a retryable connection error.
 *
 * @example
 * const connection = createWebSocketConnection(prepareEndpoint("ws://127.0.0.1:8545"))
 * const answer = await connection.send({ body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}', ids: [1], batch: false, method: "eth_chainId", timeoutMs: 5000 })
 */
export function createWebSocketConnection(
  endpoint: PreparedEndpoint,
  options: { dispatcher?: Dispatcher | undefined } = {},
): WebSocketConnection {
  let socket: WebSocket | undefined
  let opening: Promise<Result<WebSocket, RpcErrorType>> | undefined
  const waiters = new Map<number, Waiter>()
  const context = { endpoint: endpoint.configured }

  function failAll(error: RpcErrorType): void {
    const unique = new Set(waiters.values())
    waiters.clear()
    for (const waiter of unique) {
      clearTimeout(waiter.timer)
      waiter.resolve(Err(error))
    }
  }

  function onMessage(data: unknown): void {
    if (typeof data !== "string") return
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      return // Not ours to answer (e.g. a malformed notification); callers time out if it mattered.
    }
    for (const response of Array.isArray(payload) ? payload : [payload]) {
      const id = (response as { id?: unknown } | null)?.id
      if (typeof id !== "number") continue
      const waiter = waiters.get(id)
      if (waiter === undefined) continue
      waiters.delete(id)
      waiter.remaining.delete(id)
      waiter.responses.push(response)
      if (waiter.remaining.size === 0) {
        clearTimeout(waiter.timer)
        waiter.resolve(Ok(waiter.batch ? waiter.responses : waiter.responses[0]))
      }
    }
  }

  function open(): Promise<Result<WebSocket, RpcErrorType>> {
    if (socket !== undefined && socket.readyState === WebSocket.OPEN) return Promise.resolve(Ok(socket))
    if (opening !== undefined) return opening
    opening = new Promise((resolve) => {
      const headers: Record<string, string> = {}
      if (endpoint.authorization !== undefined) headers.authorization = endpoint.authorization
      const created = new WebSocket(endpoint.url, {
        headers,
        ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      })
      created.addEventListener("open", () => {
        socket = created
        opening = undefined
        resolve(Ok(created))
      })
      created.addEventListener("message", (event) => onMessage(event.data))
      created.addEventListener("error", (event) => {
        if (socket !== created) {
          opening = undefined
          resolve(
            Err(
              new RpcConnectionRefusedError({ ...context, reason: "refused", cause: event }) as RpcErrorType,
            ),
          )
        }
      })
      created.addEventListener("close", () => {
        if (socket === created) socket = undefined
        failAll(new RpcConnectionRefusedError({ ...context, reason: "reset" }) as RpcErrorType)
      })
    })
    return opening
  }

  return {
    async send(parameters) {
      const opened = await open()
      if (opened.isErr()) return opened
      return new Promise((resolve) => {
        const waiter: Waiter = {
          remaining: new Set(parameters.ids),
          responses: [],
          batch: parameters.batch,
          timer: setTimeout(() => {
            for (const id of parameters.ids) waiters.delete(id)
            resolve(
              Err(
                new RpcTimeoutError({
                  ...context,
                  method: parameters.method,
                  timeoutMs: parameters.timeoutMs,
                }) as RpcErrorType,
              ),
            )
          }, parameters.timeoutMs),
          resolve,
        }
        for (const id of parameters.ids) waiters.set(id, waiter)
        try {
          opened.value.send(parameters.body)
        } catch (cause) {
          clearTimeout(waiter.timer)
          for (const id of parameters.ids) waiters.delete(id)
          resolve(Err(new RpcConnectionRefusedError({ ...context, reason: "reset", cause }) as RpcErrorType))
        }
      })
    },
    close() {
      socket?.close()
      socket = undefined
      failAll(new RpcConnectionRefusedError({ ...context, reason: "reset" }) as RpcErrorType)
    },
  }
}
